"""Demo reviewer groups (one per programme) and a few demo applications to review.

Each programme gets a "<programme> reviewers" group that may view, change and export the
applications of that programme only (see reviews.permissions). The open programme gets a
handful of applications in different statuses, one with a CV, so the listing, the
dashboard and the status pipeline have something to show; five of its applicants are in
the talent pool with a profile. Leeds City Council recruits from the pool (its recruiter's
password is set by ``ensure_admin``).
"""

import datetime as dt
import random
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from campaigns.models import Council
from forms.choices import PAGE_BREAK
from forms.models import (
    Application,
    ApplicationFile,
    ApplicationFormPage,
    ApplicationStatus,
    EligibilityResult,
    FormPurpose,
    PoolProfile,
)
from forms.models.pages import FieldSection
from forms.pool import save_profile
from forms.references import new_reference
from recruiters.models import Recruiter, RecruitingOrganisation
from reviews.models import ProgrammeAccess

REVIEWER_PERMISSIONS = ["view_application", "change_application", "export_application"]
DEMO_APPLICANTS = [
    ("Amira Haddad", ApplicationStatus.RECEIVED),
    ("Ben Okafor", ApplicationStatus.ELIGIBLE),
    ("Catrin Jones", ApplicationStatus.SHORTLISTED),
    ("Deepak Mistry", ApplicationStatus.RECEIVED),
    ("Eleanor Walsh", ApplicationStatus.NOT_ELIGIBLE),
    ("Femi Adeyemi", ApplicationStatus.INTERVIEW),
    ("Grace Lin", ApplicationStatus.RECEIVED),
    ("Hamid Rahimi", ApplicationStatus.RECEIVED),
]
DEMO_CV = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def reviewer_group(programme):
    """The programme's reviewer group, with admin access, the reviewer permissions and access."""
    group, _ = Group.objects.get_or_create(name=f"{programme.title} reviewers")
    permissions = Permission.objects.filter(
        content_type__app_label__in=["wagtailadmin", "application_forms"],
        codename__in=["access_admin", *REVIEWER_PERMISSIONS],
    )
    group.permissions.add(*permissions)
    ProgrammeAccess.objects.get_or_create(group=group, programme=programme)
    return group


def demo_applications(programme):
    """A few applications to the programme's application form, if it has none yet."""
    form_page = (
        ApplicationFormPage.objects.child_of(programme).filter(purpose=FormPurpose.APPLICATION).first()
    )
    if form_page is None or Application.objects.filter(page=form_page).exists():
        return 0
    if form_page.window_state().is_upcoming:
        return 0
    fields = {field.label: field for field in form_page.form_fields.all()}
    rng = random.Random(programme.pk)  # noqa: S311 - demo data, not security
    for days_ago, (name, status) in enumerate(DEMO_APPLICANTS):
        email = name.lower().replace(" ", ".") + "@example.org"
        answers = {
            field.clean_name: ""
            for field in fields.values()
            if field.field_type not in ("file", PAGE_BREAK) and field.section != FieldSection.EQUALITY
        }
        answers.update(
            {
                fields[label].clean_name: value
                for label, value in [
                    ("Full name", name),
                    ("Email address", email),
                    ("Postcode", rng.choice(["LS1 4AP", "CM1 1QH", "BS1 5TR"])),
                    ("Why do you want to return?", "I miss the work and I am ready to come back."),
                ]
                if label in fields
            }
        )
        application = Application(
            page=form_page,
            programme=programme,
            form_data=answers,
            applicant_name=name,
            applicant_email=email,
            status=status,
            eligibility=(
                EligibilityResult.NOT_ELIGIBLE
                if status == ApplicationStatus.NOT_ELIGIBLE
                else EligibilityResult.ELIGIBLE
            ),
            reference=new_reference(form_page.reference_prefix),
        )
        application.save()
        submitted = timezone.now() - dt.timedelta(days=days_ago, hours=2)
        Application.objects.filter(pk=application.pk).update(submit_time=submitted)
        cv_field = next((f for f in fields.values() if f.field_type == "file"), None)
        if cv_field:
            stored = ApplicationFile(
                application=application,
                field_name=cv_field.clean_name,
                original_name=f"{name.split()[0]}-CV.pdf",
                content_type="application/pdf",
                size=len(DEMO_CV),
            )
            stored.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(DEMO_CV), save=False)
            stored.save()
            Application.objects.filter(pk=application.pk).update(
                form_data={**answers, cv_field.clean_name: stored.original_name}
            )
    return len(DEMO_APPLICANTS)


# Demo applicants who joined the talent pool: regions, years of experience, availability, note,
# and a skill of their own (searched for by the demo recruiter).
DEMO_POOL = {
    "Ben Okafor": (["yorkshire", "north-west"], 9, "one-month", "", "Mentoring new starters."),
    "Catrin Jones": (["south-west"], 14, "now", "Part-time, school hours", "Welsh speaker."),
    "Femi Adeyemi": (["london", "south-east", "east"], 6, "three-months", "", "Budget management."),
    "Grace Lin": (["yorkshire"], 11, "now", "", "Mandarin speaker and team leadership."),
    "Hamid Rahimi": (["north-east", "north-west"], 4, "one-month", "Full-time", "Coaching colleagues."),
}
DEMO_RECRUITER = {
    "council": "Leeds City Council",
    "email": "recruiter@leeds.example.org",
    "name": "Lee Recruiter",
}
DEMO_SKILLS = {
    "social-work": "Child protection, court reports, multi-agency work and supervising students.",
    "ict": "Network administration, cloud migration and leading a service desk.",
    "stem": "Laboratory analysis, data modelling and managing engineering projects.",
}


def demo_pool(programme):
    """Talent pool profiles for three demo applicants of the programme, if it has none yet."""
    if PoolProfile.objects.filter(application__programme=programme).exists():
        return 0
    applications = list(
        Application.objects.filter(
            programme=programme, applicant_name__in=DEMO_POOL, page__in=pool_forms(programme)
        ).select_related("programme")
    )
    for application in applications:
        regions, years, availability, note, skill = DEMO_POOL[application.applicant_name]
        details = {
            "years_of_experience": years,
            "skills_summary": f"{DEMO_SKILLS.get(programme.profession, DEMO_SKILLS['ict'])} {skill}",
            "availability": availability,
            "availability_note": note,
        }
        save_profile(application, regions, details, consent=True)
    return len(applications)


def demo_recruiter():
    """The demo council's recruiting organisation and its recruiter (the password is ensure_admin's)."""
    council = Council.objects.filter(name=DEMO_RECRUITER["council"]).first()
    if council is None:
        return None
    organisation, _ = RecruitingOrganisation.objects.get_or_create(
        name=council.name, defaults={"kind": RecruitingOrganisation.Kind.COUNCIL, "council": council}
    )
    user_model = get_user_model()
    user = user_model.objects.filter(username=DEMO_RECRUITER["email"]).first()
    if user is None:
        first, _, last = DEMO_RECRUITER["name"].partition(" ")
        user = user_model(username=DEMO_RECRUITER["email"], email=DEMO_RECRUITER["email"])
        user.first_name, user.last_name = first, last
        user.set_unusable_password()
        user.save()
    Recruiter.objects.get_or_create(user=user, defaults={"organisation": organisation})
    return user


def pool_forms(programme):
    return ApplicationFormPage.objects.child_of(programme).filter(offer_talent_pool=True).values("pk")

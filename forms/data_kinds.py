"""The kinds of personal data the public intake keeps: applications (with their files), drafts,
development plans and talent pool profiles.

Registered in ``forms.apps`` (see ``forms.personal_data``). The back office registers the
rows that hang off an application (equality answers, notes, status history) in ``reviews``;
recruiting registers interests and the audit of profile views in ``recruiters``.

A plan goes with its application, which is held while the plan is open. A pool profile is
deleted by the first purge after its consent ends or is withdrawn (consent is its only
basis), and its application is held while consent is active; see docs/data-protection.md.
"""

import operator

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils.text import get_valid_filename

from forms import drafts, personal_data, pool, retention, saved_drafts
from forms.choices import SIGNUP_PURPOSES
from forms.models import (
    ACTIVE_STAGES,
    Application,
    ApplicationFile,
    ApplicationFormPage,
    PlanItem,
    PoolProfile,
    SavedDraft,
)
from forms.months import months_after


def register_kinds():
    personal_data.register(
        personal_data.DataKind(
            name="applications",
            label="Applications and their files",
            model=Application,
            for_email=lambda email: Application.objects.filter(applicant_email__iexact=email.strip()),
            export=export_applications,
            delete=retention.delete_applications,
            notice=applications_notice,
            expired=retention.expired_applications,
            programme="programme",
        )
    )
    # An application still in recruitment waits until it leaves the active stages.
    personal_data.register_hold("applications", lambda now: Q(status__in=ACTIVE_STAGES))
    register_plans_and_pool()
    personal_data.register(
        personal_data.DataKind(
            name="drafts",
            label="Applications not sent yet (drafts)",
            model=Session,
            for_email=lambda email: Session.objects.filter(pk__in=drafts.session_keys_with_address(email)),
            export=export_drafts,
            delete=delete_drafts,
            notice=drafts_notice,
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="saved_drafts",
            label="Applications saved to come back to later",
            model=SavedDraft,
            for_email=lambda email: SavedDraft.objects.filter(email__iexact=email.strip()),
            export=saved_drafts.export,
            delete=saved_drafts.delete,
            notice=saved_drafts.notice,
            expired=saved_drafts.expired,
            programme=None,
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="draft_uploads",
            label="Files uploaded to drafts",
            model=ApplicationFile,
            for_email=lambda email: ApplicationFile.objects.none(),  # found through their draft
            export=lambda rows: personal_data.Exported(),
            delete=retention.delete_unlinked_files,
            notice=lambda: [],  # said with the drafts
            expired=retention.expired_draft_uploads,
        )
    )


def register_plans_and_pool():
    """Development plans and talent pool profiles, and the holds they put on their applications."""
    personal_data.register(
        personal_data.DataKind(
            name="plans",
            label="Development plans",
            model=PlanItem,
            for_email=of_applications_to(PlanItem),
            export=export_plans,
            delete=personal_data.delete_rows,
            notice=plans_notice,
            programme="application__programme",
        )
    )
    personal_data.register_hold("applications", plan_open)
    personal_data.register(
        personal_data.DataKind(
            name="pool_profiles",
            label="Talent pool profiles",
            model=PoolProfile,
            for_email=of_applications_to(PoolProfile),
            export=export_pool_profiles,
            delete=personal_data.delete_rows,  # its regions, interests and view audit cascade
            notice=pool_notice,
            expired=expired_pool_profiles,
            programme="application__programme",
            shared_with=POOL_SHARED_WITH,
        )
    )
    personal_data.register_hold("applications", pool_consent_active)


def zip_path(reference, application_file):
    return f"files/{reference}/{application_file.pk}-{get_valid_filename(application_file.original_name)}"


def export_applications(rows):
    records, files = [], []
    for application in rows.select_related("programme", "page").prefetch_related("files").order_by("pk"):
        records.append(
            {
                "reference": application.reference,
                "programme": application.programme.title if application.programme else "",
                "form": application.page.title,
                "submitted_at": application.submit_time.isoformat(),
                "status": application.get_status_display(),
                "eligibility": application.get_eligibility_display(),
                "waiting_list": application.waiting_list,
                "name": application.applicant_name,
                "email": application.applicant_email,
                "answers": application.form_data,
                "files": [zip_path(application.reference, item) for item in application.files.all()],
            }
        )
        files += [(zip_path(application.reference, item), item.file.name) for item in application.files.all()]
    return personal_data.Exported(records=records, files=files)


def applications_notice():
    """How long applications are kept, from each live form's own retention setting."""
    forms = ApplicationFormPage.objects.live().order_by("path")
    lines = []
    for form in forms:
        kind = "sign-ups" if form.purpose in SIGNUP_PURPOSES else "applications"
        lines.append(
            f"{form_name(form)}, {kind} (with their files, notes and status history): {after_closing(form)}."
        )
    return lines


def form_name(form):
    """The form's programme's title (the form's own title if it has no programme)."""
    programme = form.get_programme()
    return programme.title if programme else form.title


def after_closing(form):
    """When a form's applications go, in words: "6 months after the form closes"."""
    months = form.retention_months
    period = f"{months} month{'s' if months != 1 else ''}"
    if not form.closes_at:
        return f"{period} after each one is sent (the form has no closing date)"
    return "as soon as the form closes" if months == 0 else f"{period} after the form closes"


def drafts_notice():
    hours = settings.APPLICATION_DRAFT_HOURS
    return [
        f"An application you have started but not sent (its answers and files): {hours} hours after "
        "your last change, unless you saved it to come back to later. If your answers to the "
        "eligibility questions mean you cannot apply, nothing of them is kept."
    ]


def export_drafts(rows):
    records, files = [], []
    for session in rows:
        for draft in drafts.drafts_in(session.get_decoded()):
            records.append({"answers": draft.data, "files": [info["name"] for info in draft.files.values()]})
            for item in ApplicationFile.objects.filter(pk__in=draft.file_ids, application__isnull=True):
                files.append((f"drafts/{item.pk}-{get_valid_filename(item.original_name)}", item.file.name))
    return personal_data.Exported(records=records, files=files)


def delete_drafts(rows):
    """Deletes the drafts' uploads (objects first), then the sessions holding the drafts."""
    sessions = list(rows)
    ids = [
        pk
        for session in sessions
        for draft in drafts.drafts_in(session.get_decoded())
        for pk in draft.file_ids
    ]
    files = retention.delete_unlinked_files(
        ApplicationFile.objects.filter(pk__in=ids, application__isnull=True)
    )
    count, _ = Session.objects.filter(pk__in=[session.pk for session in sessions]).delete()
    return personal_data.Deleted(count=count, kept=files.kept)


POOL_SHARED_WITH = (
    "the councils and employers recruiting through the talent pool, while you consent: your profession, "
    "the regions you chose, years of experience, skills summary and availability; your name and "
    "contact details only go to an organisation whose interest you choose to answer by sharing them"
)


def of_applications_to(model, path="application"):
    """``for_email`` of rows hanging off an application (through ``path``): those of the address's
    applications."""
    return lambda email: model.objects.filter(**{f"{path}__applicant_email__iexact": email.strip()})


def exported_by_application(rows, record, path="application", related=()):
    """``export`` of rows hanging off an application (through ``path``): for each row, the
    application's reference, then what ``record`` gives."""
    reach = operator.attrgetter(path.replace("__", "."))
    rows = rows.select_related(path, *related).order_by("pk")
    return personal_data.Exported(
        records=[{"reference": reach(row).reference, **record(row)} for row in rows]
    )


def export_plans(rows):
    """Each plan item with its status, the applicant's notes and the reviewers' feedback."""
    rows = rows.select_related("application").order_by("application_id", "sort_order", "pk")
    return personal_data.Exported(
        records=[
            {
                "reference": item.application.reference,
                "item": item.title,
                "guidance": item.guidance,
                "link": item.link_url,
                "status": item.get_status_display(),
                "your_notes": item.applicant_notes,
                "reviewer_feedback": item.reviewer_feedback,
                "added_by_a_reviewer": item.template_item_id is None,
                "updated_at": item.updated_at.isoformat(),
            }
            for item in rows
        ]
    )


def plan_open(now):
    """The hold: applications whose development plan (one with items) is still open at ``now``."""
    open_plans = Q(pk__in=[])
    for form in ApplicationFormPage.objects.only("pk", "closes_at", "plan_months"):
        if not form.closes_at:
            since = now - relativedelta(months=form.plan_months)
            open_plans |= Q(page_id=form.pk, submit_time__gte=since)
        elif now <= months_after(form.closes_at, form.plan_months):
            open_plans |= Q(page_id=form.pk)
    return open_plans & Q(pk__in=PlanItem.objects.values("application_id"))


def plans_notice():
    """How long development plans are kept, from each live application form's ``plan_months``."""
    forms = ApplicationFormPage.objects.live().exclude(purpose__in=SIGNUP_PURPOSES).order_by("path")
    return [
        f"{form_name(form)}, development plans (their items, your notes and reviewers' feedback): open "
        f"{plan_period(form)}; your application is kept at least until its plan closes, and the plan is "
        "deleted with your application."
        for form in forms
    ]


def plan_period(form):
    months = f"{form.plan_months} month{'s' if form.plan_months != 1 else ''}"
    return f"for {months} after " + ("the form closes" if form.closes_at else "you apply")


def export_pool_profiles(rows):
    """The profile as recruiters see it, with its consent dates."""
    rows = rows.select_related("application").prefetch_related("regions").order_by("pk")
    return personal_data.Exported(
        records=[
            {
                "reference": profile.application.reference,
                "profession": profile.get_profession_display(),
                "regions": profile.region_labels(),
                "years_of_experience": profile.years_of_experience,
                "skills_summary": profile.skills_summary,
                "availability": profile.get_availability_display(),
                "availability_note": profile.availability_note,
                "consented_at": iso(profile.consented_at),
                "consent_expires_at": iso(profile.consent_expires_at),
                "withdrawn_at": iso(profile.withdrawn_at),
                "reminder_sent_at": iso(profile.reminder_sent_at),
            }
            for profile in rows
        ]
    )


def iso(moment):
    return moment.isoformat() if moment else None


def pool_consent_active(now):
    """The hold: applications whose pool profile's consent is active at ``now``."""
    return Q(pk__in=PoolProfile.objects.consent_active(now).values("application_id"))


def expired_pool_profiles(now):
    """Profiles whose consent has ended or was withdrawn (consent is the only reason to keep one)."""
    active = PoolProfile.objects.consent_active(now)
    return PoolProfile.objects.exclude(pk__in=active.values("pk"))


def pool_notice():
    """What happens to a talent pool profile, from ``forms.pool`` (said only while a live form offers it)."""
    if not ApplicationFormPage.objects.live().filter(offer_talent_pool=True).exists():
        return []
    months = pool.CONSENT_MONTHS
    return [
        f"Talent pool profiles: kept while you consent, for {months} months at a time (you can renew it "
        f"for another {months} months, or leave at any time), and removed from every search at once when "
        "you leave, withdraw your application or your consent ends. The next purge after that deletes the "
        "profile, with recruiters' interest in it and the record of who viewed it. While you consent, "
        "your application is kept too, even past its own date."
    ]

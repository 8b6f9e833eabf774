"""The applicant's own page: who is signed in, their applications, and what they may change.

An applicant is an email address, never a Django user: opening a signed sign-in link
(``forms.links``) keeps the verified address in the session. Everything here takes that
address as a parameter and only ever reaches applications made with it (council sign-ups
are not applications and never appear).
"""

from django.db import transaction
from django.http import Http404
from django.utils import timezone
from wagtail.log_actions import log

from forms import pool
from forms.choices import FieldRole, FieldSection, FormPurpose
from forms.models import Application, ApplicationFormField, ApplicationFormPage, ApplicationStatus
from forms.models.applicants import StatusWording
from forms.signals import application_withdrawn

SESSION_KEY = "applicant_email"
# A signed-in session lasts a working day (the cookie's age, renewed when the session changes).
SIGNED_IN_SECONDS = 12 * 60 * 60

S = ApplicationStatus
# The statuses an applicant may withdraw from (the same as the pipeline's: a test holds them together).
WITHDRAWABLE = frozenset({S.RECEIVED, S.ELIGIBLE, S.SHORTLISTED, S.INTERVIEW, S.OFFERED})
# What applicants read about a status when the programme's editors wrote nothing for it.
DEFAULT_WORDING = {
    S.RECEIVED: "We have received your application. We will look at it soon.",
    S.ELIGIBLE: "You meet the programme's eligibility rules. We are looking at your application.",
    S.NOT_ELIGIBLE: "Your application does not meet the programme's eligibility rules.",
    S.SHORTLISTED: "You are on the shortlist. We would like to invite you to an interview.",
    S.INTERVIEW: "You are invited to an interview.",
    S.OFFERED: "We would like to offer you a place on the programme.",
    S.PLACED: "You have a place on the programme.",
    S.UNSUCCESSFUL: "Your application was not successful this time.",
    S.WITHDRAWN: "This application has been withdrawn.",
}


class CannotWithdraw(Exception):
    """The application's status is final (or it was withdrawn already)."""


def normalise(email):
    return (email or "").strip().lower()


def sign_in(request, email):
    """Keeps the verified address in a new session key (no fixation); lasts SIGNED_IN_SECONDS."""
    request.session.cycle_key()
    request.session[SESSION_KEY] = normalise(email)
    request.session.set_expiry(SIGNED_IN_SECONDS)


def sign_out(request):
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def signed_in_email(request):
    """The address this session proved it holds, or None."""
    return request.session.get(SESSION_KEY) or None


def applications_of(email):
    """Every application (not council sign-up) made with ``email``, newest first."""
    if not email:
        return Application.objects.none()
    forms = ApplicationFormPage.objects.filter(purpose=FormPurpose.APPLICATION).values("pk")
    return Application.objects.filter(applicant_email__iexact=normalise(email), page_id__in=forms)


def application_of(email, reference):
    """The application ``reference`` if it was made with ``email``; 404 for anyone else's."""
    application = (
        applications_of(email).select_related("programme", "page").filter(reference=reference).first()
    )
    if application is None:
        raise Http404
    return application


def has_applications(email):
    return applications_of(email).exists()


def wordings_for(applications):
    """{(form page id, status): wording} the editors wrote for these applications' forms (one query)."""
    page_ids = {application.page_id for application in applications}
    wordings = {}
    rows = StatusWording.objects.filter(page_id__in=page_ids).order_by("sort_order", "pk")
    for page_id, status, wording in rows.values_list("page_id", "status", "wording"):
        wordings.setdefault((page_id, status), wording)
    return wordings


def status_wording(application, wordings):
    """The plain-words status applicants read: the editors' wording, else the default one."""
    return wordings.get((application.page_id, application.status)) or DEFAULT_WORDING.get(
        application.status, application.get_status_display()
    )


def can_withdraw(application):
    return application.status in WITHDRAWABLE


def withdraw(email, application_id):
    """Withdraws one of ``email``'s applications (under a row lock), logs it and tells others.

    Receivers of ``application_withdrawn`` (the review pipeline's history, the talent pool)
    run in the same transaction; the team's email is queued after commit.
    """
    from forms.applicant_tasks import enqueue, send_withdrawal_notice

    with transaction.atomic():
        application = applications_of(email).select_for_update().filter(pk=application_id).first()
        if application is None:
            raise Http404
        if not can_withdraw(application):
            raise CannotWithdraw
        previous = application.status
        Application.objects.filter(pk=application.pk).update(status=S.WITHDRAWN, updated_at=timezone.now())
        application.status = S.WITHDRAWN
        log(instance=application, action="application_forms.withdraw", data={"from": previous})
        pool.leave(application)
        application_withdrawn.send(sender=Application, application=application, from_status=previous)
        transaction.on_commit(lambda: enqueue(send_withdrawal_notice, application.pk))
    return application


def contact_fields(page_ids):
    """{form page id: {FieldRole: question name}} for the email and phone questions of these forms.

    The email question is the one with the email role, else the form's first email question
    (as ``forms.submission.applicant_value`` reads it).
    """
    fields, first_email = {}, {}
    rows = (
        ApplicationFormField.objects.filter(page_id__in=page_ids)
        .exclude(section=FieldSection.EQUALITY)
        .order_by("sort_order", "pk")
        .values_list("page_id", "clean_name", "role", "field_type")
    )
    for page_id, clean_name, role, field_type in rows:
        if role in (FieldRole.EMAIL, FieldRole.PHONE):
            fields.setdefault(page_id, {}).setdefault(role, clean_name)
        if field_type == "email":
            first_email.setdefault(page_id, clean_name)
    for page_id, clean_name in first_email.items():
        fields.setdefault(page_id, {}).setdefault(FieldRole.EMAIL, clean_name)
    return fields


def current_phone(email):
    """The phone number of the newest application that asked for one ("" if none); None if none asked."""
    applications = list(applications_of(email).only("pk", "page_id", "form_data"))
    fields = contact_fields({application.page_id for application in applications})
    for application in applications:
        name = fields.get(application.page_id, {}).get(FieldRole.PHONE)
        if name:
            return str((application.form_data or {}).get(name) or "")
    return None


def update_contact(applications, role, value, fields=None):
    """Sets the answer to the ``role`` question (phone or email) on each application; logs each."""
    fields = fields or contact_fields({application.page_id for application in applications})
    changed = []
    for application in applications:
        name = fields.get(application.page_id, {}).get(role)
        data = dict(application.form_data or {})
        if name:
            data[name] = value
        if not name and role != FieldRole.EMAIL:
            continue  # this form never asked for a phone number
        updates = {"form_data": data, "updated_at": timezone.now()}
        if role == FieldRole.EMAIL:
            updates["applicant_email"] = value
        Application.objects.filter(pk=application.pk).update(**updates)
        log(instance=application, action="application_forms.update_contact", data={"field": role})
        changed.append(application.pk)
    return changed


def update_phone(email, phone):
    """Changes the phone number on every application of ``email`` whose form asks for one."""
    with transaction.atomic():
        applications = list(applications_of(email).select_for_update())
        return update_contact(applications, FieldRole.PHONE, phone)


def change_email(old_email, new_email):
    """Moves every application of ``old_email`` to ``new_email`` (once the new address is confirmed)."""
    with transaction.atomic():
        applications = list(applications_of(old_email).select_for_update())
        return update_contact(applications, FieldRole.EMAIL, new_email.strip())

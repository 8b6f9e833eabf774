"""Confirming an application: one transaction that re-checks the window and the places,
allocates a reference, saves the answers and links the files.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.views.decorators.debug import sensitive_variables

from forms import eligibility
from forms.choices import FieldRole, FieldSection
from forms.fields import CONSENT_FIELD, HONEYPOT_FIELD, POOL_FIELDS
from forms.references import new_reference

REFERENCE_ATTEMPTS = 8


class UploadMissing(Exception):
    """A draft's upload was cleaned up before confirming (an old session): select it again."""


class AlreadyApplied(Exception):
    """This email address already applied to the form, and the form takes one application each."""


class FormClosed(Exception):
    """The window closed (or the places ran out) before the application was confirmed."""

    def __init__(self, window):
        super().__init__(window.state)
        self.window = window


def json_safe(data):
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


@sensitive_variables()
def confirm(page, form, draft):
    """Saves the draft's application once; a repeated token returns the first application.

    The form page's row is locked (``SELECT … FOR UPDATE``) for the whole transaction, so
    concurrent confirmations of one form run one at a time: the places count and the
    closing time are checked with nobody else inserting.
    """
    from forms.models import Application, ApplicationFormPage

    with transaction.atomic():
        window_fields = ("opens_at", "closes_at", "places", "when_full", "allow_duplicate_applications")
        locked = (
            ApplicationFormPage.objects.select_for_update(of=("self",)).values(*window_fields).get(pk=page.pk)
        )
        existing = Application.objects.filter(page_id=page.pk, submission_token=draft.token).first()
        if existing:
            return existing
        for name, value in locked.items():  # the window as it is now, not as the request began
            setattr(page, name, value)
        window = page.window_state()
        if not window.is_open:
            raise FormClosed(window)
        if not page.allow_duplicate_applications and previous_application(
            page, applicant_value(form, "email")
        ):
            raise AlreadyApplied
        return save_application(
            page, form, token=draft.token, waiting_list=window.waiting_list, files=draft.files
        )


@sensitive_variables()
def save_application(page, form, token=None, waiting_list=False, files=None):
    """Creates the Application, its EqualityMonitoring answers and links its files.

    ``token`` is the confirm step's one-time token, ``files`` the draft's uploads by
    question. Equality answers never go into ``form_data``.
    """
    from forms import pool
    from forms.models import Application, ApplicationFile, EligibilityResult, EqualityMonitoring
    from forms.tasks import enqueue_application_emails

    answers, equality = split_answers(form)
    files = files or {}
    for name, info in files.items():
        answers[name] = info["name"]
    application = Application(
        page=page,
        form_data=json_safe(answers),
        programme=page.get_programme(),
        applicant_name=applicant_value(form, "name")[:255],
        applicant_email=applicant_value(form, "email"),
        submission_token=token,
        waiting_list=waiting_list,
        eligibility=(
            EligibilityResult.ELIGIBLE if eligibility.has_rules(page) else EligibilityResult.NOT_ASSESSED
        ),
    )
    save_with_new_reference(application, page.reference_prefix)
    file_ids = [info["id"] for info in files.values()]
    linked = ApplicationFile.objects.filter(pk__in=file_ids, application__isnull=True).update(
        application=application
    )
    if linked != len(file_ids):
        raise UploadMissing  # rolls the whole application back
    equality = {name: value for name, value in equality.items() if value not in (None, "", [])}
    if equality:
        EqualityMonitoring.objects.create(application=application, answers=json_safe(equality))
    pool.join_from_answers(application, form.cleaned_data)
    transaction.on_commit(lambda: enqueue_application_emails(application.pk))
    return application


def previous_application(page, email):
    """The first application (not withdrawn) this email address sent to the form, or None."""
    from forms.models import Application, ApplicationStatus

    if not email.strip():
        return None
    return (
        Application.objects.filter(page_id=page.pk, applicant_email__iexact=email.strip())
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .order_by("submit_time")
        .first()
    )


def split_answers(form):
    """(answers kept with the application, equality monitoring answers)."""
    answers, equality = {}, {}
    for name, value in form.cleaned_data.items():
        field = form.fields[name]
        if name == HONEYPOT_FIELD or name in POOL_FIELDS or name in form.file_field_names:
            continue  # the talent pool answers become a PoolProfile, not answers
        if getattr(field, "section", "") == FieldSection.EQUALITY:
            equality[name] = value
        else:
            answers[name] = value
    if CONSENT_FIELD in answers:
        answers[CONSENT_FIELD] = bool(answers[CONSENT_FIELD])
    return answers, equality


def applicant_value(form, role):
    """The answer to the question with this role (for email, else the first email question)."""
    for name, field in form.fields.items():
        if getattr(field, "role", "") == role:
            return str(form.cleaned_data.get(name) or "")
    if role == FieldRole.EMAIL:
        for name, field in form.fields.items():
            if (
                getattr(field, "question_type", "") == "email"
                and getattr(field, "section", "") != FieldSection.EQUALITY
            ):
                return str(form.cleaned_data.get(name) or "")
    return ""


def save_with_new_reference(application, prefix):
    """Saves with a fresh random reference, drawing again on the (rare) clash."""
    for _attempt in range(REFERENCE_ATTEMPTS):
        application.reference = new_reference(prefix)
        try:
            with transaction.atomic():
                application.save()
            return
        except IntegrityError:
            from forms.models import Application

            if not Application.objects.filter(reference=application.reference).exists():
                raise
    raise IntegrityError("Could not allocate a unique reference")

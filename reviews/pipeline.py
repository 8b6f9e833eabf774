"""Each application's way through the pipeline: the transitions allowed and the one way to move."""

from django.db import transaction
from django.utils import timezone

from forms.choices import SIGNUP_PURPOSES
from forms.models import Application, ApplicationFormPage, ApplicationStatus, FormPurpose
from forms.page_cache import on_places_filled_change
from reviews.models import StatusChange

S = ApplicationStatus

# The only status changes the server accepts: current status -> statuses it may move to.
TRANSITIONS = {
    S.RECEIVED: (S.ELIGIBLE, S.NOT_ELIGIBLE, S.WITHDRAWN),
    S.ELIGIBLE: (S.SHORTLISTED, S.UNSUCCESSFUL, S.WITHDRAWN),
    S.NOT_ELIGIBLE: (S.ELIGIBLE,),  # a decision corrected on review
    S.SHORTLISTED: (S.INTERVIEW, S.UNSUCCESSFUL, S.WITHDRAWN),
    S.INTERVIEW: (S.OFFERED, S.UNSUCCESSFUL, S.WITHDRAWN),
    S.OFFERED: (S.PLACED, S.UNSUCCESSFUL, S.WITHDRAWN),
    S.PLACED: (),
    S.UNSUCCESSFUL: (),
    S.WITHDRAWN: (),
}
# A council's or an employer's sign-up: received -> contacted -> signed up, or declined on the way.
SIGNUP_TRANSITIONS = {
    S.RECEIVED: (S.CONTACTED, S.DECLINED),
    S.CONTACTED: (S.SIGNED_UP, S.DECLINED),
    S.SIGNED_UP: (),
    S.DECLINED: (),
}


class InvalidTransition(Exception):
    """A status change the pipeline does not allow (or based on a status that has since changed)."""


def allowed_transitions(status, purpose=FormPurpose.APPLICATION):
    """The statuses a submission in ``status`` to a form of ``purpose`` may move to, in order."""
    table = SIGNUP_TRANSITIONS if purpose in SIGNUP_PURPOSES else TRANSITIONS
    return table.get(status, ())


def purpose_of(application):
    """The purpose (application, council or employer sign-up) of the form the application came from."""
    purpose = ApplicationFormPage.objects.filter(pk=application.page_id).values_list("purpose", flat=True)
    return purpose.first() or FormPurpose.APPLICATION


def change_status(application_id, to_status, user, note="", expected_status=None, email=None):
    """Moves one application to ``to_status`` under a row lock, or raises InvalidTransition.

    ``expected_status`` is the status the user saw: if it has changed since, the change is
    refused rather than applied to a state nobody looked at. ``email`` is an optional
    (subject, body) pair recorded with the change for the status email task.
    """
    with transaction.atomic():
        application = Application.objects.select_for_update().get(pk=application_id)
        current = application.status
        if expected_status is not None and expected_status != current:
            raise InvalidTransition(f"{application.reference} is now {application.get_status_display()}.")
        if to_status not in allowed_transitions(current, purpose_of(application)):
            raise InvalidTransition(
                f"{application.reference} cannot move from {application.get_status_display()} "
                f"to {dict(ApplicationStatus.choices).get(to_status, 'an unknown status')}."
            )
        Application.objects.filter(pk=application.pk).update(status=to_status, updated_at=timezone.now())
        application.status = to_status
        subject, body = email or ("", "")
        change = StatusChange.objects.create(
            application=application,
            from_status=current,
            to_status=to_status,
            note=note,
            user=user,
            email_subject=subject,
            email_body=body,
        )
        on_places_filled_change(application, current, to_status)
    return application, change

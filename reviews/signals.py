"""The pipeline's history follows what applicants do on their own page."""

from django.dispatch import receiver

from forms.models import Application, ApplicationStatus
from forms.signals import application_withdrawn
from reviews.models import StatusChange


@receiver(application_withdrawn, sender=Application)
def record_withdrawal(sender, application, from_status, **kwargs):
    """A withdrawal by the applicant appears in the application's status history like a reviewer's."""
    StatusChange.objects.create(
        application=application,
        from_status=from_status,
        to_status=ApplicationStatus.WITHDRAWN,
        note="Withdrawn by the applicant on their Your applications page.",
        user=None,
    )

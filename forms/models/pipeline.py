"""Who may see which programme's applications, and each application's way through the pipeline."""

from django.conf import settings
from django.db import models, transaction
from django.utils import timezone

from .applications import Application, ApplicationStatus

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


class InvalidTransition(Exception):
    """A status change the pipeline does not allow (or based on a status that has since changed)."""


def allowed_transitions(status):
    """The statuses an application in ``status`` may move to, in pipeline order."""
    return TRANSITIONS.get(status, ())


class ProgrammeAccess(models.Model):
    """Grants a Wagtail group the applications of one programme (edited on the group's page)."""

    group = models.ForeignKey("auth.Group", on_delete=models.CASCADE, related_name="programme_access")
    programme = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="group_access"
    )

    class Meta:
        verbose_name = "programme access"
        verbose_name_plural = "programme access"
        constraints = [models.UniqueConstraint(fields=["group", "programme"], name="unique_programme_access")]
        permissions = [("export_application", "Can export applications")]

    def __str__(self):
        return f"{self.group} → {self.programme}"


class StatusChange(models.Model):
    """One move of an application through the pipeline: who, when, from, to, why, and any email."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    to_status = models.CharField(max_length=20, choices=ApplicationStatus.choices)
    note = models.TextField(blank=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    email_subject = models.CharField(max_length=255, blank=True)
    email_body = models.TextField(blank=True)
    email_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"{self.application_id}: {self.from_status} → {self.to_status}"


class ApplicationNote(models.Model):
    """A reviewer's note on an application, kept with its author and time."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="notes")
    text = models.TextField()
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Note on {self.application_id}"


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
        if to_status not in allowed_transitions(current):
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
    return application, change

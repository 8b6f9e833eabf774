"""Who may see which programme's applications, and each application's history in the pipeline."""

from django.conf import settings
from django.db import models

from forms.models import Application, ApplicationStatus


class ProgrammeAccess(models.Model):
    """Grants a Wagtail group the applications of one programme (edited on the group's page)."""

    group = models.ForeignKey("auth.Group", on_delete=models.CASCADE, related_name="programme_access")
    programme = models.ForeignKey(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="group_access"
    )

    class Meta:
        db_table = "application_forms_programmeaccess"
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
        db_table = "application_forms_statuschange"
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
        db_table = "application_forms_applicationnote"
        ordering = ["-created_at", "-id"]

    def __str__(self):
        return f"Note on {self.application_id}"

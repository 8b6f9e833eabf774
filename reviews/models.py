"""Who may see which programme's applications, each application's history in the pipeline, and
its audit log."""

from django.conf import settings
from django.db import models
from wagtail.models import BaseLogEntry, BaseLogEntryManager

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


class ApplicationLogEntryManager(BaseLogEntryManager):
    """Wagtail's log entries about applications, each kept with the application's programme."""

    def log_action(self, instance, action, **kwargs):
        kwargs.update(object_id=str(instance.pk), programme_id=instance.programme_id)
        return super().log_action(instance, action, **kwargs)

    def for_instance(self, instance):
        return self.filter(object_id=str(instance.pk))

    def viewable_by_user(self, user):
        """Entries about applications of the programmes the user may view (Reports → Site history,
        its CSV and XLSX), even once the application is deleted; every entry for superusers."""
        from reviews.permissions import Action, scoped

        return scoped(self.all(), user, Action.VIEW)


class ApplicationLogEntry(BaseLogEntry):
    """Wagtail's audit log of one application or council sign-up (registered for Application in
    ``wagtail_hooks``): viewed, status changed, note added, file downloaded, deleted."""

    object_id = models.CharField(max_length=255, db_index=True)
    programme = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,  # the entry outlives the programme, as Wagtail's page log entries do
        related_name="+",
    )

    objects = ApplicationLogEntryManager()

    class Meta(BaseLogEntry.Meta):
        ordering = ["-timestamp", "-id"]
        verbose_name = "application log entry"
        verbose_name_plural = "application log entries"

    def __str__(self):
        return f"ApplicationLogEntry {self.pk}: '{self.action}' on application {self.object_id}"


class DataRequestAction(models.TextChoices):
    SUBJECT_ACCESS = "subject-access", "Subject access"
    ERASURE = "erasure", "Erasure"


class DataProtectionRequest(models.Model):
    """A subject access or erasure request an officer handled: what was found, never the address."""

    action = models.CharField(max_length=20, choices=DataRequestAction.choices)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    references = models.JSONField(default=list, help_text="References of the applications it covered.")
    counts = models.JSONField(
        default=dict, help_text="{kind: rows} found (subject access) or deleted (erasure)."
    )

    class Meta:
        ordering = ["-created_at"]
        permissions = [("handle_data_protection", "Can handle data protection requests")]

    def __str__(self):
        return f"{self.get_action_display()} request {self.pk}"


class EqualityReportSnapshot(models.Model):
    """A programme's equality report frozen at one moment: counts only, kept when the answers go."""

    programme = models.OneToOneField(
        "campaigns.CampaignPage", on_delete=models.CASCADE, related_name="equality_report_snapshot"
    )
    frozen_at = models.DateTimeField(auto_now_add=True)
    frozen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    tables = models.JSONField(
        help_text="The report's unsuppressed counts; suppression is applied when shown."
    )

    def __str__(self):
        return f"Equality report of {self.programme_id}, frozen {self.frozen_at:%d/%m/%Y}"

"""Applications saved to come back to later ("Save and come back later")."""

import secrets

from django.db import models


def new_secret():
    return secrets.token_urlsafe(24)


class SavedDraft(models.Model):
    """A draft an applicant saved with their email address, restored from the link emailed to them.

    Kept until the form closes (``expires_at``, or sooner if the form's closing time moves
    earlier), then deleted with its uploads by the purge; deleted at once when it is sent.
    """

    page = models.ForeignKey("ApplicationFormPage", on_delete=models.CASCADE, related_name="saved_drafts")
    email = models.EmailField(max_length=254, help_text="Where the link to come back was sent.")
    draft_token = models.CharField(
        max_length=64, help_text="The draft's one-time confirm token: one saved draft per draft."
    )
    secret = models.CharField(max_length=64, default=new_secret, editable=False)
    data = models.JSONField(default=dict, help_text="The raw answers, re-checked when sent.")
    files = models.JSONField(default=dict, help_text="The uploads by question: id, name, size.")
    saved_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(help_text="When the purge deletes it (the form's closing time).")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["page", "draft_token"], name="saveddraft_one_per_draft"),
        ]
        indexes = [models.Index(fields=["expires_at"], name="saveddraft_expires")]

    def __str__(self):
        return f"Saved draft {self.pk}"

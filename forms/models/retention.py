"""The record of each purge of expired personal data (counts only, never names)."""

from django.db import models


class PurgeRun(models.Model):
    """One run of ``purge_expired_data``: when it ran and how many rows of each kind went."""

    started_at = models.DateTimeField()
    finished_at = models.DateTimeField(null=True, blank=True)
    counts = models.JSONField(
        default=dict,
        help_text="{kind: {deleted, by_programme: {programme id: rows}, kept, held}}: counts, never names.",
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = "purge of expired data"
        verbose_name_plural = "purges of expired data"

    def __str__(self):
        return f"Purge of {self.started_at:%d/%m/%Y %H:%M}"

    def total_deleted(self):
        return sum(kind.get("deleted", 0) for kind in self.counts.values())

    def total_kept(self):
        return sum(kind.get("kept", 0) for kind in self.counts.values())

"""Email alerts: people who asked to hear when applications open, and what each was sent."""

from django.db import models
from django.utils import timezone


class AlertSubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)

    def for_programme(self, programme_id):
        """Confirmed subscribers of one programme and those who asked for news of every programme."""
        return self.confirmed().filter(models.Q(programme_id=programme_id) | models.Q(programme__isnull=True))


class AlertSubscription(models.Model):
    """One address asking to hear when a programme (or any programme) opens for applications."""

    email = models.EmailField(max_length=254)
    programme = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text="Blank: news of every programme's future cohorts.",
    )
    language = models.CharField(max_length=10, default="en-gb")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    objects = AlertSubscriptionQuerySet.as_manager()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["email", "programme"],
                condition=models.Q(programme__isnull=False),
                name="one_alert_per_programme",
            ),
            # A partial index rather than nulls_distinct=False, which SQLite does not support.
            models.UniqueConstraint(
                fields=["email"],
                condition=models.Q(programme__isnull=True),
                name="one_alert_for_every_programme",
            ),
        ]

    def __str__(self):
        return f"Alert {self.pk} ({'confirmed' if self.confirmed_at else 'unconfirmed'})"


class AlertDelivery(models.Model):
    """An "applications are open" email sent to one subscriber for one opening of one form."""

    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="deliveries")
    page = models.ForeignKey(
        "application_forms.ApplicationFormPage", on_delete=models.CASCADE, related_name="+"
    )
    opened_at = models.DateTimeField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "page", "opened_at"], name="one_alert_per_opening"
            )
        ]

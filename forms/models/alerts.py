"""Email alerts: people who asked to hear of new intakes and openings, and what each was sent."""

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


class AlertKind(models.TextChoices):
    """What an alert email told its subscriber."""

    NEW_INTAKE = "new-intake", "A new intake is published"
    OPENING = "opening", "Applications are open"


class AlertDelivery(models.Model):
    """One alert email sent to one subscriber about one form: its news as a new intake, or an opening."""

    subscription = models.ForeignKey(AlertSubscription, on_delete=models.CASCADE, related_name="deliveries")
    page = models.ForeignKey(
        "application_forms.ApplicationFormPage", on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(max_length=20, choices=AlertKind.choices, default=AlertKind.OPENING)
    opened_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="The opening an opening alert was for (blank for a new intake's news).",
    )
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscription", "page", "opened_at"],
                condition=models.Q(kind=AlertKind.OPENING),
                name="one_alert_per_opening",
            ),
            models.UniqueConstraint(
                fields=["subscription", "page"],
                condition=models.Q(kind=AlertKind.NEW_INTAKE),
                name="one_news_per_intake",
            ),
        ]

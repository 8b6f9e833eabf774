"""The talent pool: limited profiles of applicants who agreed to be found, for six months at a time.

A profile never holds contact details: only the profession (from the programme), the regions
the applicant chose, years of experience, a skills summary and availability. Search it only
through ``PoolProfile.objects.searchable()``: a profile whose consent ended, was withdrawn,
or whose application was withdrawn drops out of every search at once (the filter is
applied at query time; nothing has to run for it to happen).
"""

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils import timezone

from campaigns.choices import Profession, Region

from .applications import Application, ApplicationStatus

SKILLS_MAX_LENGTH = 1000


class Availability(models.TextChoices):
    NOW = "now", "Now"
    ONE_MONTH = "one-month", "Within a month"
    THREE_MONTHS = "three-months", "Within three months"
    LATER = "later", "In more than three months"


class PoolProfileQuerySet(models.QuerySet):
    def consent_active(self, now=None):
        """Profiles whose consent was given, has not expired and was not withdrawn at ``now``."""
        return self.filter(
            consented_at__isnull=False,
            consent_expires_at__gt=now or timezone.now(),
            withdrawn_at__isnull=True,
        )

    def searchable(self, now=None):
        """The only profiles anyone may search or show: consent active, application not withdrawn."""
        return self.consent_active(now).exclude(application__status=ApplicationStatus.WITHDRAWN)

    def for_profession(self, profession):
        return self.filter(profession=Profession(profession))

    def in_region(self, region):
        """Profiles that would work in ``region``: they chose it, or chose England-wide."""
        wanted = {Region(region), Region.ENGLAND}
        return self.filter(Exists(PoolRegion.objects.filter(profile=OuterRef("pk"), region__in=wanted)))

    def reminder_due(self, before_end, now=None):
        """Searchable profiles whose consent ends within ``before_end`` and who have not been reminded."""
        now = now or timezone.now()
        return self.searchable(now).filter(
            consent_expires_at__lte=now + before_end, reminder_sent_at__isnull=True
        )


class PoolProfile(models.Model):
    """An applicant's limited profile in the talent pool (never contact details)."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="pool_profile")
    profession = models.CharField(max_length=40, choices=Profession.choices)
    years_of_experience = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(60)]
    )
    skills_summary = models.TextField(blank=True, max_length=SKILLS_MAX_LENGTH)
    availability = models.CharField(max_length=20, choices=Availability.choices, blank=True)
    availability_note = models.CharField(max_length=200, blank=True)
    consented_at = models.DateTimeField(null=True, blank=True, help_text="When consent was last given.")
    consent_expires_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True, help_text="When the applicant left the pool.")
    reminder_sent_at = models.DateTimeField(
        null=True, blank=True, help_text="When the reminder before this consent ends was sent."
    )
    search_text = models.TextField(
        blank=True, editable=False, help_text="Profession, regions, skills and availability as words."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PoolProfileQuerySet.as_manager()

    class Meta:
        indexes = [models.Index(fields=["profession", "consent_expires_at"], name="pool_profession_consent")]

    def __str__(self):
        return f"Talent pool profile {self.pk} ({self.get_profession_display()})"

    @property
    def region_values(self):
        """The chosen regions' values, in the order of ``Region`` (uses prefetched ``regions``)."""
        return sorted((row.region for row in self.regions.all()), key=list(Region.values).index)

    def region_labels(self):
        return [Region(value).label for value in self.region_values]

    def build_search_text(self, regions):
        """The words a search matches: profession, regions, skills summary and availability."""
        parts = [
            self.get_profession_display(),
            *(Region(region).label for region in regions),
            self.skills_summary,
            self.get_availability_display() if self.availability else "",
            self.availability_note,
        ]
        return "\n".join(part for part in parts if part)


class PoolRegion(models.Model):
    """One region a pool profile's applicant would work in."""

    profile = models.ForeignKey(PoolProfile, on_delete=models.CASCADE, related_name="regions")
    region = models.CharField(max_length=40, choices=Region.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "region"], name="unique_pool_region")]
        indexes = [models.Index(fields=["region", "profile"], name="pool_region_profile")]

    def __str__(self):
        return self.get_region_display()

"""Recruiting organisations, their recruiters, their interest in pool candidates, and the audit.

A recruiter is a Django user (never staff, never with Wagtail admin access) who belongs to
one organisation. An organisation sees only its own interests; a candidate's contact details
only once the candidate shared them with that organisation. Every view of a profile or of
contact details, and every share or decline, is a ``ProfileAudit`` row.
"""

from django.conf import settings
from django.db import models

from campaigns.models import Council
from forms.models import Application, PoolProfile

MESSAGE_MAX_LENGTH = 2000


class RecruitingOrganisation(models.Model):
    """A council or an employer whose recruiters may search the talent pool."""

    class Kind(models.TextChoices):
        COUNCIL = "council", "Council"
        EMPLOYER = "employer", "Employer"

    name = models.CharField(max_length=200, unique=True, help_text="As candidates will see it.")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    council = models.OneToOneField(
        Council,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recruiting_organisation",
        help_text="The council snippet, for a council (the organisation keeps its name if it goes).",
    )
    signup = models.OneToOneField(
        Application,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="recruiting_organisation",
        help_text="The sign-up staff approved to create it.",
    )
    active = models.BooleanField(default=True, help_text="Untick to stop its recruiters signing in.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name


class Recruiter(models.Model):
    """A user's membership of a recruiting organisation (what lets them use ``/recruiters/``)."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recruiter")
    organisation = models.ForeignKey(
        RecruitingOrganisation, on_delete=models.CASCADE, related_name="recruiters"
    )
    invited_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.user.get_full_name() or self.user.email} ({self.organisation})"


class InterestState(models.TextChoices):
    WAITING = "waiting", "Waiting for the candidate"
    SHARED = "shared", "Contact details shared"
    DECLINED = "declined", "Declined"


class Outcome(models.TextChoices):
    NONE = "", "Not recorded"
    INTERVIEWED = "interviewed", "Interviewed"
    HIRED = "hired", "Hired"
    NOT_TAKEN_FORWARD = "not-taken-forward", "Not taken forward"


class Interest(models.Model):
    """An organisation's interest in one pool candidate: its message, the answer and the outcome."""

    organisation = models.ForeignKey(
        RecruitingOrganisation, on_delete=models.CASCADE, related_name="interests"
    )
    profile = models.ForeignKey(PoolProfile, on_delete=models.CASCADE, related_name="interests")
    recruiter = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(max_length=MESSAGE_MAX_LENGTH)
    state = models.CharField(max_length=20, choices=InterestState.choices, default=InterestState.WAITING)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True, default=Outcome.NONE)
    created_at = models.DateTimeField(auto_now_add=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    outcome_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "profile"], name="one_interest_per_organisation")
        ]

    def __str__(self):
        return f"{self.organisation} in candidate {self.profile_id}"

    @property
    def is_shared(self):
        return self.state == InterestState.SHARED


class AuditAction(models.TextChoices):
    VIEW_PROFILE = "view-profile", "Viewed the profile"
    INTEREST = "interest", "Expressed interest"
    SHARE = "share", "Candidate shared contact details"
    DECLINE = "decline", "Candidate declined"
    VIEW_CONTACT = "view-contact", "Viewed the contact details"
    OUTCOME = "outcome", "Recorded an outcome"


class ProfileAudit(models.Model):
    """Who saw or did what with a pool profile, and when (goes with the profile)."""

    profile = models.ForeignKey(PoolProfile, on_delete=models.CASCADE, related_name="audit")
    organisation = models.ForeignKey(RecruitingOrganisation, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-pk"]

    def __str__(self):
        return f"{self.get_action_display()}: candidate {self.profile_id}, {self.organisation}"

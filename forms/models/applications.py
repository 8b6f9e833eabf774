"""An application (a form submission), its uploaded files and equality monitoring answers."""

from django.db import models
from django.utils import timezone
from wagtail.contrib.forms.models import AbstractFormSubmission

from forms.choices import SIGNUP_PURPOSES
from forms.storage import private_storage


class ApplicationStatus(models.TextChoices):
    RECEIVED = "received", "Received"
    ELIGIBLE = "eligible", "Eligible"
    NOT_ELIGIBLE = "not-eligible", "Not eligible"
    SHORTLISTED = "shortlisted", "Shortlisted"
    INTERVIEW = "interview", "Interview"
    OFFERED = "offered", "Offered"
    PLACED = "placed", "Placed"
    UNSUCCESSFUL = "unsuccessful", "Unsuccessful"
    WITHDRAWN = "withdrawn", "Withdrawn"
    # A sign-up's own statuses (with RECEIVED): see SIGNUP_STATUSES.
    CONTACTED = "contacted", "Contacted"
    SIGNED_UP = "signed-up", "Signed up"
    DECLINED = "declined", "Declined"


#: The statuses of a council's or an employer's sign-up, in order; applications from returners use the others.
SIGNUP_STATUSES = (
    ApplicationStatus.RECEIVED,
    ApplicationStatus.CONTACTED,
    ApplicationStatus.SIGNED_UP,
    ApplicationStatus.DECLINED,
)
APPLICATION_STATUSES = (ApplicationStatus.RECEIVED,) + tuple(
    status for status in ApplicationStatus if status not in SIGNUP_STATUSES
)


def statuses_for(purpose):
    """The statuses a submission to a form of ``purpose`` (a FormPurpose) can have, in order."""
    return SIGNUP_STATUSES if purpose in SIGNUP_PURPOSES else APPLICATION_STATUSES


#: Statuses of an application that fill one of the programme's places (an offer made, or taken up).
FILLING_PLACES = (ApplicationStatus.OFFERED, ApplicationStatus.PLACED)

#: Statuses of an application still in recruitment: the purge waits and erasure asks to confirm.
ACTIVE_STAGES = (ApplicationStatus.SHORTLISTED, ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED)


class EligibilityResult(models.TextChoices):
    ELIGIBLE = "eligible", "Eligible"
    NOT_ELIGIBLE = "not-eligible", "Not eligible"
    NOT_ASSESSED = "not-assessed", "Not assessed"


class ApplicationQuerySet(models.QuerySet):
    def holding_places(self):
        """Applications that hold one of a form's places (waiting-list ones do not)."""
        return self.filter(waiting_list=False)

    def filling_places(self):
        """Applications offered or placed: each fills one of the programme's places."""
        return self.filter(status__in=FILLING_PLACES)


class Application(AbstractFormSubmission):
    """One applicant's (or council's) answers to an application form."""

    reference = models.CharField(max_length=20, unique=True, help_text="The applicant's reference.")
    programme = models.ForeignKey(
        "campaigns.CampaignPage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="applications",
        help_text="The programme the form belongs to (kept for filtering and permissions).",
    )
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED
    )
    eligibility = models.CharField(
        max_length=20, choices=EligibilityResult.choices, default=EligibilityResult.NOT_ASSESSED
    )
    applicant_name = models.CharField(max_length=255, blank=True)
    applicant_email = models.EmailField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    waiting_list = models.BooleanField(
        default=False, help_text="Applied after every place was taken, on the waiting list."
    )
    submission_token = models.CharField(
        max_length=64,
        unique=True,
        null=True,
        blank=True,
        editable=False,
        help_text="The one-time token of the confirm step: a repeat returns this application.",
    )
    confirmation_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the applicant's confirmation email was sent."
    )
    notification_sent_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="When the team's notification email was sent."
    )
    email_attempts = models.PositiveSmallIntegerField(
        default=0, editable=False, help_text="Failed attempts to send this application's emails."
    )
    email_error = models.CharField(
        max_length=200, blank=True, editable=False, help_text="The last sending error (its type only)."
    )

    objects = ApplicationQuerySet.as_manager()

    # Applications never count as "usage" of a page in Wagtail's reference index (and
    # saving one queues no reference-index task).
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-submit_time"]
        indexes = [
            models.Index(fields=["page", "-submit_time"]),
            models.Index(fields=["programme", "status"]),
            # The admin listing's order, so a page reads a few index entries, not a sort.
            models.Index(fields=["-submit_time", "-id"], name="application_listing_order"),
            # Counting a programme's applications of one form reads this index alone.
            models.Index(fields=["programme", "page"], name="application_programme_page"),
        ]

    def __str__(self):
        return self.reference

    def get_data(self):
        """Adds the reference to the answers, for Wagtail's submissions listing and CSV."""
        return {**super().get_data(), "reference": self.reference}


class ApplicationFile(models.Model):
    """A file an applicant uploaded, kept in private storage under a server-generated key."""

    application = models.ForeignKey(
        Application,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="files",
        help_text="Empty until the application is confirmed.",
    )
    field_name = models.CharField(max_length=255, help_text="The question's clean name.")
    file = models.FileField(storage=private_storage, upload_to="applications/", max_length=255)
    original_name = models.CharField(max_length=255, help_text="The name the applicant gave the file.")
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)
    draft_active_at = models.DateTimeField(
        default=timezone.now,
        editable=False,
        help_text="Last activity on the draft holding this upload; an unlinked upload is deleted "
        "APPLICATION_DRAFT_HOURS after it.",
    )
    saved_draft = models.ForeignKey(
        "SavedDraft",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="uploads",
        help_text="The draft saved to come back to later that holds this upload: kept until it expires.",
    )

    class Meta:
        indexes = [
            models.Index(
                fields=["draft_active_at"],
                condition=models.Q(application__isnull=True),
                name="applicationfile_draft_active",
            )
        ]

    def __str__(self):
        return self.original_name


class EqualityMonitoring(models.Model):
    """Optional equality-monitoring answers: sensitive, stored apart from the application."""

    application = models.OneToOneField(
        Application, on_delete=models.CASCADE, related_name="equality_monitoring"
    )
    answers = models.JSONField(default=dict)

    class Meta:
        verbose_name = "equality monitoring answers"
        verbose_name_plural = "equality monitoring answers"
        permissions = [("view_equality_data", "Can view equality monitoring answers")]

    def __str__(self):
        return f"Equality monitoring for {self.application_id}"

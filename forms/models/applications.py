"""An application (a form submission) and its status."""

from django.db import models
from wagtail.contrib.forms.models import AbstractFormSubmission


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


class Application(AbstractFormSubmission):
    """One applicant's (or council's) answers to an application form."""

    reference = models.CharField(max_length=20, unique=True, help_text="The applicant's reference.")
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.RECEIVED
    )
    applicant_name = models.CharField(max_length=255, blank=True)
    applicant_email = models.EmailField(blank=True)

    class Meta:
        ordering = ["-submit_time"]
        indexes = [models.Index(fields=["page", "-submit_time"]), models.Index(fields=["status"])]

    def __str__(self):
        return self.reference

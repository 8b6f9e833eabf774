"""What applicants read on their own page: the wording editors give each status."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from .applications import ApplicationStatus


class StatusWording(Orderable):
    """What an applicant reads on "Your applications" while their application has one status."""

    page = ParentalKey("ApplicationFormPage", on_delete=models.CASCADE, related_name="status_wordings")
    status = models.CharField(
        max_length=20, choices=ApplicationStatus.choices, help_text="The status this wording is for."
    )
    wording = models.TextField(
        max_length=500,
        help_text='In plain words, e.g. for Shortlisted: "We would like to invite you to an interview". '
        "Without a wording, applicants read a standard sentence for the status.",
    )

    panels = [FieldPanel("status"), FieldPanel("wording")]

    class Meta(Orderable.Meta):
        verbose_name = "status wording"

    def __str__(self):
        return f"{self.get_status_display()}: {self.wording[:40]}"

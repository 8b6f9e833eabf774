"""The application form page: questions, window (opening and closing times) and places."""

from dataclasses import dataclass
from datetime import datetime

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.search import index


class ApplicationFormField(AbstractFormField):
    """One question on an application form."""

    page = ParentalKey("ApplicationFormPage", on_delete=models.CASCADE, related_name="form_fields")


@dataclass(frozen=True)
class WindowState:
    """Where a form is in its application window at one moment."""

    state: str  # "upcoming", "open" or "closed"
    opens_at: datetime | None
    closes_at: datetime | None
    now: datetime

    @property
    def is_open(self):
        return self.state == "open"

    @property
    def days_left(self):
        """Whole days until closing, counted in UK calendar days (0 on the closing day)."""
        if not self.closes_at:
            return None
        closes = timezone.localdate(self.closes_at)
        return (closes - timezone.localdate(self.now)).days


class FormPurpose(models.TextChoices):
    APPLICATION = "application", "Application from a returner"
    COUNCIL_SIGNUP = "council-signup", "Council sign-up (expression of interest)"


class ApplicationFormPage(AbstractEmailForm):
    """A form applicants (or councils) fill in, open only between its opening and closing times."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text="What applicants need before they start and how long it takes.",
    )
    purpose = models.CharField(
        max_length=20,
        choices=FormPurpose.choices,
        default=FormPurpose.APPLICATION,
        help_text="Applications and council sign-ups are listed apart in the admin.",
    )
    reference_prefix = models.CharField(
        max_length=6,
        default="RTW",
        help_text="Letters that start every reference from this form, e.g. CBSW.",
    )
    opens_at = models.DateTimeField(
        null=True, blank=True, help_text="When applications open, in UK time. Blank: open now."
    )
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="When applications close, in UK time. Blank: no deadline."
    )
    upcoming_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown before applications open (the opening time is shown too).",
    )
    closed_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after applications close: what applicants can do next.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Shown on the confirmation page under the reference: what happens next.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("upcoming_message"),
                FieldPanel("closed_message"),
            ],
            heading="Application window (UK time)",
        ),
        InlinePanel("form_fields", label="Questions"),
        FieldPanel("purpose"),
        FieldPanel("reference_prefix"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading="Team notification email",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["campaigns.CampaignPage", "campaigns.CouncilInformationPage"]
    subpage_types = []

    def window_state(self, now=None):
        """Returns the form's WindowState at ``now`` (default: the current time)."""
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            state = "upcoming"
        elif self.closes_at and now > self.closes_at:
            state = "closed"
        else:
            state = "open"
        return WindowState(state=state, opens_at=self.opens_at, closes_at=self.closes_at, now=now)

    def get_context(self, request, *args, **kwargs):
        """Adds the window state so the template shows the right message."""
        context = super().get_context(request, *args, **kwargs)
        context["window"] = self.window_state()
        return context

    def get_programme(self):
        """The CampaignPage this form belongs to (its parent or grandparent)."""
        from campaigns.models import CampaignPage

        return CampaignPage.objects.ancestor_of(self).first()

    def get_submission_class(self):
        """Stores applications in our own model, with a reference and a status."""
        from .applications import Application

        return Application

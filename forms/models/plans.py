"""Personal development plans: the template editors give a programme's form, and each applicant's plan."""

from django.conf import settings
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .applications import Application

NOTES_MAX_LENGTH = 2000


class PlanItemStatus(models.TextChoices):
    TO_DO = "to-do", "To do"
    DOING = "doing", "Doing"
    DONE = "done", "Done"


class PlanItemContent(models.Model):
    """What a plan item says: a title, guidance and an optional link (template items and plan items)."""

    title = models.CharField(
        max_length=200, help_text='e.g. "ReFresh week" or "HCPC re-registration support".'
    )
    guidance = models.TextField(
        blank=True, max_length=NOTES_MAX_LENGTH, help_text="What the applicant does, and how it helps them."
    )
    link_url = models.URLField(blank=True, help_text="A page that tells them more (optional).")
    link_text = models.CharField(
        max_length=100, blank=True, help_text='The link\'s words, e.g. "Book your ReFresh week".'
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.title


class PlanTemplateItem(PlanItemContent, Orderable):
    """One item every applicant's development plan for this form starts with."""

    page = ParentalKey("ApplicationFormPage", on_delete=models.CASCADE, related_name="plan_template_items")

    panels = [
        FieldPanel("title"),
        FieldPanel("guidance"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "development plan item"


class PlanItem(PlanItemContent):
    """One item of an applicant's plan: copied from the template or added by a reviewer."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="plan_items")
    template_item = models.ForeignKey(
        PlanTemplateItem,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The template item it was copied from (empty for a reviewer's item).",
    )
    sort_order = models.IntegerField(default=0)
    status = models.CharField(max_length=10, choices=PlanItemStatus.choices, default=PlanItemStatus.TO_DO)
    applicant_notes = models.TextField(blank=True, max_length=NOTES_MAX_LENGTH)
    reviewer_feedback = models.TextField(blank=True, max_length=NOTES_MAX_LENGTH)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The reviewer who added this item (empty for items from the template).",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["sort_order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "template_item"],
                condition=models.Q(template_item__isnull=False),
                name="one_plan_item_per_template_item",
            )
        ]

"""The baseline of the benchmark: Wagtail's own one-step form page, no upload."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page


class PlainFormField(AbstractFormField):
    """A question on the plain form."""

    page = ParentalKey("PlainFormPage", on_delete=models.CASCADE, related_name="form_fields")


class PlainFormPage(AbstractForm):
    """wagtail.contrib.forms as documented: GET the form, POST it, see the landing page."""

    template = "plainform/plain_form_page.html"
    landing_page_template = "plainform/plain_form_page_landing.html"


class PlainContentPage(Page):
    """The uncached page baseline: a plain Wagtail page with a StreamField, routed by Wagtail's own walk.

    The root of its own Site in ``bench_pages.py`` (as bakerydemo's home page is), since this
    project's HomePage routes its descendants in one query.
    """

    body = StreamField(
        [
            ("heading", blocks.CharBlock()),
            ("paragraph", blocks.RichTextBlock()),
            ("image", ImageChooserBlock()),
        ],
        blank=True,
    )

    content_panels = Page.content_panels + [FieldPanel("body")]
    template = "plainform/plain_content_page.html"

"""The baseline of the benchmark: Wagtail's own one-step form page, no upload."""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.contrib.forms.models import AbstractForm, AbstractFormField


class PlainFormField(AbstractFormField):
    """A question on the plain form."""

    page = ParentalKey("PlainFormPage", on_delete=models.CASCADE, related_name="form_fields")


class PlainFormPage(AbstractForm):
    """wagtail.contrib.forms as documented: GET the form, POST it, see the landing page."""

    template = "plainform/plain_form_page.html"
    landing_page_template = "plainform/plain_form_page_landing.html"

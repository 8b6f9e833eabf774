"""Admin date pickers that leave a date they cannot read as typed, for the form to refuse.

Wagtail's date picker (jQuery datetimepicker) replaces, when the field loses focus, any text
it cannot read in ``WAGTAIL_DATE_FORMAT`` with today's date: "2027-02-01" typed into a
dd/mm/yyyy field silently became today. With ``validateOnBlur`` off the text reaches the
server, where Django's date fields accept dd/mm/yyyy and ISO dates and refuse anything else
with "Enter a valid date."
"""

from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput


class TypedDateInput(AdminDateInput):
    """Wagtail's date picker, without replacing unreadable text by today's date."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class TypedDateTimeInput(AdminDateTimeInput):
    """Wagtail's date and time picker, without replacing unreadable text by the current time."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


def register_overrides():
    """Makes every model date and datetime field in the admin use these pickers."""
    from django.db import models
    from wagtail.admin.forms.models import register_form_field_override

    register_form_field_override(models.DateField, override={"widget": TypedDateInput})
    register_form_field_override(models.DateTimeField, override={"widget": TypedDateTimeInput})

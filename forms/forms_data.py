"""Small helpers shared by the form modules: choices and answers for display and storage."""

import datetime as dt
import decimal

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from wagtail.contrib.forms.forms import _split_by_newline_or_comma


def split_choices(value):
    """Editors' choices, one per line or comma-separated (as Wagtail reads them)."""
    return [item for item in _split_by_newline_or_comma(value or "") if item]


def display_answer(value):
    """An answer as the check-your-answers page and emails show it."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "Yes" if value else "No"
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dt.datetime):
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def display_stored_answer(field_type, value):
    """A saved answer (as the JSON of ``form_data`` keeps it) as ``display_answer`` shows it.

    Dates and times are stored as ISO text; they are read back first, so "2023-06-01" shows
    as "01/06/2023" and a time in UK time.
    """
    if isinstance(value, str) and field_type in STORED_PARSERS:
        try:
            parsed = STORED_PARSERS[field_type](value)
        except ValueError:  # well formed but impossible, e.g. 2023-02-30
            parsed = None
        if isinstance(parsed, dt.datetime) and timezone.is_aware(parsed):
            parsed = timezone.localtime(parsed)
        value = value if parsed is None else parsed
    return display_answer(value)


STORED_PARSERS = {"date": parse_date, "datetime": parse_datetime}

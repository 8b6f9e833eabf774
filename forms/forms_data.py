"""Small helpers shared by the form modules: choices and answers for display and storage."""

import datetime as dt
import decimal

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

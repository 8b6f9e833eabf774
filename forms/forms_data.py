"""Small helpers shared by the form modules: choices and answers for display and storage."""

import datetime as dt
import decimal

from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from wagtail.contrib.forms.forms import _split_by_newline_or_comma


def split_choices(value):
    """Editors' choices, one per line or comma-separated (as Wagtail reads them)."""
    return [item for item in _split_by_newline_or_comma(value or "") if item]


#: How a stored answer (JSON text) of these question types is read back for display.
STORED_AS_TEXT = {"date": parse_date, "datetime": parse_datetime, "number": decimal.Decimal}
#: Question types whose answer is stored as JSON true/false or a list, not as text.
STORED_AS_JSON = frozenset({"checkbox", "checkboxes", "multiselect"})


def shown_as_stored(field_type):
    """Whether a text answer to this type of question reads as stored (``display_answer`` keeps it)."""
    return field_type not in STORED_AS_TEXT and field_type not in STORED_AS_JSON


def display_answer(value, field_type=""):
    """An answer as people read it: check your answers, the admin, exports (one wording).

    ``value`` is either the form's cleaned value or the stored JSON value, in which dates and
    numbers are text; ``field_type`` (the question's type) says how to read that text.
    Empty answers give "" (each page says "Not answered" or "—" itself); yes/no questions
    "Yes" or "No"; several choices are joined with ", "; dates DD/MM/YYYY; times in UK time.
    """
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    if isinstance(value, str) and field_type in STORED_AS_TEXT:
        value = stored_value(value, STORED_AS_TEXT[field_type])
    elif isinstance(value, float):  # a number read back from JSON by the database
        value = decimal.Decimal(str(value))
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, decimal.Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else str(value)
    return str(value)


def stored_value(text, parse):
    """``text`` read with ``parse`` (a date, a time, a number), or the text itself if it is not one."""
    try:
        return parse(text) or text
    except (ValueError, ArithmeticError):
        return text

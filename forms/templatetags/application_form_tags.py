"""Template filters for application forms: UK times written the GOV.UK way."""

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def uk_time(value):
    """'11:59pm', '9am', 'midday' for an aware datetime, in UK time (Django's "a" gives "p.m.")."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if local.hour == 12 and local.minute == 0:
        return "midday"
    hour = local.hour % 12 or 12
    suffix = "am" if local.hour < 12 else "pm"
    return f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d}{suffix}"


@register.filter
def file_size(size):
    """'120 KB' or '2.4 MB'."""
    size = int(size or 0)
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / (1024 * 1024):.1f} MB"

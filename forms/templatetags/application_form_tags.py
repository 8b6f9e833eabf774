"""Application forms shown on pages of lower layers, and UK times written the GOV.UK way.

Campaign and council pages show their form's state through these tags, so the campaigns app
never imports this one.
"""

from django import template
from django.utils import timezone

from forms.models import ApplicationFormPage

register = template.Library()


@register.simple_tag
def application_forms(pages):
    """The live form below each of ``pages`` (programmes or council pages), by page id, in one query."""
    return ApplicationFormPage.objects.forms_of(list(pages))


@register.inclusion_tag("tags/application_state.html")
def application_state(page, forms=None, show_link=False):
    """The state of the form below ``page``: open, opening soon or closed, with its dates.

    ``forms`` is the result of ``application_forms`` for a list of pages; without it the
    page's form is looked up (one query).
    """
    if forms is None:
        forms = ApplicationFormPage.objects.forms_of([page])
    form_page = forms.get(page.pk)
    return form_state(form_page, show_link=show_link)


@register.inclusion_tag("tags/application_state.html")
def form_state(form_page, window=None, show_link=False):
    """The state of one form page; ``window`` is the request's own WindowState when known."""
    if form_page is None:
        return {}
    if window is None:
        window = form_page.window_state(places_taken=getattr(form_page, "places_taken", None))
    return {"form_page": form_page, "window": window, "show_link": show_link}


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

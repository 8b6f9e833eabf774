"""Application forms shown on pages of lower layers, and UK times written the GOV.UK way.

Campaign and council pages show their form's state through these tags, so the campaigns app
never imports this one.
"""

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from forms.choices import FormPurpose
from forms.fields import count_messages
from forms.intakes import ProgrammePlaces, application_key_dates
from forms.models import ApplicationFormPage
from home.queries import public_q

register = template.Library()


@register.simple_tag
def application_forms(pages):
    """The live form below each of ``pages`` (programmes or council pages), by page id, in one query."""
    return ApplicationFormPage.objects.forms_of(list(pages))


@register.simple_tag
def current_form(page):
    """The current (newest live) form directly below ``page``, with its counts, or None (one query)."""
    return ApplicationFormPage.objects.forms_of([page]).get(page.pk)


@register.inclusion_tag("tags/key_dates.html")
def key_dates(page, form_page):
    """The programme's timeline: its editors' key dates and, from the form, when applications open
    and close, in date order (the form's times are never typed twice)."""
    return {"key_dates": application_key_dates(page.key_dates, form_page, timezone.now())}


@register.inclusion_tag("tags/programme_places.html")
def programme_places(page, form_page=None, forms=None, style="facts"):
    """The programme's places ("30 places") and, once offers start, how many are left.

    Offers count on the current intake's form (``places_filled``, from ``current_form``, or
    found in ``forms``, the result of ``application_forms``). ``style`` is "facts" (the
    programme page) or "card" (a programme card).
    """
    if forms is not None:
        form_page = forms.get(page.pk)
    filled = getattr(form_page, "places_filled", 0) if form_page is not None else 0
    return {"places": ProgrammePlaces(page.places, filled), "style": style}


@register.inclusion_tag("tags/past_intakes.html")
def past_intakes(page, form_page):
    """The programme's earlier intakes (live application forms before the current one), newest first."""
    forms = ApplicationFormPage.objects.child_of(page).live().filter(purpose=FormPurpose.APPLICATION)
    if form_page is not None:
        forms = forms.filter(path__lt=form_page.path)
    return {"intakes": list(forms.filter(public_q()).order_by("-path")), "now": timezone.now()}


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


@register.simple_tag
def count_message_attrs(field):
    """The live count's messages as ``data-count-*`` attributes, for character-count.js."""
    messages = count_messages(bool(field.field.max_words))
    return format_html_join("", ' data-count-{}="{}"', messages.items())


@register.filter
def uk_time(value):
    """'11:59pm', '9am', 'midday' for an aware datetime, in UK time (Django's "a" gives "p.m."),
    in the active language."""
    if not value:
        return ""
    local = timezone.localtime(value)
    if local.hour == 12 and local.minute == 0:
        return _("midday")
    hour = local.hour % 12 or 12
    suffix = pgettext("time before midday", "am") if local.hour < 12 else pgettext("time after midday", "pm")
    return f"{hour}{suffix}" if local.minute == 0 else f"{hour}:{local.minute:02d}{suffix}"


@register.filter
def closing_day(value, now):
    """'11 December', with the year too when it is not ``now``'s ('3 January 2028')."""
    local = timezone.localtime(value)
    return date_format(local, "j F" if local.year == timezone.localtime(now).year else "j F Y")


@register.filter
def file_size(size):
    """'120 KB' or '2.4 MB'."""
    size = int(size or 0)
    if size < 1024 * 1024:
        return f"{max(size // 1024, 1)} KB"
    return f"{size / (1024 * 1024):.1f} MB"

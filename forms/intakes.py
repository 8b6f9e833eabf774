"""A programme's intakes (one application form each): its places, its timeline and the next intake.

A programme (campaign page) takes applicants in intakes, each through its own application
form below the programme. The newest live form is the current intake; the ones before it
stay published, closed, as past cohorts. Editors start the next intake from the programme
(``forms.intake_views``), which copies the current form as a draft with its dates moved.
"""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

from forms.choices import FormPurpose
from forms.models import ApplicationFormPage
from forms.months import months_after


@dataclass(frozen=True)
class ProgrammePlaces:
    """A programme's places and how many offers (or placements) of the current intake fill them."""

    places: int | None
    filled: int = 0

    @property
    def left(self):
        if self.places is None:
            return None
        return max(self.places - self.filled, 0)

    @property
    def offers_started(self):
        return self.places is not None and self.filled > 0


@dataclass(frozen=True)
class KeyDate:
    """One entry of a programme's timeline, as the key date template shows it."""

    label: str
    date: object
    note: str = ""
    moment: object = None  # the form's opening or closing time, shown as "at 9am"


def application_key_dates(blocks, form_page, now):
    """The editors' key dates with the form's opening and closing, in date order.

    The form's dates read "Applications open" / "Applications close", or "opened" / "closed"
    once past, with their UK time.
    """
    entries = [KeyDate(block.value["label"], block.value["date"], block.value["note"]) for block in blocks]
    if form_page is not None:
        for moment, future, past in (
            (form_page.opens_at, "Applications open", "Applications opened"),
            (form_page.closes_at, "Applications close", "Applications closed"),
        ):
            if moment:
                label = future if moment > now else past
                entries.append(KeyDate(label, timezone.localdate(moment), moment=moment))
    return sorted(entries, key=lambda entry: entry.date)


def intake_source(programme):
    """The application form a new intake of ``programme`` copies: its newest, live or not (or None)."""
    forms = ApplicationFormPage.objects.child_of(programme).filter(purpose=FormPurpose.APPLICATION)
    return forms.order_by("-path").first()


def start_new_intake(source, title, months, user):
    """Copies ``source`` (questions, emails, status wordings, plan template) as a draft next to it.

    Its opening and closing times move by ``months``; it starts with no applications, so its
    application limit and the programme's places count afresh. Returns the new form page.
    """
    parent = source.get_parent()
    new_page = source.copy(
        to=parent,
        update_attrs={
            "title": title,
            "slug": find_available_slug(parent, slugify(title)[:230] or "intake"),
            "opens_at": months_after(source.opens_at, months) if source.opens_at else None,
            "closes_at": months_after(source.closes_at, months) if source.closes_at else None,
        },
        keep_live=False,
        copy_revisions=False,
        user=user,
    )
    return new_page.specific

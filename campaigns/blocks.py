"""Blocks used only by campaign pages."""

import re

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError

from home.widgets import TypedDateInput

#: Labels of the dates the application form holds (its opening and closing times), which the
#: programme page shows from the form: typed again here they would drift apart.
APPLICATION_DATE_LABEL = re.compile(
    r"^\s*(applications?\s+(open|opens|opened|opening|close|closes|closed|closing|deadline)"
    r"|(opening|closing)\s+date|deadline\s+for\s+applications)\b",
    re.IGNORECASE,
)


def is_application_date_label(label):
    """Whether a key date's label names the form's opening or closing (shown from the form)."""
    return bool(APPLICATION_DATE_LABEL.match(label or ""))


class TypedDateBlock(blocks.DateBlock):
    """A date whose picker leaves unreadable text for validation to refuse (see ``home.widgets``)."""

    @cached_property
    def field(self):
        field = super().field
        field.widget = TypedDateInput(format=self.format)
        return field


class KeyDateBlock(blocks.StructBlock):
    """One key date in a programme's timeline, e.g. "Training starts" (not the form's own dates)."""

    label = blocks.CharBlock(
        max_length=120,
        help_text='What happens, e.g. "Training starts". When applications open and close is shown '
        "from the application form: change those times on the form.",
    )
    date = TypedDateBlock(help_text="The day it happens, e.g. 01/02/2027.")
    note = blocks.CharBlock(required=False, max_length=200, help_text='e.g. "at 10am, online".')

    class Meta:
        icon = "date"
        template = "blocks/key_date_block.html"

    def clean(self, value):
        """Refuses the application form's opening or closing date typed again as a key date."""
        value = super().clean(value)
        if is_application_date_label(value["label"]):
            raise StructBlockValidationError(
                block_errors={
                    "label": ValidationError(
                        "When applications open and close is shown from the application form. "
                        "Change those times on the form; use key dates for other events."
                    )
                }
            )
        return value


class KeyDatesBlock(blocks.StreamBlock):
    """A programme's timeline."""

    key_date = KeyDateBlock()


class QuoteBlock(blocks.StructBlock):
    """A quote in a press release, with who said it and their role."""

    quote = blocks.TextBlock(help_text="The words, without quotation marks.")
    name = blocks.CharBlock(max_length=120, help_text="Who said it.")
    role = blocks.CharBlock(max_length=200, help_text='Their role, e.g. "Chair of a workforce board".')

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Returners bring experience our communities need.",
            "name": "A council leader",
            "role": "Chair of a workforce board",
        }


class QuotesBlock(blocks.StreamBlock):
    """The quotes of a press release, in the order they are given."""

    quote = QuoteBlock()


class PathwayRoleBlock(blocks.StructBlock):
    """One role on a career pathway: its level, what it does, its skills and qualifications."""

    title = blocks.CharBlock(max_length=120, help_text='The role, e.g. "Senior developer".')
    level = blocks.CharBlock(max_length=60, help_text='Where it sits on the pathway, e.g. "Practitioner".')
    description = blocks.TextBlock(help_text="What people in this role do, in plain words.")
    skills = blocks.ListBlock(
        blocks.CharBlock(max_length=120), help_text="The skills the role needs, one per line."
    )
    qualifications = blocks.TextBlock(
        required=False, help_text="Qualifications or registration the role needs, if any."
    )

    class Meta:
        icon = "user"
        template = "blocks/pathway_role_block.html"
        preview_value = {
            "title": "Developer",
            "level": "Practitioner",
            "description": "Builds and supports services.",
            "skills": ["Programming and build (software engineering)", "User focus"],
            "qualifications": "",
        }


class PathwayRolesBlock(blocks.StreamBlock):
    """The roles of a career pathway, from entry to most senior."""

    role = PathwayRoleBlock()

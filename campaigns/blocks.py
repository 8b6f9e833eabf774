"""Blocks used only by campaign pages."""

from wagtail import blocks


class KeyDateBlock(blocks.StructBlock):
    """One key date in a programme's timeline, e.g. "Applications close"."""

    label = blocks.CharBlock(max_length=120, help_text='What happens, e.g. "Applications close".')
    date = blocks.DateBlock(help_text="The day it happens.")
    note = blocks.CharBlock(required=False, max_length=200, help_text='e.g. "at 11:59pm".')

    class Meta:
        icon = "date"
        template = "blocks/key_date_block.html"


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

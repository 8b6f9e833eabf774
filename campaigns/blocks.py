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

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

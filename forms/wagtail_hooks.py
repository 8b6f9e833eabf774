"""Registers the forms app's hooks: when the page cache must forget pages showing a form's state."""

from wagtail import hooks

from forms.page_cache import next_state_change

hooks.register("page_cache_expiry", next_state_change)

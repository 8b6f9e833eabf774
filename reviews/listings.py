"""The registered application listings (one modeladmin per form purpose), so that every link to
a listing or to one of its views comes from that ModelAdmin's own url helper."""

from wagtail import hooks

from forms.models import FormPurpose

_registered = {}


def register(model_admin):
    """Called by each listing's ModelAdmin when it registers with Wagtail."""
    _registered[model_admin.purpose] = model_admin


def listing_for(purpose):
    """The ModelAdmin listing submissions of ``purpose`` (applications for an unknown purpose)."""
    if not _registered:
        hooks.search_for_hooks()  # the wagtail_hooks module registers the listings
    return _registered.get(purpose) or _registered[FormPurpose.APPLICATION]


def listing_url(purpose, action="index", *args):
    """The URL of the ``action`` view of the listing of ``purpose`` (``args``: the instance pk)."""
    return listing_for(purpose).url_helper.get_action_url(action, *args)

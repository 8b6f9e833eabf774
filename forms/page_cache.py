"""What the home layer's page cache needs from forms: when a form's shown state next changes.

Campaign, council, programme list and home pages show each form's state (open, opening
soon, closed, application limit reached, days left) and each programme's places left.
``next_state_change`` is registered as the ``page_cache_expiry`` hook, so no cached page
outlives the state it shows; an application that reaches a form's application limit (or a
deletion that frees room), and an offer made or undone, forget every cached page. Deleting
many applications at once (the purge, erasure, the admin's delete views) checks each of
their forms once, before and after, instead of once per row (``checked_once_per_form``).
"""

import contextlib
import contextvars

from django.db import transaction

from home import page_cache, site_cache

#: True while ``checked_once_per_form`` deletes applications: the per-row receiver stands aside.
_checking_per_form = contextvars.ContextVar("checking_per_form", default=False)


def next_state_change(now):
    """The ``page_cache_expiry`` hook: the next moment any live form opens, closes or counts a day."""
    from forms.models import ApplicationFormPage

    return ApplicationFormPage.objects.next_state_change(now)


def on_application_change(sender, instance, **kwargs):
    """post_save/post_delete of an Application: forget cached pages when its form reaches its
    application limit or drops below it, or when an offered or placed application is saved or deleted.

    Pages say the application limit has been reached (closed or waiting list) but not how far
    off it is, so only the last application before the limit matters.
    """
    from forms.models import FILLING_PLACES, ApplicationFormPage

    if _checking_per_form.get():
        return  # ``checked_once_per_form`` checks the form after the whole deletion
    page = ApplicationFormPage.objects.filter(pk=instance.page_id).only("places", "path").first()
    if page is None:
        return
    fills_a_place = instance.status in FILLING_PLACES  # an offer saved or deleted: places left change
    if fills_a_place or (
        page.places is not None and page.count_places_taken() in (page.places - 1, page.places)
    ):
        site_cache.new_generation()
        transaction.on_commit(lambda: page_cache.purge_frontend_cache(page))


def on_places_filled_change(application, from_status, to_status):
    """After a status change (``reviews.pipeline``): forget cached pages when an offer is made or
    undone, since programme pages and cards show the places left."""
    from forms.models import FILLING_PLACES, ApplicationFormPage

    if (from_status in FILLING_PLACES) == (to_status in FILLING_PLACES):
        return
    site_cache.new_generation()
    page = ApplicationFormPage.objects.filter(pk=application.page_id).only("path").first()
    if page is not None:
        transaction.on_commit(lambda: page_cache.purge_frontend_cache(page))


@contextlib.contextmanager
def checked_once_per_form(applications):
    """Around a deletion of ``applications`` (a queryset): forgets cached pages once if any of
    their forms opened or closed by its application limit, or lost an offered or placed application.

    Two queries for the whole deletion instead of one or two per row; and comparing each form
    before and after catches a deletion that takes a form from its limit to well under it.
    """
    form_ids = list(applications.order_by().values_list("page_id", flat=True).distinct())
    before = shown_places(form_ids)
    token = _checking_per_form.set(True)
    try:
        yield
    finally:
        _checking_per_form.reset(token)
    changed = [form for form, shown in shown_places(form_ids).values() if shown != before[form.pk][1]]
    if changed:
        site_cache.new_generation()
    for form in changed:
        transaction.on_commit(lambda form=form: page_cache.purge_frontend_cache(form))


def shown_places(form_ids):
    """{form id: (form, what its pages show of its places)} in one query: the form's state by
    its application limit (open, closed or waiting list) and how many places are filled."""
    from forms.models import ApplicationFormPage

    forms = ApplicationFormPage.objects.filter(pk__in=form_ids).with_places_taken()
    shown = {}
    for form in forms.only("pk", "path", "opens_at", "closes_at", "places", "when_full"):
        window = form.window_state(places_taken=form.places_taken)
        shown[form.pk] = (form, (window.state, window.waiting_list, form.places_filled))
    return shown

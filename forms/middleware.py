"""Refuses an application POST longer than its form can need before anything reads the body."""

from django.conf import settings
from wagtail.models import Page

from forms import flow
from forms.models import ApplicationFormPage


class RefuseOversizedApplications:
    """Lets a form page answer an over-long POST itself, before CsrfViewMiddleware reads the body.

    Only POSTs to Wagtail pages declaring more than ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (less than
    any form takes) are routed here; Wagtail keeps the route for its view. When the form's
    limit is passed, Wagtail's view runs at once (its hooks included) and the page's ``serve``
    answers 413 without reading the body, so skipping the CSRF check changes nothing.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.url_name != "wagtail_serve":
            return None
        if flow.content_length(request) <= settings.DATA_UPLOAD_MAX_MEMORY_SIZE:
            return None
        route = Page.route_for_request(request, view_args[0] if view_args else "")
        page = route.page if route else None
        if isinstance(page, ApplicationFormPage) and flow.body_too_large(page, request):
            return view_func(request, *view_args, **view_kwargs)
        return None

"""The project's URLs plus the page benchmark's floor: a bare Django view behind the same middleware."""

from django.http import HttpResponse
from django.urls import path

from microsite.urls import urlpatterns as site_urlpatterns


def bare(request):
    """The fastest answer Django gives through the project's middleware."""
    return HttpResponse("bare", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), *site_urlpatterns]

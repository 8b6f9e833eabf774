"""Public pages come from the page cache for anonymous visitors, and never stay out of date."""

import datetime as dt
import os
import re
import zoneinfo

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.template.response import TemplateResponse
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import resolve
from wagtail.models import PageViewRestriction, Site

from campaigns.factories import CampaignPageFactory, PartnerFactory, ProgrammeIndexPageFactory
from forms.factories import ApplicationFormPageFactory
from forms.models import Application
from home.factories import StandardPageFactory
from home.models import SiteSettings, StandardPage
from home.page_cache import PageCacheMiddleware
from tests.home import frontend_cache
from tests.redis_urls import PAGE_CACHE, redis_test_url

LONDON = zoneinfo.ZoneInfo("Europe/London")


def uk(*args):
    return dt.datetime(*args, tzinfo=LONDON)


@pytest.fixture(autouse=True)
def empty_cache(home_page):
    """An empty cache, and the site settings row the first page view would otherwise create."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def programme(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    return CampaignPageFactory(parent=index, title="Come Back to Social Work", slug="social-work")


@pytest.fixture
def about(home_page):
    return StandardPageFactory(parent=home_page, title="About", slug="about")


def get(client, url):
    """GET ``url``: (response, number of SQL queries it took)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured)


@pytest.mark.django_db
def test_anonymous_visitor_gets_the_second_view_of_a_page_from_the_cache_without_a_query(client, programme):
    first, first_queries = get(client, programme.url)
    second, second_queries = get(client, programme.url)
    assert first.status_code == second.status_code == 200
    assert (first["X-Cache"], second["X-Cache"]) == ("miss", "hit")
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content


@pytest.mark.django_db
def test_published_change_shows_on_a_cached_page_at_once(client, programme):
    client.get(programme.url)
    assert client.get(programme.url)["X-Cache"] == "hit"
    programme.title = "Come Back to Social Work 2027"
    programme.save_revision().publish()
    response = client.get(programme.url)
    assert response["X-Cache"] == "miss"
    assert "Come Back to Social Work 2027" in response.content.decode()


@pytest.mark.django_db
def test_unpublished_page_is_not_served_from_the_cache(client, about):
    client.get(about.url)
    assert client.get(about.url)["X-Cache"] == "hit"
    about.unpublish()
    assert client.get("/about/").status_code == 404


@pytest.mark.django_db
def test_partner_renamed_in_snippets_shows_on_the_cached_programme_page_at_once(client, home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    partner = PartnerFactory(name="Skills for Care")
    programme = CampaignPageFactory(parent=index, slug="social-work", partners=[partner])
    programme.save_revision().publish()
    client.get(programme.url)
    assert client.get(programme.url)["X-Cache"] == "hit"
    partner.name = "Skills for Care England"
    partner.save()
    assert "Skills for Care England" in client.get(programme.url).content.decode()


@pytest.mark.django_db
def test_form_page_and_its_steps_never_come_from_the_cache(client, programme):
    form = ApplicationFormPageFactory(parent=programme, slug="apply", with_fields=True)
    for url in (form.url, form.url + "step-1/", form.url + "check/", form.url + "save/", form.url + "saved/"):
        client.get(url)
        response, queries = get(client, url)
        assert "X-Cache" not in response
        assert queries > 0
        assert "public" not in response["Cache-Control"]
        assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_page_saying_open_is_not_served_from_the_cache_after_closing_time(client, programme):
    closes = uk(2026, 9, 30, 23, 59, 0)
    with time_machine.travel(uk(2026, 9, 1, 9, 0), tick=False):
        ApplicationFormPageFactory(parent=programme, slug="apply", closes_at=closes)
    with time_machine.travel(closes - dt.timedelta(seconds=10), tick=False):
        client.get(programme.url)
        before = client.get(programme.url)
    assert before["X-Cache"] == "hit"
    assert "Open for applications" in before.content.decode()
    with time_machine.travel(closes + dt.timedelta(seconds=1), tick=False):
        after = client.get(programme.url)
    assert after["X-Cache"] == "miss"
    assert "Open for applications" not in after.content.decode()
    assert "Applications closed on 30 September 2026" in after.content.decode()


@pytest.mark.django_db
def test_page_saying_opening_soon_says_open_from_opening_time(client, programme):
    opens = uk(2026, 10, 1, 9, 0)
    with time_machine.travel(uk(2026, 9, 1, 9, 0), tick=False):
        ApplicationFormPageFactory(parent=programme, slug="apply", opens_at=opens, closes_at=uk(2026, 11, 1))
    with time_machine.travel(opens - dt.timedelta(seconds=5), tick=False):
        client.get(programme.url)
        assert "Opening soon" in client.get(programme.url).content.decode()
    with time_machine.travel(opens + dt.timedelta(seconds=1), tick=False):
        assert "Open for applications" in client.get(programme.url).content.decode()


@pytest.mark.django_db
def test_days_left_on_a_cached_page_count_down_at_uk_midnight(client, programme):
    with time_machine.travel(uk(2026, 9, 1, 9, 0), tick=False):
        ApplicationFormPageFactory(parent=programme, slug="apply", closes_at=uk(2026, 9, 30, 17, 0))
    with time_machine.travel(uk(2026, 9, 26, 23, 59, 50), tick=False):
        client.get(programme.url)
        assert "4 days left" in client.get(programme.url).content.decode()
    with time_machine.travel(uk(2026, 9, 27, 0, 0, 5), tick=False):
        assert "3 days left" in client.get(programme.url).content.decode()


@pytest.mark.django_db
def test_last_place_taken_shows_on_the_cached_programme_page_at_once(client, programme):
    form = ApplicationFormPageFactory(parent=programme, slug="apply", places=1)
    client.get(programme.url)
    assert "Open for applications" in client.get(programme.url).content.decode()
    Application.objects.create(page=form, programme=programme, reference="TEST-0001", form_data={})
    html = client.get(programme.url).content.decode()
    assert "The application limit has been reached." in html
    assert "Open for applications" not in html


@pytest.mark.django_db
def test_signed_in_user_never_gets_or_leaves_a_cached_page(client, about):
    client.get(about.url)  # cached for anonymous visitors
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("editor", "editor@example.org", "pw"))
    signed_in, queries = get(editor, about.url)
    assert "X-Cache" not in signed_in
    assert queries > 0
    cache.clear()
    editor.get(about.url)  # a page with the editor's user bar
    anonymous = client.get(about.url)
    assert anonymous["X-Cache"] == "miss"
    assert "wagtail-userbar" not in anonymous.content.decode()


@pytest.mark.django_db
def test_post_is_never_answered_from_the_cache(client, about):
    client.get(about.url)
    assert client.get(about.url)["X-Cache"] == "hit"
    with CaptureQueriesContext(connection) as captured:
        posted = client.post(about.url)
    assert "X-Cache" not in posted
    assert len(captured) > 0


@pytest.mark.django_db
def test_page_with_a_csrf_token_is_not_stored(client, about):
    PageViewRestriction.objects.create(page=about, restriction_type="password", password="letmein")
    first = client.get(about.url)
    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    second = Client().get(about.url)
    assert "X-Cache" not in first
    assert "X-Cache" not in second


@pytest.mark.django_db
def test_response_setting_a_cookie_is_not_stored(about):
    def setting_a_cookie(request):
        response = HttpResponse("first visitor's page")
        response.set_cookie("welcome", "1")
        return response

    responses = [call_middleware(about.url, setting_a_cookie), call_middleware(about.url, plain_page)]
    assert [response.content for response in responses] == [b"first visitor's page", b"a page"]
    assert "X-Cache" not in responses[0]


@pytest.mark.django_db
def test_page_using_a_csp_nonce_is_never_stored_so_every_visitor_gets_their_own(client, about, monkeypatch):
    template = engines["django"].from_string('<script nonce="{{ request.csp_nonce }}">go()</script>')
    monkeypatch.setattr(StandardPage, "serve", lambda page, request: TemplateResponse(request, template, {}))
    responses = [client.get(about.url), client.get(about.url)]
    assert "X-Cache" not in responses[1]
    nonces = [re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"]).group(1) for r in responses]
    assert nonces[0] != nonces[1]
    assert f'nonce="{nonces[1]}"' in responses[1].content.decode()


@pytest.mark.django_db
def test_cached_page_keeps_the_content_security_policy_it_was_sent_with(client, about):
    miss, hit = client.get(about.url), client.get(about.url)
    assert hit["X-Cache"] == "hit"
    assert hit["Content-Security-Policy"] == miss["Content-Security-Policy"]
    assert "script-src 'self'" in hit["Content-Security-Policy"]


def plain_page(request):
    return HttpResponse("a page")


def call_middleware(url, view):
    """One anonymous GET of ``url`` through the page cache, answered by ``view`` on a miss."""
    request = RequestFactory().get(url)
    request.resolver_match = resolve(url)
    return PageCacheMiddleware(view)(request)


@pytest.mark.django_db
def test_programme_filters_are_cached_per_choice_and_other_parameters_bypass(client, programme):
    index = programme.get_parent().specific
    CampaignPageFactory(parent=index, title="Return to ICT", slug="ict", profession="ict")
    social_work = f"{index.url}?profession=social-work"
    client.get(social_work)
    filtered = client.get(social_work)
    assert filtered["X-Cache"] == "hit"
    assert "Return to ICT" not in filtered.content.decode()
    everything = client.get(index.url)
    assert everything["X-Cache"] == "miss"
    assert "Return to ICT" in everything.content.decode()
    for url in (f"{index.url}?utm_source=newsletter", f"{index.url}?profession=a&profession=b"):
        client.get(url)
        assert "X-Cache" not in client.get(url)


@pytest.mark.django_db
def test_public_page_tells_a_cdn_how_long_to_keep_it(client, about, settings):
    settings.PAGE_CACHE_SECONDS = 300
    settings.PAGE_CACHE_BROWSER_SECONDS = 60
    directives = {part.strip() for part in client.get(about.url)["Cache-Control"].split(",")}
    # A per-process cache (the tests') keeps pages a minute at most; Redis keeps PAGE_CACHE_SECONDS.
    assert directives == {"public", "max-age=60", "s-maxage=60"}


@pytest.mark.django_db
def test_publishing_purges_the_page_and_the_pages_listing_it_from_the_cdn(
    programme, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {"test": {"BACKEND": "tests.home.frontend_cache.RecordingBackend"}}
    frontend_cache.PURGED.clear()
    programme.title = "Renamed"
    with django_capture_on_commit_callbacks(execute=True):
        programme.save_revision().publish()
    paths = {url.split("localhost", 1)[-1] for url in frontend_cache.PURGED}
    assert {"/programmes/social-work/", "/programmes/", "/"} <= paths


REDIS_URL = redis_test_url(PAGE_CACHE)


@pytest.fixture
def redis_cache(settings):
    """Django's cache in Redis, as in production (REDIS_URL); skipped when Redis is not running."""
    import redis

    try:
        redis.Redis.from_url(REDIS_URL).ping()
    except redis.RedisError:
        if os.environ.get("REDIS_REQUIRED") == "1":
            raise
        pytest.skip(f"Redis is not running at {REDIS_URL} (make test starts it)")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
    cache.clear()
    yield
    cache.clear()


@pytest.mark.django_db
def test_pages_are_cached_in_redis_and_forgotten_on_publish(client, about, redis_cache, settings):
    settings.PAGE_CACHE_SECONDS = 300
    miss = client.get(about.url)
    hit, queries = get(client, about.url)
    assert (hit["X-Cache"], queries) == ("hit", 0)
    assert "s-maxage=300" in miss["Cache-Control"]  # a shared cache keeps PAGE_CACHE_SECONDS
    about.title = "About the programmes"
    about.save_revision().publish()
    assert "About the programmes" in client.get(about.url).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_real_wsgi_server_serves_public_pages_with_the_cache_header(live_server, live_home_page):
    """Django's test client is not a WSGI server: wsgiref refuses header values that are not
    plain ``str`` (an enum member was a 500 on every page under ``runserver``)."""
    import urllib.request

    for expected in ("miss", "hit"):
        with urllib.request.urlopen(live_server.url + "/") as response:  # noqa: S310 (loopback)
            assert response.status == 200
            assert response.headers["X-Cache"] == expected


@pytest.mark.django_db
def test_an_offer_shows_in_the_places_left_of_the_cached_programme_page_at_once(client, programme):
    from reviews.pipeline import change_status

    form = ApplicationFormPageFactory(parent=programme, slug="apply")
    application = Application.objects.create(
        page=form, programme=programme, reference="TEST-0001", form_data={}, status="interview"
    )
    client.get(programme.url)
    assert "20 places." in client.get(programme.url).content.decode()
    change_status(application.pk, "offered", user=None)
    assert (
        '20 places: <span data-figure="places-left">19</span> left.'
        in client.get(programme.url).content.decode()
    )

"""Site settings, main menu and breadcrumbs come from the cache, and any change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from campaigns.models import ProgrammeIndexPage
from home import site_cache
from home.factories import StandardPageFactory
from home.models import SiteSettings


def menu(client, url="/"):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get(url).content, "html.parser")
    return [a.get_text(strip=True) for a in html.select("nav.primary-nav a")]


def footer(client, url="/about/"):
    from bs4 import BeautifulSoup

    return BeautifulSoup(client.get(url).content, "html.parser").select_one("footer")


@pytest.mark.django_db
def test_second_request_reads_settings_and_menu_from_the_cache(client, demo_site, settings):
    settings.PAGE_CACHE_SECONDS = 0  # as for signed-in users, who never get a page from the page cache

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/about/").status_code == 200
        return [query["sql"] for query in captured]

    queries()  # the page's route and anything loaded once per process
    site_cache.new_generation()
    cold = queries()
    warm = queries()
    assert any("home_sitesettings" in sql for sql in cold)
    assert not any("home_sitesettings" in sql for sql in warm)
    # The settings, the menu's one query, the page's translations and the route (home.route_cache):
    # the site, the active locale, the home page's type and the page.
    assert len(cold) - len(warm) == 7


@pytest.mark.django_db
def test_page_added_to_the_menu_shows_at_once(client, demo_site):
    assert "Events" not in menu(client)
    StandardPageFactory(parent=demo_site, title="Events", slug="events", show_in_menus=True)
    assert "Events" in menu(client)


@pytest.mark.django_db
def test_renamed_and_unpublished_menu_pages_show_at_once(client, demo_site):
    assert "About" in menu(client)
    about = StandardPageFactory._meta.model.objects.get(slug="about")
    about.title = "About us"
    about.save_revision().publish()
    assert "About us" in menu(client)
    about.unpublish()
    assert "About us" not in menu(client)


@pytest.mark.django_db
def test_breadcrumbs_follow_a_renamed_ancestor(client, demo_site):
    from bs4 import BeautifulSoup

    url = "/programmes/come-back-to-social-work/"
    client.get(url)
    programmes = ProgrammeIndexPage.objects.get()
    programmes.title = "All programmes"
    programmes.save_revision().publish()
    html = BeautifulSoup(client.get(url).content, "html.parser")
    assert "All programmes" in [a.get_text(strip=True) for a in html.select("nav.breadcrumbs a")]


@pytest.mark.django_db
def test_site_settings_changes_show_in_the_footer_at_once(client, demo_site):
    assert "Test Council Partnership" not in footer(client).get_text()
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.organisation_name = "Test Council Partnership"
    settings.contact_phone = "0113 496 0000"
    settings.save()
    text = footer(client).get_text()
    assert "Test Council Partnership" in text and "0113 496 0000" in text


@pytest.mark.django_db
def test_footer_link_follows_a_renamed_privacy_page(client, demo_site):
    assert footer(client).find("a", string="Privacy notice")["href"] == "/privacy/"
    privacy = StandardPageFactory._meta.model.objects.get(slug="privacy")
    privacy.slug = "privacy-notice"
    privacy.save_revision().publish()
    assert footer(client).find("a", string="Privacy notice")["href"] == "/privacy-notice/"

"""One-query routing and private sections: visitors reach live pages only, by their current URL."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage
from forms.models import ApplicationFormPage
from home.factories import StandardPageFactory


@pytest.mark.django_db
def test_renamed_page_moves_to_its_new_url_even_when_the_old_route_was_cached(client, demo_site):
    assert client.get("/about/").status_code == 200
    page = StandardPageFactory._meta.model.objects.get(slug="about")
    page.slug = "about-us"
    page.save_revision().publish()
    assert client.get("/about/").status_code == 404
    assert client.get("/about-us/").status_code == 200


@pytest.mark.django_db
def test_unpublished_page_is_not_served_from_a_cached_route(client, demo_site):
    url = "/programmes/come-back-to-social-work/"
    assert client.get(url).status_code == 200
    CampaignPage.objects.get(slug="come-back-to-social-work").unpublish()
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_deleted_page_gives_404_and_a_new_page_can_take_its_url(client, demo_site):
    old = StandardPageFactory(parent=demo_site, title="Events", slug="events")
    assert client.get("/events/").status_code == 200
    old.delete()
    assert client.get("/events/").status_code == 404
    StandardPageFactory(parent=demo_site, title="Events and webinars", slug="events")
    response = client.get("/events/")
    assert response.status_code == 200
    assert "Events and webinars" in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/nope/", "/programmes/nope/", "/programmes/stem-recharge/nope/deeper/"])
def test_unknown_paths_give_404(client, demo_site, path):
    assert client.get(path).status_code == 404


FORM_URL = "/programmes/come-back-to-social-work/apply/"


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["check", "confirmation"])
def test_form_steps_are_routed_to_their_form_page_without_walking_the_tree(client, demo_site, step):
    client.get(FORM_URL + f"{step}/")  # caches the route
    with CaptureQueriesContext(connection) as captured:
        response = client.get(FORM_URL + f"{step}/")
    # Without answers (or an application) in the session, each step sends the visitor to the form.
    assert response.status_code == 303
    assert response["Location"] == FORM_URL
    assert response["Cache-Control"] == "max-age=0, no-cache, no-store, must-revalidate, private"
    walked = [query["sql"] for query in captured if '"wagtailcore_page"."slug" =' in query["sql"]]
    assert walked == []


@pytest.mark.django_db
def test_step_of_an_uncached_route_is_found_in_one_query_with_its_form_page(client, demo_site):
    from django.core.cache import cache

    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(FORM_URL + "check/").status_code == 303
    lookups = [query["sql"] for query in captured if '"url_path" IN' in query["sql"]]
    assert len(lookups) == 1
    assert not [query["sql"] for query in captured if '"wagtailcore_page"."slug" =' in query["sql"]]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path", ["nope/", "check/nope/", "confirmation/check/", "check/check/", "CHECK/", "..%2Fcheck/"]
)
def test_unknown_paths_below_a_form_give_404_even_after_its_steps_were_cached(client, demo_site, path):
    assert client.get(FORM_URL + "check/").status_code == 303
    assert client.get(FORM_URL + path).status_code == 404
    assert client.get(FORM_URL + path).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("step", ["", "check/", "confirmation/"])
def test_unpublished_form_and_its_steps_give_404_even_from_a_cached_route(client, demo_site, step):
    assert client.get(FORM_URL + step).status_code in (200, 303)
    ApplicationFormPage.objects.get(url_path__endswith="/come-back-to-social-work/apply/").unpublish()
    assert client.get(FORM_URL + step).status_code == 404


@pytest.mark.django_db
def test_path_below_a_page_that_gave_404_finds_a_child_page_added_later(client, demo_site):
    assert client.get("/about/team/").status_code == 404
    about = StandardPageFactory._meta.model.objects.get(slug="about")
    StandardPageFactory(parent=about, title="Our team", slug="team")
    response = client.get("/about/team/")
    assert response.status_code == 200
    assert "Our team" in response.content.decode()


@pytest.mark.django_db
def test_moved_form_answers_its_steps_at_the_new_url_only(client, demo_site):
    assert client.get(FORM_URL + "check/").status_code == 303
    form_page = ApplicationFormPage.objects.get(url_path__endswith="/come-back-to-social-work/apply/")
    form_page.slug = "apply-now"
    form_page.save_revision().publish()
    assert client.get(FORM_URL + "check/").status_code == 404
    new_url = "/programmes/come-back-to-social-work/apply-now/"
    assert client.get(new_url + "check/")["Location"] == new_url


@pytest.mark.django_db
def test_private_programme_is_hidden_from_listings_and_asks_for_login(client, demo_site):
    campaign = CampaignPage.objects.get(slug="stem-recharge")
    PageViewRestriction.objects.create(page=campaign, restriction_type=PageViewRestriction.LOGIN)
    for url in ("/", "/programmes/"):
        assert "STEM ReCharge" not in client.get(url).content.decode()
    response = client.get(campaign.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


@pytest.mark.django_db
def test_private_page_is_left_out_of_the_main_menu(client, demo_site):
    about = StandardPageFactory._meta.model.objects.get(slug="about")
    assert "About" in [a.get_text() for a in _menu(client)]
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    assert [a.get_text(strip=True) for a in _menu(client)] == ["Home", "Programmes"]


@pytest.mark.django_db
def test_private_application_form_is_not_shown_on_its_programme(client, demo_site):
    campaign = CampaignPage.objects.get(slug="come-back-to-social-work")
    form_page = campaign.get_children().get(slug="apply")
    PageViewRestriction.objects.create(page=form_page, restriction_type=PageViewRestriction.LOGIN)
    html = client.get(campaign.url).content.decode()
    assert "Open for applications" not in html
    assert 'href="/programmes/come-back-to-social-work/apply/"' not in html


def _menu(client):
    from bs4 import BeautifulSoup

    html = BeautifulSoup(client.get("/").content, "html.parser")
    return html.select("nav.primary-nav a")

"""One-query routing and private sections: visitors reach live pages only, by their current URL."""

import pytest
from wagtail.models import PageViewRestriction

from campaigns.models import CampaignPage
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

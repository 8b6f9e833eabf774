"""A programme's places are filled by offers: "30 places", then places left; an application limit
on the form is a separate thing with its own wording."""

import pytest
from bs4 import BeautifulSoup

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.factories import ApplicationFormPageFactory
from forms.models import Application, ApplicationStatus


def text_of(client, url):
    return " ".join(BeautifulSoup(client.get(url).content, "html.parser").get_text(" ").split())


def card_meta(client, url, title):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    for card in html.select("main .card"):
        if card.select_one(".card__title").get_text(strip=True) == title:
            return " ".join(card.select_one(".card__meta").get_text(" ").split())
    raise AssertionError(f"no card for {title}")


@pytest.fixture
def programme(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page, slug="programmes")
    campaign = CampaignPageFactory(parent=index, title="Back to planning", places=30)
    form_page = ApplicationFormPageFactory(parent=campaign)
    return campaign, form_page


def apply(form_page, campaign, status, number):
    Application.objects.create(
        page=form_page, programme=campaign, reference=f"T-{number}", form_data={}, status=status
    )


@pytest.mark.django_db
def test_a_programme_shows_its_places_then_places_left_once_offers_start(client, programme):
    campaign, form_page = programme
    for number, status in enumerate([ApplicationStatus.RECEIVED, ApplicationStatus.INTERVIEW] * 20):
        apply(form_page, campaign, status, number)
    assert "Places 30 30 places." in text_of(client, campaign.url)
    assert card_meta(client, "/programmes/", "Back to planning").endswith("30 places")
    apply(form_page, campaign, ApplicationStatus.OFFERED, 100)
    apply(form_page, campaign, ApplicationStatus.PLACED, 101)
    apply(form_page, campaign, ApplicationStatus.UNSUCCESSFUL, 102)
    assert "Places 30 30 places: 28 left." in text_of(client, campaign.url)
    assert card_meta(client, "/programmes/", "Back to planning").endswith("30 places, 28 left")
    assert card_meta(client, "/", "Back to planning").endswith("30 places, 28 left")


@pytest.mark.django_db
def test_forty_applications_to_thirty_places_do_not_close_the_form_or_join_a_waiting_list(client, programme):
    campaign, form_page = programme
    for number in range(40):
        apply(form_page, campaign, ApplicationStatus.RECEIVED, number)
    page = text_of(client, campaign.url)
    assert "Open for applications" in page and "waiting list" not in page


@pytest.mark.django_db
def test_an_application_limit_speaks_of_the_limit_not_of_places(client, programme):
    campaign, form_page = programme
    form_page.places = 1
    form_page.save()
    apply(form_page, campaign, ApplicationStatus.RECEIVED, 1)
    page = text_of(client, campaign.url)
    assert "Closed The application limit has been reached." in page
    assert "30 places." in page
    assert "Every place has been taken" not in page

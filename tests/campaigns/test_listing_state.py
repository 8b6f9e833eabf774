"""Programme cards show the same application state as the form itself, places counted once for all."""

import pytest
from bs4 import BeautifulSoup

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.factories import ApplicationFormPageFactory
from forms.models import Application


def card_state(client, url, title):
    html = BeautifulSoup(client.get(url).content, "html.parser")
    for card in html.select("main .card"):
        if card.select_one(".card__title").get_text(strip=True) == title:
            label = card.select_one(".application-state__label")
            return label.get_text(strip=True) if label else None
    raise AssertionError(f"no card for {title}")


def apply(form_page, number, waiting_list=False):
    Application.objects.create(
        page=form_page, reference=f"TEST{number:04d}", form_data={}, waiting_list=waiting_list
    )


@pytest.fixture
def programme(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    campaign = CampaignPageFactory(parent=index, title="Back to planning")
    return campaign


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/programmes/"])
def test_card_shows_closed_when_every_place_is_taken(client, programme, url):
    form_page = ApplicationFormPageFactory(parent=programme, places=2)
    apply(form_page, 1)
    assert card_state(client, url, "Back to planning") == "Open for applications"
    apply(form_page, 2)
    assert card_state(client, url, "Back to planning") == "Closed"
    assert form_page.window_state().state == "closed"


@pytest.mark.django_db
def test_waiting_list_applications_do_not_take_a_place(client, programme):
    form_page = ApplicationFormPageFactory(parent=programme, places=1)
    apply(form_page, 1, waiting_list=True)
    assert card_state(client, "/", "Back to planning") == "Open for applications"


@pytest.mark.django_db
def test_card_shows_waiting_list_when_full_and_the_form_keeps_a_waiting_list(client, programme):
    form_page = ApplicationFormPageFactory(parent=programme, places=1, when_full="waiting-list")
    apply(form_page, 1)
    assert card_state(client, "/programmes/", "Back to planning") == "Waiting list open"
    assert form_page.window_state().waiting_list


@pytest.mark.django_db
def test_programme_without_a_form_shows_no_state_and_unpublished_forms_are_ignored(client, programme):
    assert card_state(client, "/", "Back to planning") is None
    form_page = ApplicationFormPageFactory(parent=programme)
    assert card_state(client, "/", "Back to planning") == "Open for applications"
    form_page.unpublish()
    assert card_state(client, "/", "Back to planning") is None

"""Press releases: quotes, notes to editors and a media contact; embargo; a news listing and feed."""

import datetime as dt
import xml.etree.ElementTree as ET  # noqa: S405 (parses our own feed)

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from campaigns.choices import ArticleType
from campaigns.factories import (
    ArticlePageFactory,
    CampaignPageFactory,
    MediaContactFactory,
    ProgrammeIndexPageFactory,
)
from campaigns.models import ArticlePage

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def programme(home_page):
    return CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=home_page), title="Back to STEM")


def press_release(programme, **kwargs):
    return ArticlePageFactory(
        parent=programme,
        article_type=ArticleType.PRESS_RELEASE,
        title="Thirty places for returning social workers",
        media_contact=MediaContactFactory(name="Sam Press"),
        quotes=[("quote", {"quote": "Returners are vital.", "name": "Cllr Ada Lovelace", "role": "Chair"})],
        notes_to_editors="<p>The LGA is the national voice of local government.</p>",
        **kwargs,
    )


@pytest.mark.django_db
def test_a_press_release_shows_its_quotes_notes_to_editors_and_media_contact(client, programme):
    page = press_release(programme)
    text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ", strip=True)
    assert "“Returners are vital.”" in text or "Returners are vital." in text
    assert "Cllr Ada Lovelace, Chair" in text
    assert "Notes to editors The LGA is the national voice of local government." in text
    assert "Media enquiries Sam Press, Media relations officer" in text
    assert "Out of hours: 07789 123 456" in text


@pytest.mark.django_db
def test_news_does_not_show_press_release_sections(client, programme):
    page = ArticlePageFactory(parent=programme, media_contact=MediaContactFactory())
    text = BeautifulSoup(client.get(page.url).content, "html.parser").get_text(" ", strip=True)
    assert "Media enquiries" not in text and "Notes to editors" not in text


@pytest.mark.django_db
def test_a_press_release_without_a_media_contact_is_refused(programme):
    page = press_release(programme)
    page.media_contact = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "media_contact" in error.value.message_dict


@pytest.mark.django_db
def test_an_embargoed_press_release_appears_at_its_time(client, programme):
    release_time = timezone.now() + dt.timedelta(hours=2)
    page = press_release(programme, live=False)
    page.go_live_at = release_time
    page.save_revision().publish()
    page.refresh_from_db()
    assert not page.live
    assert client.get(f"{programme.url}{page.slug}/").status_code == 404
    assert "Thirty places" not in client.get(programme.url + "news/").content.decode()
    with time_machine.travel(release_time + dt.timedelta(minutes=1)):
        call_command("publish_scheduled", verbosity=0)
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200
    assert "Thirty places" in client.get(programme.url + "news/").content.decode()


def titles(response):
    return [
        h.get_text(strip=True) for h in BeautifulSoup(response.content, "html.parser").select(".card__title")
    ]


@pytest.mark.django_db
def test_the_news_listing_filters_by_kind_and_ignores_odd_parameters(client, programme):
    press_release(programme)
    ArticlePageFactory(parent=programme, title="A returner's story", article_type=ArticleType.CASE_STUDY)
    assert set(titles(client.get(programme.url + "news/"))) == {
        "Thirty places for returning social workers",
        "A returner's story",
    }
    assert titles(client.get(programme.url + "news/", {"type": "case-study"})) == ["A returner's story"]
    for odd in (
        {"type": "<script>"},
        {"page": "999"},
        {"page": "x\x00"},
        {"type": "press-release", "page": "-1"},
    ):
        assert client.get(programme.url + "news/", odd).status_code == 200


@pytest.mark.django_db
def test_the_programme_feed_is_atom_with_each_live_article(client, programme):
    press_release(programme)
    draft = ArticlePageFactory(parent=programme, title="Not yet")
    draft.unpublish()
    response = client.get(programme.url + "news/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)  # noqa: S314 (our own feed)
    titles = [entry.find(f"{ATOM}title").text for entry in feed.findall(f"{ATOM}entry")]
    assert titles == ["Press release: Thirty places for returning social workers"]
    assert ArticlePage.objects.live().count() == 1

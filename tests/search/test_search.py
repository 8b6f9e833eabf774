"""The site search: finds pages by their body text, paginates, shows promotions, never errors."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import PageViewRestriction
from wagtail.search.backends import get_search_backend

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from home.factories import StandardPageFactory


def result_titles(response):
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return [h3.get_text(strip=True) for h3 in html.select(".search-results__item h3")]


@pytest.fixture
def programmes(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    body_only = CampaignPageFactory(
        parent=index,
        title="Back to planning",
        body=[("paragraph", "<p>Returners learn about the quokkaplanning register.</p>")],
    )
    CampaignPageFactory(parent=index, title="Back to law")
    return {"index": index, "body_only": body_only}


@pytest.mark.django_db
def test_search_finds_a_programme_by_a_word_only_in_its_streamfield_body(client, programmes):
    page = programmes["body_only"]
    assert "quokkaplanning" not in f"{page.title} {page.summary} {page.who_it_is_for} {page.eligibility}"
    assert result_titles(client.get("/search/", {"query": "quokkaplanning"})) == ["Back to planning"]


@pytest.mark.django_db
def test_search_does_not_show_draft_or_private_pages(client, programmes):
    page = programmes["body_only"]
    page.unpublish()
    assert result_titles(client.get("/search/", {"query": "quokkaplanning"})) == []


@pytest.mark.django_db
def test_search_finds_demo_programme_by_its_case_study(client, demo_site):
    titles = result_titles(client.get("/search/", {"query": "re-registration"}))
    assert "Come Back to Social Work" in titles


@pytest.mark.postgres
def test_search_uses_wagtails_postgresql_backend_on_postgresql():
    assert connection.vendor == "postgresql"
    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    assert isinstance(get_search_backend(), PostgresSearchBackend)


@pytest.mark.django_db
def test_search_results_are_paginated_ten_to_a_page(client, home_page):
    for number in range(23):
        StandardPageFactory(parent=home_page, title=f"Wombat fact {number:02d}")
    first = client.get("/search/", {"query": "wombat"})
    assert len(result_titles(first)) == 10
    html = BeautifulSoup(first.content, "html.parser")
    assert "Page 1 of 3" in html.select_one("nav.pagination").get_text()
    assert html.select_one('nav.pagination a[rel="next"]')["href"] == "?query=wombat&page=2"
    last = client.get("/search/", {"query": "wombat", "page": "3"})
    assert len(result_titles(last)) == 3
    all_titles = set()
    for number in (1, 2, 3):
        all_titles |= set(result_titles(client.get("/search/", {"query": "wombat", "page": number})))
    assert len(all_titles) == 23


@pytest.mark.django_db
@pytest.mark.parametrize(("page", "expected_count"), [("abc", 10), ("99999", 3), ("-1", 3), ("", 10)])
def test_a_bad_page_number_shows_the_first_or_last_page(client, home_page, page, expected_count):
    for number in range(13):
        StandardPageFactory(parent=home_page, title=f"Wombat fact {number:02d}")
    assert len(result_titles(client.get("/search/", {"query": "wombat", "page": page}))) == expected_count


@pytest.mark.django_db
def test_promoted_results_come_first_and_are_not_repeated(client, programmes, home_page):
    promoted = StandardPageFactory(parent=home_page, title="How to apply", introduction="Guidance.")
    Query.get("quokkaplanning").editors_picks.create(
        page=promoted, sort_order=0, description="Everything about applying."
    )
    Query.get("quokkaplanning").editors_picks.create(page=programmes["body_only"], sort_order=1)
    response = client.get("/search/", {"query": "quokkaplanning"})
    assert result_titles(response) == ["How to apply", "Back to planning"]
    html = BeautifulSoup(response.content, "html.parser")
    first = html.select_one(".search-results__item")
    assert "search-results__item--promoted" in first["class"]
    assert "Everything about applying." in first.get_text()
    assert "2 results" in html.find(id="results-heading").get_text()


@pytest.mark.django_db
def test_promotion_of_an_unpublished_page_is_not_shown(client, programmes, home_page):
    promoted = StandardPageFactory(parent=home_page, title="Old guidance")
    Query.get("quokkaplanning").editors_picks.create(page=promoted, sort_order=0)
    promoted.unpublish()
    assert result_titles(client.get("/search/", {"query": "quokkaplanning"})) == ["Back to planning"]


@pytest.mark.django_db
def test_empty_search_shows_the_form_without_results(client, home_page):
    response = client.get("/search/")
    html = BeautifulSoup(response.content, "html.parser")
    assert response.status_code == 200
    assert html.find("input", attrs={"name": "query", "id": "search-query"})
    assert html.find(id="results-heading") is None


ODD_QUERIES = [
    "",
    "   ",
    "a" * 10_000,
    "quokka " * 2_000,
    "nul\x00byte",
    "\x00",
    "' OR 1=1; DROP TABLE wagtailcore_page; --",
    '"unbalanced',
    "a & b | !c",
    "(((",
    "*:*",
    "%_%",
    "\\",
    "Zoë’s café — 社会福祉 🧑‍💻",
    "\u202eevil\u200b",
    "AND OR NOT",
    "-",
    "<script>alert(1)</script>",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_never_give_an_error(client, programmes, query):
    response = client.get("/search/", {"query": query, "page": "abc"})
    assert response.status_code == 200
    assert b"<script>alert(1)</script>" not in response.content
    response = client.get("/search/", {"query": query, "page": "99999"})
    assert response.status_code == 200


@pytest.mark.django_db
def test_a_very_long_query_is_shortened_and_the_visitor_is_told(client, programmes):
    response = client.get("/search/", {"query": "quokkaplanning " * 700})
    assert "Your search was shortened" in response.content.decode()
    html = BeautifulSoup(response.content, "html.parser")
    assert len(html.find("input", id="search-query")["value"]) <= 200
    assert result_titles(response) == ["Back to planning"]


@pytest.mark.django_db
def test_promotion_of_a_private_page_is_not_shown(client, programmes, home_page):
    promoted = StandardPageFactory(parent=home_page, title="Staff guidance")
    Query.get("quokkaplanning").editors_picks.create(page=promoted, sort_order=0)
    PageViewRestriction.objects.create(page=promoted, restriction_type=PageViewRestriction.LOGIN)
    assert result_titles(client.get("/search/", {"query": "quokkaplanning"})) == ["Back to planning"]


@pytest.mark.django_db
def test_results_show_a_programmes_summary_when_it_has_no_search_description(client, programmes):
    page = programmes["body_only"]
    page.summary = "Twelve weeks of paid quokkaplanning practice for returners."
    page.search_description = ""
    page.save_revision().publish()
    html = BeautifulSoup(client.get("/search/", {"query": "quokkaplanning"}).content, "html.parser")
    assert html.select_one(".search-results__item p").get_text() == page.summary


@pytest.mark.django_db
def test_results_prefer_the_editors_search_description(client, programmes):
    page = programmes["body_only"]
    page.search_description = "Planning careers for returners."
    page.save_revision().publish()
    html = BeautifulSoup(client.get("/search/", {"query": "quokkaplanning"}).content, "html.parser")
    assert html.select_one(".search-results__item p").get_text() == "Planning careers for returners."


@pytest.mark.django_db
def test_search_finds_a_press_release_by_its_quote_and_shows_its_summary(client, programmes):
    from campaigns.factories import ArticlePageFactory, MediaContactFactory

    ArticlePageFactory(
        parent=programmes["body_only"],
        title="Planners come back",
        article_type="press-release",
        summary="Thirty places for returning planners.",
        media_contact=MediaContactFactory(),
        quotes=[("quote", {"quote": "Wallabyplanning matters.", "name": "A chair", "role": "A board"})],
    )
    html = BeautifulSoup(client.get("/search/", {"query": "wallabyplanning"}).content, "html.parser")
    assert [h3.get_text(strip=True) for h3 in html.select(".search-results__item h3")] == [
        "Planners come back"
    ]
    assert html.select_one(".search-results__item p").get_text() == "Thirty places for returning planners."


@pytest.mark.django_db
def test_search_finds_a_career_pathway_by_a_role_and_shows_its_introduction(client, home_page):
    from campaigns.factories import CareerPathwayPageFactory

    CareerPathwayPageFactory(
        parent=home_page,
        title="Planning pathway",
        introduction="From planning officer to head of planning.",
        roles=[
            (
                "role",
                {
                    "title": "Numbatplanning officer",
                    "level": "Entry",
                    "description": "Checks applications.",
                    "skills": ["Reading plans"],
                    "qualifications": "",
                },
            )
        ],
    )
    html = BeautifulSoup(client.get("/search/", {"query": "numbatplanning"}).content, "html.parser")
    assert [h3.get_text(strip=True) for h3 in html.select(".search-results__item h3")] == ["Planning pathway"]
    assert (
        html.select_one(".search-results__item p").get_text() == "From planning officer to head of planning."
    )


@pytest.mark.django_db
def test_a_programme_in_the_results_shows_when_its_form_closes(client, programmes):
    import datetime as dt
    from zoneinfo import ZoneInfo

    from forms.factories import ApplicationFormPageFactory

    uk = ZoneInfo("Europe/London")
    form_page = ApplicationFormPageFactory(
        parent=programmes["body_only"], closes_at=dt.datetime(2099, 1, 22, 17, 0, tzinfo=uk)
    )
    html = BeautifulSoup(client.get("/search/", {"query": "quokkaplanning"}).content, "html.parser")
    assert "Closes on 22 January 2099 at 5pm" in html.select_one(".search-results__item").get_text(" ")
    form_page.closes_at = dt.datetime(2099, 2, 5, 17, 0, tzinfo=uk)
    form_page.save_revision().publish()
    html = BeautifulSoup(client.get("/search/", {"query": "quokkaplanning"}).content, "html.parser")
    assert "Closes on 5 February 2099 at 5pm" in html.select_one(".search-results__item").get_text(" ")

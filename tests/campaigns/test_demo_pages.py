"""Every page type renders with the demo content and shows what a visitor comes for."""

import pytest
from bs4 import BeautifulSoup

from campaigns.models import CampaignPage, CouncilInformationPage

PROGRAMME_STATES = {
    "Come Back to Social Work": "Open for applications",
    "Return to Work – ICT": "Opening soon",
    "STEM ReCharge": "Closed",
}


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def card_states(html):
    """Maps each programme card's title to the application state it shows."""
    states = {}
    for card in html.select("main .card"):
        title = card.select_one(".card__title").get_text(strip=True)
        state = card.select_one(".application-state__label")
        states[title] = state.get_text(strip=True) if state else None
    return states


@pytest.mark.django_db
def test_home_page_lists_the_three_programmes_with_their_application_state(client, demo_site):
    html = soup(client.get("/"))
    assert card_states(html) == PROGRAMME_STATES
    assert html.h1.get_text(strip=True) == "Return to Work"


@pytest.mark.django_db
def test_open_programme_card_says_when_applications_close(client, demo_site):
    html = soup(client.get("/"))
    card = next(c for c in html.select("main .card") if "Social Work" in c.get_text())
    assert "Closes on" in card.get_text()
    assert "14 days left" in card.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("slug", "eligibility", "partners", "key_date"),
    [
        (
            "come-back-to-social-work",
            "last practised as a social worker between two and five years ago",
            ["Local Government Association", "Department for Education", "Department of Health"],
            "Applications close",
        ),
        ("return-to-work-ict", "have worked in an ICT or digital role", ["Socitm"], "Applications"),
        ("stem-recharge", "", ["Women Returners", "STEM Returners"], "Applications"),
    ],
)
def test_campaign_page_shows_eligibility_key_dates_and_partners(
    client, demo_site, slug, eligibility, partners, key_date
):
    html = soup(client.get(f"/programmes/{slug}/"))
    eligibility_section = html.find(id="eligibility-heading").parent
    assert eligibility_section.find("li") is not None
    assert eligibility in eligibility_section.get_text()
    dates = html.select(".key-dates dt")
    assert any(key_date in dt.get_text() for dt in dates)
    assert all(item.find_next_sibling("dd").find("time")["datetime"] for item in dates)
    partner_text = html.select_one(".partners").get_text()
    for partner in partners:
        assert partner in partner_text


@pytest.mark.django_db
def test_campaign_page_shows_its_state_places_council_link_and_case_study(client, demo_site):
    html = soup(client.get("/programmes/come-back-to-social-work/"))
    assert html.select_one(".application-state__label").get_text(strip=True) == "Open for applications"
    assert (
        html.select_one(".application-state a.button")["href"]
        == "/programmes/come-back-to-social-work/apply/"
    )
    assert html.select_one(".big-number").get_text(strip=True) == "30"
    assert html.find("a", href="/programmes/come-back-to-social-work/information-for-councils/")
    assert html.select_one(".case-study blockquote")
    assert "1,700" in html.select_one(".figure-stat").get_text()
    assert len(html.select(".faq details")) >= 3


@pytest.mark.django_db
def test_campaign_page_renders_for_every_demo_programme_with_breadcrumbs(client, demo_site):
    for campaign in CampaignPage.objects.live():
        html = soup(client.get(campaign.url))
        assert html.h1.get_text(strip=True) == campaign.title
        crumbs = [a.get_text(strip=True) for a in html.select(".breadcrumbs a")]
        assert crumbs == ["Home", "Programmes"]


@pytest.mark.django_db
def test_council_information_page_lists_councils_and_the_signup_form(client, demo_site):
    page = CouncilInformationPage.objects.get(url_path__contains="come-back-to-social-work")
    html = soup(client.get(page.url))
    councils = [li.get_text(" ", strip=True) for li in html.select(".council-list li")]
    assert any("Leeds City Council" in c and "Yorkshire and the Humber" in c for c in councils)
    assert len(councils) == 3
    assert html.find(id="why-heading") and html.find(id="costs-heading")
    assert html.find("a", href=page.url + "sign-up/")


@pytest.mark.django_db
def test_article_page_shows_type_date_and_body(client, demo_site):
    html = soup(client.get("/programmes/come-back-to-social-work/return-to-social-work-after-caring/"))
    assert html.h1.get_text(strip=True) == "From carer to social worker again"
    assert html.select_one("article .card__meta").get_text(strip=True) == "Case study"
    assert html.select_one("article time")["datetime"]
    assert html.select_one("article .case-study")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/about/", "About"),
        ("/privacy/", "Privacy notice"),
        ("/accessibility/", "Accessibility statement"),
    ],
)
def test_standard_pages_render_with_footer_contact_details(client, demo_site, path, title):
    html = soup(client.get(path))
    assert html.h1.get_text(strip=True) == title
    footer = html.select_one("footer.site-footer")
    assert footer.find("a", href="/privacy/")
    assert footer.find("a", href="/accessibility/")
    assert "returners@example.org" in footer.get_text()


@pytest.mark.django_db
def test_primary_navigation_comes_from_the_page_tree(client, demo_site):
    html = soup(client.get("/programmes/"))
    items = [a.get_text(strip=True) for a in html.select("nav.primary-nav a")]
    assert items == ["Home", "Programmes", "About"]
    assert html.select_one('nav.primary-nav a[aria-current="page"]').get_text(strip=True) == "Programmes"


@pytest.mark.django_db
def test_programme_index_lists_every_programme_without_filters(client, demo_site):
    html = soup(client.get("/programmes/"))
    assert set(card_states(html)) == set(PROGRAMME_STATES)
    assert html.find(id="results-heading").get_text(strip=True) == "3 programmes"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"profession": "ict"}, {"Return to Work – ICT"}),
        ({"profession": "social-work"}, {"Come Back to Social Work"}),
        ({"region": "midlands-and-north"}, set(PROGRAMME_STATES)),
        ({"region": "england"}, {"Come Back to Social Work", "Return to Work – ICT"}),
        # A region matches the England-wide programmes and the Midlands-and-North one covering it.
        ({"region": "north-west"}, set(PROGRAMME_STATES)),
        ({"region": "london"}, {"Come Back to Social Work", "Return to Work – ICT"}),
        ({"profession": "stem", "region": "west-midlands"}, {"STEM ReCharge"}),
        ({"profession": "stem", "region": "england"}, set()),
        ({"profession": "", "region": ""}, set(PROGRAMME_STATES)),
    ],
)
def test_programme_index_filters_by_profession_and_region(client, demo_site, query, expected):
    html = soup(client.get("/programmes/", query))
    assert set(card_states(html)) == expected
    assert html.select_one(".error-summary") is None
    if not expected:
        assert "No programmes match those filters" in html.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        {"profession": "astronaut"},
        {"region": "atlantis"},
        {"profession": "ict", "region": "<script>alert(1)</script>"},
        {"profession": "\x00"},
    ],
)
def test_programme_index_reports_an_unknown_filter_value_accessibly(client, demo_site, query):
    response = client.get("/programmes/", query)
    html = soup(response)
    summary = html.select_one(".error-summary")
    assert summary["role"] == "alert"
    assert "There is a problem" in summary.get_text()
    link = summary.find("a")
    target = html.find(id=link["href"].lstrip("#"))
    assert target is not None and target.name == "select"
    assert "Select a valid choice" in html.select_one(".error-message").get_text()
    assert b"<script>alert(1)</script>" not in response.content


@pytest.mark.django_db
def test_the_ict_programme_links_the_demo_digital_and_data_career_pathway(client, demo_site):
    programme = soup(client.get("/programmes/return-to-work-ict/"))
    link = programme.find("a", string="Digital and data career pathway")
    assert link is not None
    pathway = soup(client.get(link["href"]))
    roles = [h3.get_text(" ", strip=True) for h3 in pathway.select(".pathway-role h3")]
    assert "Delivery manager Practitioner" in roles
    assert pathway.find("a", string="Return to Work – ICT")["href"] == "/programmes/return-to-work-ict/"
    assert "DDaT" in pathway.get_text()

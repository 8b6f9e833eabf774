"""Sitemap, robots.txt and the meta tags search engines and social sites read."""

from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.utils.text import Truncator
from wagtail.models import Page, PageViewRestriction

from campaigns.models import CampaignPage
from home.factories import ImageFactory, StandardPageFactory

SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own sitemap)
    return {loc.text for loc in root.iter(f"{SITEMAP_NS}loc")}


@pytest.mark.django_db
def test_sitemap_lists_every_live_public_page(client, demo_site):
    expected = {
        page.full_url for page in Page.objects.live().public().descendant_of(demo_site, inclusive=True)
    }
    assert len(expected) >= 17
    assert sitemap_locations(client) == expected


@pytest.mark.django_db
def test_sitemap_leaves_out_drafts_and_private_pages(client, demo_site):
    draft = StandardPageFactory(parent=demo_site, title="Coming soon", slug="coming-soon", live=False)
    private = StandardPageFactory(parent=demo_site, title="Staff only", slug="staff-only")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    campaign = CampaignPage.objects.get(slug="stem-recharge")
    campaign.unpublish()
    locations = sitemap_locations(client)
    assert "http://localhost/about/" in locations
    assert not any("coming-soon" in loc or "staff-only" in loc for loc in locations)
    assert "http://localhost/programmes/stem-recharge/" not in locations
    assert draft.id and private.id


@pytest.mark.django_db
def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin(client, home_page):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def head(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(html_head, **attrs):
    tag = html_head.find("meta", attrs=attrs)
    return tag["content"] if tag else None


@pytest.mark.django_db
def test_campaign_page_has_title_description_canonical_and_open_graph(client, demo_site):
    page = CampaignPage.objects.get(slug="come-back-to-social-work")
    page.seo_title = "Return to social work with funded training"
    page.search_description = "Thirty funded places for returning social workers."
    page.social_image = ImageFactory(title="Social workers at a team meeting")
    page.save_revision().publish()
    html_head = head(client.get(page.url))
    assert (
        html_head.title.get_text()
        == "Return to social work with funded training – Local Government Association"
    )
    assert meta(html_head, name="description") == "Thirty funded places for returning social workers."
    assert (
        html_head.find("link", rel="canonical")["href"]
        == "http://localhost/programmes/come-back-to-social-work/"
    )
    assert meta(html_head, property="og:title") == "Return to social work with funded training"
    assert meta(html_head, property="og:description") == "Thirty funded places for returning social workers."
    assert meta(html_head, property="og:url") == "http://localhost/programmes/come-back-to-social-work/"
    assert meta(html_head, property="og:type") == "website"
    og_image = meta(html_head, property="og:image")
    assert og_image.startswith("http")
    assert ".fill-1200x630" in og_image


@pytest.mark.django_db
def test_page_without_seo_fields_falls_back_to_title_and_summary(client, demo_site):
    page = CampaignPage.objects.get(slug="stem-recharge")
    page.seo_title = ""
    page.search_description = ""
    page.save_revision().publish()
    html_head = head(client.get(page.url))
    assert html_head.title.get_text().startswith("STEM ReCharge – ")
    assert meta(html_head, name="description") == Truncator(page.summary).chars(160)
    assert meta(html_head, property="og:title") == "STEM ReCharge"
    assert meta(html_head, property="og:image") is None


@pytest.mark.django_db
def test_every_demo_page_has_one_canonical_link_and_a_description(client, demo_site):
    for page in Page.objects.live().public().descendant_of(demo_site, inclusive=True).specific():
        if page.__class__.__name__ == "ApplicationFormPage":
            continue
        html_head = head(client.get(page.url))
        canonicals = html_head.find_all("link", rel="canonical")
        assert [link["href"] for link in canonicals] == [page.full_url], page.url
        assert meta(html_head, name="description"), page.url

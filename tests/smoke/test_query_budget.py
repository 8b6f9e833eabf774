"""Each public page type renders in a fixed, small number of SQL queries, however much content."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.factories import CampaignPageFactory, CouncilFactory, PartnerFactory
from campaigns.models import CampaignPage, CampaignPartner, CouncilInformationPage, ProgrammeIndexPage
from forms.factories import ApplicationFormPageFactory
from home.factories import ImageFactory

MAX_QUERIES = 12
# Search results show each page's own summary: one more query per page type on the page.
SEARCH_MAX_QUERIES = MAX_QUERIES + 4
PAGES = {
    "home": "/",
    "programme index": "/programmes/",
    "filtered programme index": "/programmes/?profession=social-work&region=england",
    "campaign": "/programmes/come-back-to-social-work/",
    "council information": "/programmes/come-back-to-social-work/information-for-councils/",
    "article": "/programmes/come-back-to-social-work/return-to-social-work-after-caring/",
    "standard": "/about/",
    "search results": "/search/?query=social",
    "search results page 2": "/search/?query=programme&page=2",
}


def budget(name):
    return SEARCH_MAX_QUERIES if name.startswith("search") else MAX_QUERIES


def warm_query_counts(client, django_assert_max_num_queries):
    """Renders each page once to warm the caches, then counts the second render's queries."""
    counts = {}
    for name, url in PAGES.items():
        assert client.get(url).status_code == 200, name
        with django_assert_max_num_queries(budget(name)) as captured:
            response = client.get(url)
        assert response.status_code == 200, name
        counts[name] = len(captured)
    return counts


def illustrate_pages():
    """Gives the measured pages the images editors add: hero, article and sharing images."""
    from wagtail.models import Page

    for page in Page.objects.live().specific():
        for field in ("hero_image", "image", "social_image"):
            if hasattr(page, f"{field}_id"):
                setattr(page, field, ImageFactory())
        page.save()


def add_content(count=20):
    """More programmes (with partner logos, hero images and open forms with places) and councils."""
    index = ProgrammeIndexPage.objects.get()
    for number in range(count):
        campaign = CampaignPageFactory(
            parent=index,
            title=f"Extra social work programme {number}",
            profession="social-work",
            hero_image=ImageFactory(),
            partners=[PartnerFactory(with_logo=True), PartnerFactory()],
            body=[("paragraph", "<p>Another programme for social work returners.</p>")],
        )
        ApplicationFormPageFactory(parent=campaign, places=30)
    campaign = CampaignPage.objects.get(slug="come-back-to-social-work")
    for _ in range(count):
        CampaignPartner.objects.create(page=campaign, partner=PartnerFactory(with_logo=True))
    council_page = CouncilInformationPage.objects.child_of(campaign).get()
    council_page.councils.add(*CouncilFactory.create_batch(count))


@pytest.mark.django_db
def test_each_public_page_type_stays_within_the_query_budget(
    client, demo_site, django_assert_max_num_queries
):
    counts = warm_query_counts(client, django_assert_max_num_queries)
    assert all(count <= budget(name) for name, count in counts.items()), counts


@pytest.mark.django_db
def test_query_count_does_not_grow_with_more_programmes_partners_and_councils(
    client, demo_site, django_assert_max_num_queries
):
    illustrate_pages()
    before = warm_query_counts(client, django_assert_max_num_queries)
    add_content()
    home = client.get("/").content.decode()
    assert "Extra social work programme 19" in home
    campaign = client.get(PAGES["campaign"]).content.decode()
    assert 'property="og:image"' in campaign and 'class="hero__image"' in campaign
    assert campaign.count('class="partners"') == 1 and campaign.count("<img") >= 20
    after = warm_query_counts(client, django_assert_max_num_queries)
    # Search results may list other page types once there is more content (within the budget).
    assert {name: count for name, count in after.items() if not name.startswith("search")} == {
        name: count for name, count in before.items() if not name.startswith("search")
    }


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/", "/programmes/"])
def test_programme_lists_do_not_query_per_card_even_with_an_empty_cache(client, demo_site, url):
    illustrate_pages()

    def cold_count():
        client.get(url)  # creates any missing renditions
        cache.clear()
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    cold_count()  # once first, for anything loaded once per process
    before = cold_count()
    add_content()
    cold_count()
    assert cold_count() == before

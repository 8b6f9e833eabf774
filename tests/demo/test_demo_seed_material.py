"""The demo carries the seeds' own material: the LGA's press releases, HCPC re-registration and the
training partners, Socitm's ICT training, STEM ReCharge's 30 employers and its ReFresh week."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from campaigns.models import ArticlePage, CampaignPage

pytestmark = pytest.mark.django_db


def text_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return " ".join(BeautifulSoup(response.content, "html.parser").get_text(" ").split())


@pytest.mark.parametrize(
    ("slug", "words"),
    [
        (
            "come-back-to-social-work-launch",
            [
                "30 places",
                "two to five years ago",
                "13 weeks",
                "HCPC",
                "Department for Education",
                "Department of Health",
                "personal development plan",
                "talent pool",
                "Chair of the LGA's Workforce Board",
            ],
        ),
        (
            "return-to-work-ict-launch",
            ["Socitm", "matches councils", "cost of recruitment", "President of Socitm"],
        ),
    ],
)
def test_the_demo_press_releases_carry_quotes_notes_to_editors_and_the_media_contact(
    client, demo_site, slug, words
):
    release = ArticlePage.objects.get(slug=slug)
    assert release.is_press_release and len(release.quotes) == 2 and release.notes_to_editors
    text = text_of(client, release.url)
    for word in [*words, "Notes to editors", "LGA media office", "media@example.org"]:
        assert word in text, word


def test_social_work_names_hcpc_re_registration_and_its_training_partners(client, demo_site):
    text = text_of(client, CampaignPage.objects.get(slug="come-back-to-social-work").url)
    for word in ["HCPC re-registration", "Chinara", "Making Research Count", "Reflective Practice Network"]:
        assert word in text, word


def test_stem_recharge_has_its_30_employers_and_no_news_of_a_refresh_week_before_it_happens(
    client, demo_site
):
    stem = CampaignPage.objects.get(slug="stem-recharge")
    text = text_of(client, stem.url)
    assert "30 employers" in text
    refresh = next(block.value["date"] for block in stem.key_dates if block.value["label"] == "ReFresh week")
    news = ArticlePage.objects.child_of(stem).get(slug="stem-recharge-first-cohort")
    assert news.date < refresh and "next month's ReFresh week" in text_of(client, news.url)
    assert refresh > timezone.localdate() - dt.timedelta(days=1)

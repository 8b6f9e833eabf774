"""The demo programmes' forms: open, upcoming and closed, with the social work 2–5 year rule."""

import datetime as dt

import pytest
from django.utils import timezone

from forms.models import Application, ApplicationFormPage, EqualityMonitoring

from .conftest import pdf

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_site):
    # The demo comes with a few applications to review; these tests count only new ones.
    Application.objects.all().delete()
    return {page.get_parent().slug: page for page in ApplicationFormPage.objects.filter(slug="apply")}


def test_demo_forms_are_open_upcoming_and_closed(demo):
    states = {slug: page.window_state().state for slug, page in demo.items()}
    assert states == {
        "come-back-to-social-work": "open",
        "return-to-work-ict": "upcoming",
        "stem-recharge": "closed",
    }


def test_council_signups_have_their_own_prefix_and_purpose(demo):
    signups = ApplicationFormPage.objects.filter(purpose="council-signup")
    assert signups.count() == 3
    assert {page.reference_prefix for page in signups}.isdisjoint(
        {page.reference_prefix for page in demo.values()}
    )


def social_work_answers(last_practised):
    return {
        "full_name": "Amira Khan",
        "email_address": "amira@example.org",
        "postcode": "LS1 1UR",
        "are_you_a_qualified_social_worker": "Yes",
        "when_did_you_last_practise_as_a_social_worker": last_practised.strftime("%d/%m/%Y"),
        "do_you_have_the_right_to_work_in_the_uk": "Yes",
        "why_do_you_want_to_return": "I miss the work.",
        "what_is_your_age": "35 to 44",
        "privacy_consent": "on",
        "your_cv": pdf(),
    }


def test_applicant_who_left_three_years_ago_applies_to_social_work(client, demo):
    page = demo["come-back-to-social-work"]
    three_years_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    assert client.post(page.url + "step-1/", social_work_answers(three_years_ago)).status_code == 303
    token = client.get(page.url + "check/").context["draft_token"]
    response = client.post(page.url + "check/", {"token": token})
    application = Application.objects.get()
    assert application.reference.startswith("CBSW-")
    assert application.reference in client.get(response["Location"]).content.decode()
    assert application.files.count() == 1
    assert EqualityMonitoring.objects.get(application=application).answers == {"what_is_your_age": "35 to 44"}


def test_applicant_who_left_six_years_ago_is_told_why_they_cannot_apply(client, demo):
    page = demo["come-back-to-social-work"]
    six_years_ago = timezone.localdate() - dt.timedelta(days=6 * 365)
    html = client.post(page.url + "step-1/", social_work_answers(six_years_ago)).content.decode()
    assert "between 2 and 5 years ago" in html
    assert Application.objects.count() == 0


def test_closed_and_upcoming_demo_forms_refuse_applications(client, demo):
    for slug in ("return-to-work-ict", "stem-recharge"):
        page = demo[slug]
        response = client.post(page.url + "step-1/", {"full_name": "A", "your_cv": pdf()})
        assert "Continue</button>" not in response.content.decode()
    assert "Applications open on" in client.get(demo["return-to-work-ict"].url).content.decode()
    assert Application.objects.count() == 0

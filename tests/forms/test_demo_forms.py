"""The demo programmes' forms: open, upcoming and closed, with the social work 2–5 year rule."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.utils import timezone

from forms.models import Application, ApplicationFile, ApplicationFormPage, EqualityMonitoring
from forms.steps import steps_of

from .conftest import pdf, post_steps

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


ELIGIBILITY_NAMES = (
    "are_you_a_qualified_social_worker",
    "when_did_you_last_practise_as_a_social_worker",
    "do_you_have_the_right_to_work_in_the_uk",
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


def test_the_social_work_form_is_in_steps_with_eligibility_first(demo):
    steps = [(step.slug, step.title) for step in steps_of(demo["come-back-to-social-work"])]
    assert steps == [
        ("eligibility", "Check you can apply"),
        ("step-1", "Your details"),
        ("step-2", "Your experience"),
        ("step-3", "About you"),
    ]


def test_applicant_who_left_three_years_ago_applies_to_social_work(client, demo):
    page = demo["come-back-to-social-work"]
    three_years_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    assert post_steps(client, page, social_work_answers(three_years_ago))["Location"] == page.url + "check/"
    token = client.get(page.url + "check/").context["draft_token"]
    response = client.post(page.url + "check/", {"token": token})
    application = Application.objects.get()
    assert application.reference.startswith("CBSW-")
    assert application.reference in client.get(response["Location"]).content.decode()
    assert application.files.count() == 1
    assert EqualityMonitoring.objects.get(application=application).answers == {"what_is_your_age": "35 to 44"}


def test_applicant_who_left_six_years_ago_learns_it_on_the_second_screen_without_uploading(client, demo):
    page = demo["come-back-to-social-work"]
    start = client.get(page.url).content.decode()  # first screen: the start page
    assert "about 15 minutes" in start and "within 10 working days of the closing date" in start
    assert f'href="{page.url}eligibility/"' in start
    second = client.get(page.url + "eligibility/").content.decode()  # second screen
    assert 'type="file"' not in second
    six_years_ago = timezone.localdate() - dt.timedelta(days=6 * 365)
    answers = social_work_answers(six_years_ago)
    eligibility = {name: answers[name] for name in ELIGIBILITY_NAMES}
    html = client.post(page.url + "eligibility/", eligibility).content.decode()
    assert "between 2 and 5 years ago" in html
    assert f'href="{page.get_parent().url}news/"' in html
    assert Application.objects.count() == 0 and not ApplicationFile.objects.exists()
    assert f"rtw-application-{page.pk}" not in client.session


def test_eligible_applicant_saves_comes_back_the_next_day_from_the_emailed_link_and_submits(client, demo):
    page = demo["come-back-to-social-work"]
    now = timezone.now()
    answers = social_work_answers(timezone.localdate() - dt.timedelta(days=3 * 365))
    with time_machine.travel(now, tick=False):
        client.post(page.url + "eligibility/", answers)
        client.post(page.url + "step-1/", answers)
        answers["your_cv"].seek(0)  # read by the two posts before
        response = client.post(page.url + "step-2/", {**answers, "action": "save"})
        assert response["Location"] == page.url + "save/"
        client.post(page.url + "save/", {"email": "amira@example.org"})
    link = re.search(r"https?://\S+/resume/\?link=\S+", mail.outbox[-1].body).group(0)
    with time_machine.travel(now + dt.timedelta(days=1), tick=False):
        other_device = Client()
        response = other_device.get("/" + link.split("://", 1)[1].split("/", 1)[1])
        assert response["Location"] == page.url + "step-3/"
        assert (
            "You uploaded <strong>cv.pdf</strong>" in other_device.get(page.url + "step-2/").content.decode()
        )
        rest = {name: value for name, value in answers.items() if name != "your_cv"}
        assert other_device.post(page.url + "step-3/", rest)["Location"] == page.url + "check/"
        check = other_device.get(page.url + "check/")
        assert "cv.pdf" in check.content.decode()
        other_device.post(page.url + "check/", {"token": check.context["draft_token"]})
    application = Application.objects.get()
    assert application.files.get().original_name == "cv.pdf"


def test_closed_and_upcoming_demo_forms_refuse_applications(client, demo):
    for slug in ("return-to-work-ict", "stem-recharge"):
        page = demo[slug]
        response = client.post(page.url + "step-1/", {"full_name": "A", "your_cv": pdf()})
        assert "Continue</button>" not in response.content.decode()
    assert "Applications open on" in client.get(demo["return-to-work-ict"].url).content.decode()
    assert Application.objects.count() == 0

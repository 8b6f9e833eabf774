"""Eligibility rules: editor-defined, checked on the server, with a reasoned not-eligible page."""

import datetime as dt

import pytest
import time_machine

from forms.eligibility import date_in_range, years_before
from forms.models import Application, EligibilityResult

from .conftest import answers, apply, make_form_page, post_steps

pytestmark = pytest.mark.django_db
TODAY = dt.date(2026, 11, 26)
REASON = "This cohort is for social workers who last practised between 2 and 5 years ago."


@pytest.fixture
def social_work_form(programme):
    return make_form_page(
        programme,
        [
            ("Full name", "singleline", {"role": "name"}),
            (
                "Are you a qualified social worker?",
                "radio",
                {
                    "choices": "Yes\nNo",
                    "eligibility_rule": "answer-in",
                    "eligible_answers": "Yes",
                    "not_eligible_reason": "This programme is for qualified social workers.",
                },
            ),
            (
                "When did you last practise?",
                "date",
                {
                    "eligibility_rule": "years-ago",
                    "years_ago_min": 2,
                    "years_ago_max": 5,
                    "not_eligible_reason": REASON,
                },
            ),
        ],
        opens_at=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        closes_at=dt.datetime(2027, 12, 31, tzinfo=dt.UTC),
    )


def social_work_answers(last_practised, qualified="Yes"):
    return answers(
        are_you_a_qualified_social_worker=qualified,
        when_did_you_last_practise=last_practised.strftime("%d/%m/%Y"),
    )


@pytest.mark.parametrize(
    "last_practised,eligible",
    [
        (dt.date(2024, 11, 26), True),  # exactly 2 years ago
        (dt.date(2024, 11, 27), False),  # a day short of 2 years
        (dt.date(2021, 11, 26), True),  # exactly 5 years ago
        (dt.date(2021, 11, 25), False),  # a day over 5 years
        (dt.date(2023, 6, 1), True),
        (dt.date(2026, 1, 1), False),
        (dt.date(2030, 1, 1), False),  # in the future
    ],
)
def test_left_practice_between_two_and_five_years_ago(last_practised, eligible):
    assert date_in_range(last_practised, 2, 5, TODAY) is eligible


def test_years_before_a_leap_day_is_the_28th_of_february():
    assert years_before(dt.date(2028, 2, 29), 1) == dt.date(2027, 2, 28)


def test_eligible_applicant_is_saved_as_eligible(client, social_work_form):
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC), tick=False):
        response = apply(client, social_work_form, social_work_answers(dt.date(2023, 5, 1)), cv=False)
    assert response.status_code == 303
    assert Application.objects.get().eligibility == EligibilityResult.ELIGIBLE


def test_not_eligible_page_gives_the_editors_reasons_and_stores_nothing(client, social_work_form):
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC), tick=False):
        response = client.post(
            social_work_form.url + "eligibility/", social_work_answers(dt.date(2015, 1, 1), qualified="No")
        )
    html = response.content.decode()
    assert response.status_code == 200
    assert "You cannot apply to this programme" in html
    assert REASON in html
    assert "This programme is for qualified social workers." in html
    assert f'href="{social_work_form.url}eligibility/">answer the eligibility questions again' in html
    assert 'href="/programmes/come-back-to-social-work/news/"' in html
    assert f"rtw-application-{social_work_form.pk}" not in client.session
    assert "no-store" in response["Cache-Control"]
    assert Application.objects.count() == 0


def test_the_rule_is_checked_again_on_the_server_when_confirming(client, social_work_form):
    """Answers checked as eligible on one day are refused if the applicant confirms once outside the rule."""
    with time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, tzinfo=dt.UTC), tick=False):
        post_steps(client, social_work_form, social_work_answers(dt.date(2021, 11, 26)))
        token = client.get(social_work_form.url + "check/").context["draft_token"]
    # The next day, within the draft's 24 hours: the answer is now more than five years ago.
    with time_machine.travel(dt.datetime(2026, 11, 27, 11, 0, tzinfo=dt.UTC), tick=False):
        response = client.post(social_work_form.url + "check/", {"token": token})
    assert "You cannot apply" in response.content.decode()
    assert Application.objects.count() == 0
    assert f"rtw-application-{social_work_form.pk}" not in client.session


def test_a_date_rule_on_a_text_question_is_refused_in_the_editor(social_work_form):
    from django.core.exceptions import ValidationError

    from forms.models import ApplicationFormField

    field = ApplicationFormField(
        page=social_work_form, label="When", field_type="singleline", eligibility_rule="years-ago"
    )
    with pytest.raises(ValidationError):
        field.clean()

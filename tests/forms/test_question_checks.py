"""GOV.UK question checks on the server, by direct POSTs that skip the browser: word and
character limits, day/month/year dates, UK postcodes and telephone numbers, hints shown once."""

import datetime as dt
import re

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from forms.models import Application, ApplicationFormField

from .conftest import answers, apply, make_form_page

pytestmark = pytest.mark.django_db

TODAY = dt.date(2026, 11, 27)
LEFT = "When did you last practise as a social worker?"
QUESTIONS = [
    ("Full name", "singleline", {"role": "name"}),
    ("Email address", "email", {"role": "email"}),
    ("Phone number", "singleline", {"role": "phone", "required": False}),
    ("Postcode", "singleline", {"role": "postcode", "required": False}),
    (
        LEFT,
        "date",
        {
            "help_text": "Your best guess is fine.",
            "error_name": "Date you left social work",
            "eligibility_rule": "years-ago",
            "years_ago_min": 2,
            "years_ago_max": 5,
            "not_eligible_reason": "This cohort is for people who left between 2 and 5 years ago.",
        },
    ),
    ("Why do you want to return?", "multiline", {"max_words": 300, "error_name": "Your reasons"}),
    ("Your headline", "singleline", {"max_characters": 20, "required": False}),
    ("Your CV", "file", {}),
]
LEFT_NAME = "when_did_you_last_practise_as_a_social_worker"


@pytest.fixture
def page(programme):
    return make_form_page(programme, QUESTIONS)


def left_on(day="15", month="3", year="2023"):
    return {f"{LEFT_NAME}_day": day, f"{LEFT_NAME}_month": month, f"{LEFT_NAME}_year": year}


def post(client, page, **overrides):
    data = answers(why_do_you_want_to_return="Ready to come back.", **left_on())
    data.update(overrides)
    return apply(client, page, data)


def eligibility_step(client, page):
    return client.get(page.url + "eligibility/").content.decode()


def questions_step(client, page):
    """The step after eligibility (reached once the eligibility step is answered)."""
    assert client.post(page.url + "eligibility/", left_on()).status_code == 303
    return client.get(page.url + "step-1/").content.decode()


def errors_of(response):
    """The messages of the page's error summary."""
    return re.findall(r'<li><a href="#[^"]+">([^<]+)</a></li>', response.content.decode())


@pytest.fixture(autouse=True)
def frozen_today():
    with time_machine.travel(timezone.make_aware(dt.datetime(2026, 11, 27, 12, 0)), tick=False):
        yield


def test_450_words_are_refused_with_the_govuk_message(client, page):
    response = post(client, page, why_do_you_want_to_return="word " * 450)
    assert errors_of(response) == ["Your reasons must be 300 words or fewer"]
    assert Application.objects.count() == 0


def test_300_words_are_accepted(client, page):
    assert post(client, page, why_do_you_want_to_return="word " * 300).status_code == 303
    assert Application.objects.count() == 1


def test_a_character_limit_counts_characters_and_names_the_question(client, page):
    response = post(client, page, your_headline="x" * 21)
    assert errors_of(response) == ["Your headline must be 20 characters or fewer"]
    assert post(client, page, your_headline="x" * 20).status_code == 303


def test_the_limit_is_shown_with_the_question_and_described_to_screen_readers(client, page):
    html = questions_step(client, page)
    assert "You can enter up to 300 words" in html
    assert 'data-maxwords="300"' in html
    assert 'aria-describedby="id_why_do_you_want_to_return_info"' in html
    assert "js/character-count.js" in html


@pytest.mark.parametrize(
    ("parts", "message"),
    [
        (left_on(year="2027"), "Date you left social work must be in the past"),
        (left_on(day="27", month="11", year="2026"), "Date you left social work must be in the past"),
        (left_on(day="30", month="2"), "Date you left social work must be a real date"),
        (left_on(month="13"), "Date you left social work must be a real date"),
        (left_on(day="x"), "Date you left social work must be a real date"),
        (left_on(year="23"), "Date you left social work must be a real date"),
        (left_on(month=""), "Date you left social work must include a month"),
        (left_on(day="", year=""), "Date you left social work must include a day and year"),
        (left_on(day="", month="", year=""), f"Answer the question “{LEFT}”"),
    ],
)
def test_each_date_error_has_its_govuk_message(client, page, parts, message):
    response = post(client, page, **parts)
    assert response.status_code == 200
    assert errors_of(response) == [message]
    empty = [part for part in ("day", "month", "year") if parts[f"{LEFT_NAME}_{part}"] == ""]
    first_empty = empty[0] if empty else "day"  # the error summary links to the first empty box
    assert f'href="#id_{LEFT_NAME}_{first_empty}"' in response.content.decode()


def test_a_real_past_date_outside_the_rule_gets_the_rules_own_reason(client, page):
    response = post(client, page, **left_on(year="2025"))
    assert "This cohort is for people who left between 2 and 5 years ago." in response.content.decode()
    assert "must be in the past" not in response.content.decode()


def test_a_date_in_the_boxes_is_kept_and_stored(client, page):
    data = answers(why_do_you_want_to_return="Ready.", **left_on())
    assert apply(client, page, data, follow_check=False).status_code == 303
    html = eligibility_step(client, page)  # "Change" on check your answers
    for part, value in (("day", "15"), ("month", "3"), ("year", "2023")):
        assert f'name="{LEFT_NAME}_{part}" id="id_{LEFT_NAME}_{part}" class' in html
        assert re.search(rf'id="id_{LEFT_NAME}_{part}"[^>]* value="{value}"', html)
    check = client.get(page.url + "check/")
    assert "15/03/2023" in check.content.decode()
    client.post(page.url + "check/", {"token": check.context["draft_token"]})
    assert Application.objects.get().form_data[LEFT_NAME] == "2023-03-15"


def test_the_date_is_three_labelled_boxes_in_a_fieldset(client, page):
    html = eligibility_step(client, page)
    assert re.search(rf'<legend class="fieldset__legend">{re.escape(LEFT)}</legend>', html)
    for part, label in (("day", "Day"), ("month", "Month"), ("year", "Year")):
        assert f'<label class="date-input__label" for="id_{LEFT_NAME}_{part}">{label}</label>' in html


@pytest.mark.parametrize("postcode", ["NOT A POSTCODE 123", "SW1A", "12345", "SW1A 1AAA"])
def test_a_postcode_that_is_not_one_is_refused(client, page, postcode):
    assert errors_of(post(client, page, postcode=postcode)) == ["Enter a real postcode"]


def test_a_real_postcode_is_accepted_and_tidied(client, page):
    assert post(client, page, postcode="sw1a1aa").status_code == 303
    assert Application.objects.get().form_data["postcode"] == "SW1A 1AA"


@pytest.mark.parametrize("phone", ["abc", "123", "01632", "+1 202 555 0100", "07700 900 98x"])
def test_a_phone_number_that_is_not_one_is_refused(client, page, phone):
    assert errors_of(post(client, page, phone_number=phone)) == [
        "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
    ]


@pytest.mark.parametrize("phone", ["01632 960 001", "07700 900 982", "+44 808 157 0192", "(01632) 960-001"])
def test_uk_phone_numbers_are_accepted(client, page, phone):
    assert post(client, page, phone_number=phone).status_code == 303


def test_help_text_is_shown_once(client, page):
    html = eligibility_step(client, page)
    assert html.count("Your best guess is fine.") == 1
    assert "For example" not in html


def test_roles_keep_their_autocomplete_hints(client, page):
    html = questions_step(client, page)
    assert 'autocomplete="postal-code"' in html
    assert 'type="tel"' in html and 'autocomplete="tel"' in html


@pytest.mark.parametrize(
    ("extra", "field_name"),
    [
        ({"field_type": "date", "max_words": 3}, "max_words"),
        ({"field_type": "multiline", "max_words": 3, "max_characters": 30}, "max_characters"),
        ({"field_type": "singleline", "date_in_past": True}, "date_in_past"),
    ],
)
def test_editors_get_an_error_for_checks_that_cannot_apply(extra, field_name):
    question = ApplicationFormField(label="A question", **extra)
    with pytest.raises(ValidationError) as refused:
        question.clean()
    assert field_name in refused.value.message_dict


def test_a_hint_that_already_gives_our_example_is_not_repeated(client, programme):
    hint = "When you could start. For example, 15/03/2022 14:30"
    page = make_form_page(programme, [("Start", "datetime", {"help_text": hint, "required": False})])
    html = client.get(page.url + "step-1/").content.decode()
    assert html.count("For example, 15/03/2022 14:30") == 1

"""The confirmation email and page say only what the code does: a contact address only when one is read."""

import pytest
from django.core import mail

from forms.models import Application, ApplicationFormPage

from .conftest import answers, apply, make_form_page, post_steps

pytestmark = pytest.mark.django_db

QUESTIONS = [("Full name", "singleline", {"role": "name"}), ("Email address", "email", {"role": "email"})]


def confirm(client, page, capture):
    with capture(execute=True):
        response = apply(client, page, answers(), cv=False)
    return next(m for m in mail.outbox if m.to == ["amira@example.org"]), response


def test_without_a_reply_to_the_confirmation_asks_for_no_reply(
    client, programme, django_capture_on_commit_callbacks
):
    page = make_form_page(programme, QUESTIONS)
    message, _ = confirm(client, page, django_capture_on_commit_callbacks)
    assert message.reply_to == []
    assert "does not receive replies, so please do not reply to it" in message.body
    assert "reply to this email" not in message.body
    assert "We have sent a confirmation" not in message.body


def test_with_a_reply_to_the_confirmation_carries_it_and_names_it(
    client, programme, django_capture_on_commit_callbacks
):
    page = make_form_page(programme, QUESTIONS, reply_to="returners@example.org")
    message, _ = confirm(client, page, django_capture_on_commit_callbacks)
    reference = Application.objects.get().reference
    assert message.reply_to == ["returners@example.org"]
    assert f"Your reference is {reference}" in message.body
    assert "What happens next" in message.body
    assert "reply to this email or write to returners@example.org" in message.body
    page_html = client.get(page.url + "confirmation/").content.decode()
    assert 'href="mailto:returners@example.org"' in page_html


def test_the_demo_forms_promise_only_what_happens_and_name_a_read_address(demo_site):
    forms = ApplicationFormPage.objects.all()
    assert forms.count() == 6
    for form in forms:
        assert "We have sent" not in form.thank_you_text
        assert form.reply_to == "returners@example.org"


def test_the_demo_social_work_form_checks_words_dates_and_postcodes(client, demo_site):
    page = ApplicationFormPage.objects.get(slug="apply", title__icontains="social work")
    name = "when_did_you_last_practise_as_a_social_worker"
    data = answers(
        postcode="NOT A POSTCODE 123",
        why_do_you_want_to_return="word " * 301,
        **{f"{name}_day": "1", f"{name}_month": "1", f"{name}_year": "2099"},
    )
    html = post_steps(client, page, data).content.decode()  # stops at the eligibility step
    assert "Date you left social work must be in the past" in html
    data.update({f"{name}_year": "2023", "are_you_a_qualified_social_worker": "Yes"})
    data["do_you_have_the_right_to_work_in_the_uk"] = "Yes"
    html = post_steps(client, page, data).content.decode()
    assert "Enter a real postcode" in html
    html = post_steps(client, page, {**data, "postcode": "LS1 1UR"}).content.decode()  # a later step
    assert "Why you want to return must be 300 words or fewer" in html

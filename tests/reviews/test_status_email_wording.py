"""Status emails say only what is true: replies are invited only when someone reads them."""

import pytest
from django.core import mail
from django.urls import reverse

pytestmark = pytest.mark.django_db


def send(client, application, to_status, expected, capture):
    with capture(execute=True):
        client.post(
            reverse("application_status", args=[application.pk]),
            {"to_status": to_status, "expected_status": expected, "send_email": "1", "confirm": "1"},
        )
    return mail.outbox[-1]


@pytest.mark.parametrize(
    ("to_status", "expected"), [("unsuccessful", "eligible"), ("shortlisted", "eligible")]
)
def test_without_a_reply_to_address_status_emails_ask_for_no_reply(
    client, reviewer_a, apps, django_capture_on_commit_callbacks, to_status, expected
):
    client.force_login(reviewer_a)
    message = send(client, apps["a2"], to_status, expected, django_capture_on_commit_callbacks)
    assert "reply to this email" not in message.body
    assert "does not receive replies, so please do not reply to it" in message.body
    assert message.reply_to == []


def test_with_a_reply_to_address_it_is_the_reply_to_and_named_in_the_email(
    client, reviewer_a, site, apps, django_capture_on_commit_callbacks
):
    site["form_a"].reply_to = "returners@example.org"
    site["form_a"].save()
    client.force_login(reviewer_a)
    message = send(client, apps["a2"], "shortlisted", "eligible", django_capture_on_commit_callbacks)
    assert message.reply_to == ["returners@example.org"]
    assert "reply to this email or write to returners@example.org" in message.body


def test_a_final_status_does_not_promise_a_next_step(
    client, reviewer_a, apps, django_capture_on_commit_callbacks
):
    client.force_login(reviewer_a)
    message = send(client, apps["a1"], "withdrawn", "received", django_capture_on_commit_callbacks)
    assert "Withdrawn" in message.body and "next step" not in message.body
    message = send(client, apps["a2"], "shortlisted", "eligible", django_capture_on_commit_callbacks)
    assert message.subject == "Your application CBSW-0002: Shortlisted"


def test_a_council_signup_email_speaks_of_a_signup(
    client, reviewer_a, apps, django_capture_on_commit_callbacks
):
    client.force_login(reviewer_a)
    message = send(client, apps["s1"], "contacted", "received", django_capture_on_commit_callbacks)
    assert message.subject == "Your council sign-up CBSW-C001: Contacted"
    assert "Your council sign-up CBSW-C001 to Come Back to Social Work is now: Contacted." in message.body
    assert "We will be in touch about the next step." in message.body

"""Signing in to Your applications with an emailed link: no password, no way to learn who applied."""

import pytest
from django.core import mail
from django.test import override_settings

from .conftest import AMIRA, link_in, sent_to, sign_in

pytestmark = pytest.mark.django_db
HOME = "/your-applications/"


def test_sign_in_page_asks_for_an_email_address_and_is_never_cached(client):
    response = client.get(HOME)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_email">Email address</label>' in html
    assert "Send me a sign-in link" in html
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def test_known_address_gets_a_link_that_signs_in_and_shows_its_applications(client, made):
    response = client.post(HOME, {"email": "  Amira@Example.org "})
    assert response.status_code == 303
    assert response["Location"] == "/your-applications/check-your-email/"
    (message,) = sent_to("Amira@Example.org")
    assert "24 hours" in message.body
    link = link_in(message)
    assert link.startswith("/your-applications/sign-in/")

    opened = client.get(link)
    assert opened.status_code == 303 and opened["Location"] == HOME
    html = client.get(HOME).content.decode()
    assert "Signed in as <strong>amira@example.org</strong>" in html
    assert "CBSW-AAAA-1111" in html and "Come Back to Social Work" in html
    assert "STEM-AAAA-2222" in html and "STEM ReCharge" in html  # made with the address in capitals


def test_known_and_unknown_addresses_get_the_same_response_and_only_the_known_one_an_email(client, made):
    known = client.post(HOME, {"email": AMIRA})
    unknown = client.post(HOME, {"email": "nobody@example.org"})
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert known.content == unknown.content
    known_page = client.get(known["Location"])
    unknown_page = client.get(unknown["Location"])
    assert known_page.status_code == unknown_page.status_code == 200
    assert known_page.content == unknown_page.content
    assert "If you have applied with that email address, we have sent a link" in known_page.content.decode()
    assert [message.to for message in mail.outbox] == [[AMIRA]]


def test_sign_in_request_is_queued_as_a_task_for_any_address(client, made, monkeypatch):
    from forms import applicant_tasks

    queued = []
    monkeypatch.setattr(applicant_tasks, "enqueue", lambda task, *args: queued.append((task.name, args)))
    client.post(HOME, {"email": AMIRA})
    client.post(HOME, {"email": "nobody@example.org"})
    assert queued == [
        ("send_sign_in_link", (AMIRA,)),
        ("send_sign_in_link", ("nobody@example.org",)),
    ]
    assert mail.outbox == []


def test_empty_or_malformed_address_shows_an_error_summary_linked_to_the_field(client, made):
    for value, message in [
        ("", "Enter the email address you applied with"),
        ("amira-at-example", "Enter an email address in the correct format, like name@example.com"),
    ]:
        response = client.post(HOME, {"email": value})
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<a href="#id_email">{message}</a>' in html
        assert html.count("Error:") >= 2  # the title and the message beside the field
    assert mail.outbox == []


@override_settings(APPLICATION_RATE_LIMIT=2, APPLICATION_RATE_LIMIT_PER_ADDRESS=2)
def test_too_many_sign_in_requests_from_one_client_get_a_429_page(client, made):
    assert client.post(HOME, {"email": AMIRA}).status_code == 303
    assert client.post(HOME, {"email": AMIRA}).status_code == 303
    refused = client.post(HOME, {"email": AMIRA})
    assert refused.status_code == 429
    assert "sent this form too many times" in refused.content.decode()
    assert int(refused["Retry-After"]) > 0
    assert len(mail.outbox) == 2


def test_sign_out_forgets_the_address(client, made):
    sign_in(client, AMIRA)
    response = client.post("/your-applications/sign-out/", follow=True)
    html = response.content.decode()
    assert "You have signed out." in html
    assert "Send me a sign-in link" in html and "CBSW-AAAA-1111" not in html
    assert client.get("/your-applications/CBSW-AAAA-1111/")["Location"] == HOME


def test_signing_in_gives_the_session_a_new_key(client, made):
    from django.contrib.sessions.models import Session

    before = client.session
    before["draft"] = "kept"
    before.save()
    old_key = before.session_key
    sign_in(client, AMIRA)
    assert client.cookies["sessionid"].value != old_key
    assert not Session.objects.filter(session_key=old_key).exists()
    assert client.session["draft"] == "kept"


def test_confirmation_email_and_page_link_to_your_applications(
    client, site, django_capture_on_commit_callbacks
):
    from ..conftest import answers, apply

    with django_capture_on_commit_callbacks(execute=True):
        response = apply(
            client,
            site["form"],
            answers(when_did_you_last_practise="15/03/2022", why_do_you_want_to_return="Ready"),
        )
    (confirmation,) = sent_to(AMIRA)
    assert "http://127.0.0.1:8000/your-applications/" in confirmation.body
    page = client.get(response["Location"]).content.decode()
    assert '<a href="/your-applications/">Your applications</a>' in page

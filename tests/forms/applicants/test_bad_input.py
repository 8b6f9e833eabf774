"""Links that are expired, tampered with or made for something else; other people's ids; markup."""

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from forms.links import LinkPurpose, make_token
from forms.models import Application

from .conftest import AMIRA, BOB, ESCAPED, SCRIPT, attach_cv, link_in, make_application, sign_in

pytestmark = pytest.mark.django_db
HOME = "/your-applications/"


def requested_link(client):
    client.post(HOME, {"email": AMIRA})
    return link_in(mail.outbox[-1])


def assert_signed_out(client):
    assert "Send me a sign-in link" in client.get(HOME).content.decode()


def test_a_link_works_for_24_hours_and_then_says_it_has_expired(client, made):
    sent = timezone.now()
    with time_machine.travel(sent, tick=False):
        link = requested_link(client)
    with time_machine.travel(sent + dt.timedelta(hours=23, minutes=59), tick=False):
        assert client.get(link).status_code == 303
    client.post("/your-applications/sign-out/")
    with time_machine.travel(sent + dt.timedelta(hours=24, seconds=1), tick=False):
        response = client.get(link)
        assert response.status_code == 400
        assert "This link has expired" in response.content.decode()
        assert_signed_out(client)


@pytest.mark.parametrize(
    "tamper",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),  # the signature
        lambda token: "x" + token,  # the payload
        lambda token: token.split(":")[0],  # cut short
        lambda token: "not-a-token",
    ],
)
def test_a_tampered_link_does_not_sign_in(client, made, tamper):
    token = requested_link(client).split("/")[-2]
    assert_refused(client, f"/your-applications/sign-in/{tamper(token)}/")


def test_a_link_made_for_another_purpose_does_not_sign_in(client, made):
    change_link = make_token(LinkPurpose.CHANGE_EMAIL, {"from": BOB, "to": AMIRA, "email": AMIRA})
    assert_refused(client, f"/your-applications/sign-in/{change_link}/")


def assert_refused(client, link):
    response = client.get(link)
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert_signed_out(client)


def test_a_sign_in_link_does_not_change_an_email_address(client, made):
    sign_in_link = make_token(LinkPurpose.SIGN_IN, {"from": BOB, "to": AMIRA, "email": BOB})
    response = client.get(f"/your-applications/confirm-email/{sign_in_link}/")
    assert response.status_code == 400
    assert Application.objects.get(pk=made["bob"].pk).applicant_email == BOB


def test_a_link_for_an_address_with_no_application_shows_an_empty_page(client, made):
    sign_in(client, "nobody@example.org")
    html = client.get(HOME).content.decode()
    assert "There are no applications made with this email address." in html
    assert "CBSW-" not in html


def test_another_applicants_application_file_and_withdrawal_are_not_found(client, made):
    bob_cv = attach_cv(made["bob"], name="bob-cv.pdf")
    sign_in(client, AMIRA)
    for path in [
        "CBSW-BBBB-3333/",
        "CBSW-BBBB-3333/withdraw/",
        f"CBSW-BBBB-3333/files/{bob_cv.pk}/",
        f"CBSW-AAAA-1111/files/{bob_cv.pk}/",  # Bob's file under Amira's reference
        "CCBSW-CCCC-4444/",  # her council sign-up is not an application
        "NO-SUCH-REF/",
    ]:
        assert client.get(HOME + path).status_code == 404, path
    assert client.post(HOME + "CBSW-BBBB-3333/withdraw/").status_code == 404
    assert Application.objects.get(pk=made["bob"].pk).status == "received"


def test_a_reference_with_a_nul_character_is_not_found(client, made):
    """PostgreSQL refuses NUL characters in a query: such a reference was a 500 there."""
    sign_in(client, AMIRA)
    for path in [
        "CBSW-AAAA-1111%00/",
        "CBSW-AAAA-1111%00/withdraw/",
        "%00/plan/",
        "CBSW-AAAA-1111%00/talent-pool/",
        "CBSW-AAAA-1111%00/interests/1/share/",
    ]:
        assert client.get(HOME + path).status_code == 404, path
    assert client.post(HOME + "CBSW-AAAA-1111%00/withdraw/").status_code == 404
    assert Application.objects.get(pk=made["amira"].pk).status == "shortlisted"


def test_markup_in_answers_and_names_is_shown_as_text(client, site, django_capture_on_commit_callbacks):
    hostile = make_application(
        site["form"], AMIRA, "CBSW-XSS1-0001", name=SCRIPT, why_do_you_want_to_return=SCRIPT
    )
    hostile.form_data[SCRIPT] = SCRIPT
    hostile.save()
    attach_cv(hostile, name=f"{SCRIPT}.pdf")
    sign_in(client, AMIRA)
    for path in ("", "CBSW-XSS1-0001/", "CBSW-XSS1-0001/withdraw/"):
        html = client.get(HOME + path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html, path
    assert ESCAPED in client.get(HOME + "CBSW-XSS1-0001/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(HOME + "CBSW-XSS1-0001/withdraw/")
    (notice,) = [message for message in mail.outbox if "team@example.org" in message.to]
    assert notice.content_subtype == "plain" and SCRIPT not in notice.body


def test_markup_in_a_new_email_address_stays_text_on_pages_and_in_the_email(client, made):
    hostile = '"<script>alert(1)</script>"@example.org'
    sign_in(client, AMIRA)
    response = client.post(HOME + "change-email/", {"email": hostile}, follow=True)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;@example.org" in html
    (message,) = [message for message in mail.outbox if message.to == [hostile]]
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", None)
    opened = client.get(link_in(message), follow=True).content.decode()
    assert "<script>alert(1)</script>" not in opened
    assert Application.objects.get(pk=made["amira"].pk).applicant_email == hostile

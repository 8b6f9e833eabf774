"""Welsh beside English: the Welsh demo programme and form, Welsh errors, lang attributes, language switch."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from forms.alert_tasks import send_opening_alerts
from forms.intakes import start_new_intake
from forms.models import AlertSubscription, Application, ApplicationFormPage

from .conftest import pdf, post_steps

pytestmark = pytest.mark.django_db


WELSH_PROGRAMME = "/cy/programmes/come-back-to-social-work/"
ENGLISH_PROGRAMME = "/programmes/come-back-to-social-work/"


@pytest.fixture
def welsh_form(welsh_demo_site):
    return ApplicationFormPage.objects.get(slug="apply", locale__language_code="cy")


def test_the_welsh_programme_is_in_welsh_and_links_back_to_english(client, welsh_demo_site):
    response = client.get(WELSH_PROGRAMME)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy">' in html
    assert "<h1>Dewch Nôl i Waith Cymdeithasol</h1>" in html
    assert "Neidio i'r prif gynnwys" in html
    assert f'<a href="{ENGLISH_PROGRAMME}" lang="en-gb" hreflang="en-gb">English</a>' in html
    assert "Cael e-bost pan fydd ceisiadau'n agor" in html


def test_english_urls_do_not_change_and_offer_welsh(client, welsh_demo_site):
    response = client.get(ENGLISH_PROGRAMME, HTTP_ACCEPT_LANGUAGE="cy")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="en-GB">' in html and "<h1>Come Back to Social Work</h1>" in html
    assert f'<a href="{WELSH_PROGRAMME}" lang="cy" hreflang="cy">Cymraeg</a>' in html
    assert client.get("/").status_code == 200 and client.get("/cy/").status_code == 200


def test_a_welsh_application_gets_its_errors_in_welsh(client, welsh_form):
    start = client.get(welsh_form.url).content.decode()
    assert '<html lang="cy">' in start and "Dechrau nawr" in start
    html = client.post(welsh_form.url + "eligibility/", {}).content.decode()
    assert "Mae yna broblem" in html
    assert "Dewiswch ateb ar gyfer “Ydych chi&#x27;n weithiwr cymdeithasol cymwysedig?”" in html
    assert "Select an answer" not in html
    three_years_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    answers = welsh_answers(three_years_ago)
    eligible = {name: answers[name] for name in ELIGIBILITY}
    assert client.post(welsh_form.url + "eligibility/", eligible).status_code == 303
    details = client.post(welsh_form.url + "step-1/", {"full_name": ""}).content.decode()
    assert "Rhowch eich enw llawn" in details and "Eich manylion" in details
    assert "Enter your" not in details


ELIGIBILITY = (
    "are_you_a_qualified_social_worker",
    "when_did_you_last_practise_as_a_social_worker",
    "do_you_have_the_right_to_work_in_the_uk",
)


def welsh_answers(last_practised):
    return {
        "full_name": "Amira Khan",
        "email_address": "amira@example.org",
        "postcode": "CF10 1AA",
        "are_you_a_qualified_social_worker": "Yes",
        "when_did_you_last_practise_as_a_social_worker": last_practised.strftime("%d/%m/%Y"),
        "do_you_have_the_right_to_work_in_the_uk": "Yes",
        "why_do_you_want_to_return": "Rwy'n colli'r gwaith.",
        "privacy_consent": "on",
        "your_cv": pdf(),
    }


def test_an_applicant_applies_in_welsh(client, welsh_form):
    Application.objects.all().delete()
    answers = welsh_answers(timezone.localdate() - dt.timedelta(days=3 * 365))
    response = post_steps(client, welsh_form, answers)
    assert response.status_code == 303 and response["Location"] == welsh_form.url + "check/"
    assert welsh_form.url.startswith("/cy/")
    check = client.get(welsh_form.url + "check/")
    assert '<html lang="cy">' in check.content.decode()
    client.post(welsh_form.url + "check/", {"token": check.context["draft_token"]})
    assert Application.objects.get().page_id == welsh_form.pk


def test_alerts_asked_for_in_welsh_are_sent_in_welsh(client, welsh_demo_site):
    response = client.post("/cy/alerts/", {"email": "amira@example.org", "programme": "all"})
    assert response.status_code == 303 and response["Location"] == "/cy/alerts/check-your-email/"
    (message,) = mail.outbox
    assert message.subject == "Cadarnhewch eich hysbysiadau e-bost"
    assert "/cy/alerts/confirm/" in message.body
    assert AlertSubscription.objects.get().language == "cy"


def test_the_alerts_page_lists_the_programmes_in_its_own_language(client, welsh_demo_site):
    english = client.get("/alerts/").content.decode()
    welsh = client.get("/cy/alerts/").content.decode()
    assert "When applications open for Come Back to Social Work" in english
    assert "Dewch Nôl i Waith Cymdeithasol" not in english
    assert "Pan fydd ceisiadau&#x27;n agor ar gyfer Dewch Nôl i Waith Cymdeithasol" in welsh
    assert '<html lang="cy">' in welsh


def social_work_forms(opens):
    """The English and Welsh application forms of Come Back to Social Work, opening at ``opens``."""
    forms = ApplicationFormPage.objects.filter(slug="apply", url_path__contains="come-back-to-social-work")
    assert forms.count() == 2  # English and Welsh
    forms.update(opens_at=opens)
    return list(forms)


def news_of_every_programme_in_english_and_welsh(client):
    """english@ asks on the English alerts page, welsh@ on the Welsh one; both confirm."""
    for prefix, address in (("", "english@example.org"), ("/cy", "welsh@example.org")):
        client.post(f"{prefix}/alerts/", {"email": address, "programme": "all"})
    for message in list(mail.outbox):
        link = re.search(r"https?://[^/\s]+(/(?:cy/)?alerts/confirm/\S+/)", message.body).group(1)
        assert client.get(link).status_code == 200
    assert AlertSubscription.objects.confirmed().count() == 2
    mail.outbox.clear()


def test_news_of_every_programme_comes_once_per_intake_in_the_subscribers_language(client, welsh_demo_site):
    opens = timezone.now() + dt.timedelta(days=2)
    social_work_forms(opens)
    news_of_every_programme_in_english_and_welsh(client)
    with time_machine.travel(opens + dt.timedelta(minutes=1)):
        send_opening_alerts.enqueue()
    sent = {message.to[0]: message.subject for message in mail.outbox}
    assert len(mail.outbox) == 2
    assert sent == {
        "english@example.org": "Applications are open: Come Back to Social Work",
        "welsh@example.org": "Mae ceisiadau ar agor: Dewch Nôl i Waith Cymdeithasol",
    }


def test_a_new_intake_is_announced_once_in_each_subscribers_language(client, welsh_demo_site):
    # 09:00 UK time (BST) on 1 June; the next intakes open a year on, after today.
    year = timezone.now().year
    sources = social_work_forms(dt.datetime(year, 6, 1, 8, 0, tzinfo=dt.UTC))
    news_of_every_programme_in_english_and_welsh(client)
    for source in sources:
        intake = start_new_intake(source, f"{source.title} 2027", 12, None)
        with TestCase.captureOnCommitCallbacks(execute=True):
            intake.save_revision().publish()
    sent = {message.to[0]: message for message in mail.outbox}
    assert len(mail.outbox) == 2
    assert sent["english@example.org"].subject == "New intake: Come Back to Social Work"
    welsh = sent["welsh@example.org"]
    assert welsh.subject == "Carfan newydd: Dewch Nôl i Waith Cymdeithasol"
    assert (
        "Mae gan Dewch Nôl i Waith Cymdeithasol garfan newydd. "
        f"Mae ceisiadau'n agor am 1 Mehefin {year + 1}, 09:00 (amser y DU)." in welsh.body
    )
    assert "/cy/" in welsh.body and "/cy/alerts/unsubscribe/" in welsh.extra_headers["List-Unsubscribe"]

"""Welsh beside English: the Welsh demo programme and form, Welsh errors, lang attributes, language switch."""

import datetime as dt
import re
from html import unescape

import pytest
import time_machine
from django.core import mail
from django.test import TestCase
from django.utils import timezone, translation

from forms.alert_tasks import send_opening_alerts
from forms.applicant_tasks import send_resume_link
from forms.intakes import start_new_intake
from forms.models import AlertSubscription, Application, ApplicationFormPage, SavedDraft
from forms.tasks import send_application_emails

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
        "are_you_a_qualified_social_worker": "Ydw",
        "when_did_you_last_practise_as_a_social_worker": last_practised.strftime("%d/%m/%Y"),
        "do_you_have_the_right_to_work_in_the_uk": "Oes",
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


def page_text(response):
    assert response.status_code == 200, response.status_code
    text = unescape(response.content.decode())
    assert '<html lang="cy">' in text
    return text


def assert_welsh(html, welsh, english):
    """Every one of ``welsh`` is on the page and none of ``english``."""
    assert [text for text in welsh if text not in html] == []
    assert [text for text in english if text in html] == []


ENGLISH_ON_EVERY_STEP = ("There is a problem", "Save and come back later", ">Back<", "Continue<")


def eligibility_answers(qualified="Ydw", last_practised=None):
    last_practised = last_practised or timezone.localdate() - dt.timedelta(days=3 * 365)
    return {
        "are_you_a_qualified_social_worker": qualified,
        "when_did_you_last_practise_as_a_social_worker_day": str(last_practised.day),
        "when_did_you_last_practise_as_a_social_worker_month": str(last_practised.month),
        "when_did_you_last_practise_as_a_social_worker_year": str(last_practised.year),
        "do_you_have_the_right_to_work_in_the_uk": "Oes",
    }


def test_an_applicant_goes_through_every_step_in_welsh(client, welsh_form):
    Application.objects.all().delete()
    url = welsh_form.url
    start = page_text(client.get(url))
    assert_welsh(
        start,
        ["Ar agor i geisiadau", "Gwirio a allwch wneud cais", "Beth fydd yn cael ei ofyn i chi"],
        ["Open for applications", "days left", "What you will be asked"],
    )

    not_eligible = page_text(client.post(url + "eligibility/", eligibility_answers(qualified="Nac ydw")))
    assert_welsh(
        not_eligible,
        [
            "Ni allwch wneud cais i'r rhaglen hon",
            "Yn seiliedig ar eich atebion:",
            "Beth allwch chi ei wneud",
        ],
        ["You cannot apply", "Based on your answers", "What you can do instead"],
    )

    bad_date = {**eligibility_answers(), "when_did_you_last_practise_as_a_social_worker_day": "31"}
    bad_date["when_did_you_last_practise_as_a_social_worker_month"] = "2"
    eligibility = page_text(client.post(url + "eligibility/", bad_date))
    assert_welsh(
        eligibility,
        [
            "Mae yna broblem",
            "Rhaid i “Y dyddiad y gadawoch waith cymdeithasol” fod yn ddyddiad go iawn",
            ">Diwrnod</label>",
            "Gwirio a allwch wneud cais",
            "cam 1 o 4",
            ">Yn ôl<",
        ],
        [*ENGLISH_ON_EVERY_STEP, "must be a real date", "Enter a real date", "Check you can apply", ">Day<"],
    )
    assert client.post(url + "eligibility/", eligibility_answers()).status_code == 303

    answers = welsh_answers(timezone.localdate() - dt.timedelta(days=3 * 365))
    details = page_text(client.post(url + "step-1/", {**answers, "postcode": "NOT A POSTCODE"}))
    assert_welsh(
        details,
        ["Rhowch god post go iawn", "Cadw a dod yn ôl yn nes ymlaen", "cam 2 o 4"],
        [*ENGLISH_ON_EVERY_STEP, "Enter a real postcode", "step 2 of 4"],
    )
    assert client.post(url + "step-1/", answers).status_code == 303
    experience = page_text(client.get(url + "step-2/"))
    assert_welsh(
        experience,
        ["Gallwch roi hyd at 300 gair", 'data-count-remaining-other="Mae gennych %(count)s gair ar ôl"'],
        ["You can enter up to", "words remaining"],
    )
    assert post_steps(client, welsh_form, answers)["Location"] == url + "check/"

    check = client.get(url + "check/")
    assert_welsh(
        page_text(check),
        [
            "Gwirio eich atebion –",
            "Gwiriwch eich atebion cyn anfon eich cais",
            '">Newid<span class="visually-hidden"> Cod post</span>',
            "Heb ei ateb",
            "<dd>Ie</dd>",
            "Drwy anfon y cais hwn rydych yn cadarnhau",
            "Derbyn ac anfon",
        ],
        ["Check your answers", "Change<", "Not answered", "<dd>Yes</dd>", "Accept and send", "Now send"],
    )
    mail.outbox.clear()
    assert (
        client.post(url + "check/", {"token": check.context["draft_token"]})["Location"]
        == url + "confirmation/"
    )
    confirmation = page_text(client.get(url + "confirmation/"))
    assert_welsh(
        confirmation,
        ["Cais wedi'i gwblhau", "Eich cyfeirnod", "Beth sy'n digwydd nesaf", "Dilyn eich cais"],
        ["Application complete", "Your reference number", "What happens next"],
    )


def test_the_confirmation_email_is_in_the_language_of_the_form_and_the_teams_in_english(client, welsh_form):
    Application.objects.all().delete()
    post_steps(client, welsh_form, welsh_answers(timezone.localdate() - dt.timedelta(days=3 * 365)))
    check = client.get(welsh_form.url + "check/")
    client.post(welsh_form.url + "check/", {"token": check.context["draft_token"]})
    mail.outbox.clear()
    with translation.override("en-gb"):  # as in the worker, where no request chose a language
        send_application_emails.call(Application.objects.get().pk)
    reference = Application.objects.get().reference
    sent = {message.to[0]: message for message in mail.outbox}
    applicant = sent["amira@example.org"]
    assert applicant.subject.endswith(f": eich cyfeirnod yw {reference}")
    for welsh in (
        "Helo,",
        "Diolch am wneud cais ar gyfer",
        f"Eich cyfeirnod yw {reference}. Cadwch ef",
        "Beth sy'n digwydd nesaf",
        "Mae tîm y rhaglen yn darllen pob cais",
        "ysgrifennwch at returners@example.org",
        "Dychwelyd i'r Gwaith",
    ):
        assert welsh in applicant.body
    for english in ("Hello,", "Thank you for", "Your reference is", "What happens next", "Return to Work"):
        assert english not in applicant.body
    team = sent["returners@example.org"]
    assert f"Reference: {reference}" in team.body and "A new application has been received" in team.body


def test_save_for_later_and_its_email_are_in_welsh(client, welsh_form):
    url = welsh_form.url
    assert client.post(url + "eligibility/", eligibility_answers()).status_code == 303
    assert (
        client.post(url + "step-1/", {"full_name": "Amira Khan", "action": "save"})["Location"]
        == url + "save/"
    )
    save = page_text(client.get(url + "save/"))
    assert_welsh(
        save,
        [
            "Cadw a dod yn ôl yn nes ymlaen",
            "Rydym wedi cadw eich atebion yn y porwr hwn",
            "Anfonwch y ddolen ataf",
        ],
        ["Save and come back later", "Send me the link", ">Back<"],
    )
    refused = page_text(client.post(url + "save/", {"email": ""}))
    assert_welsh(
        refused, ["Mae yna broblem", "Rhowch y cyfeiriad e-bost i anfon y ddolen iddo"], ["Enter the email"]
    )
    assert client.post(url + "save/", {"email": "amira@example.org"})["Location"] == url + "saved/"
    saved = page_text(client.get(url + "saved/"))
    assert_welsh(
        saved,
        ["Mae eich atebion wedi'u cadw", "Rydym wedi anfon dolen i <strong>amira@example.org</strong>"],
        ["Your answers have been saved", "We have sent a link"],
    )
    mail.outbox.clear()
    with translation.override("en-gb"):  # as in the worker, where no request chose a language
        send_resume_link.call(SavedDraft.objects.get().pk)
    (message,) = mail.outbox
    assert message.subject == "Eich cais wedi'i gadw: Gwneud cais i Dewch Nôl i Waith Cymdeithasol"
    assert "Defnyddiwch y ddolen hon i\nbarhau o'r man lle gwnaethoch adael" in message.body
    assert "(amser y DU)" in message.body and "“Derbyn ac anfon”" not in message.body
    assert '"Derbyn ac anfon"' in message.body and f"{url}resume/?link=" in message.body
    assert "You saved your application" not in message.body and "Hello," not in message.body
    broken = client.get(url + "resume/?link=nonsense")
    assert broken.status_code == 400
    assert "Nid yw'r ddolen hon yn gweithio" in broken.content.decode()
    assert "Dechrau eich cais eto" in broken.content.decode()

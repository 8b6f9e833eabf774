"""Email alerts: ask, confirm from the email, get a new intake's news when it is published and
"applications are open" when a form opens, unsubscribe."""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from forms import alerts, links, personal_data, retention
from forms.alert_tasks import send_opening_alerts
from forms.intakes import start_new_intake
from forms.models import AlertSubscription, ApplicationFormPage
from tests.forms.conftest import make_form_page

pytestmark = pytest.mark.django_db
ALERTS = "/alerts/"
AMIRA = "amira@example.org"
LINK = re.compile(r"https?://\S+/alerts/\S+/")
OPENS = dt.datetime(2026, 3, 2, 9, 0, tzinfo=dt.UTC)


def path_of(url):
    return "/" + url.split("/", 3)[3]


def link_in(message):
    return path_of(LINK.search(message.body).group(0))


def ask(client, programme, email=AMIRA):
    return client.post(ALERTS, {"email": email, "programme": str(programme.pk) if programme else "all"})


def subscribed(client, programme, email=AMIRA):
    """Asks for an alert and opens the confirmation link; returns the confirmation page."""
    mail.outbox.clear()
    ask(client, programme, email)
    (message,) = mail.outbox
    mail.outbox.clear()
    return client.get(link_in(message))


@pytest.fixture
def upcoming_form(programme):
    return make_form_page(programme, opens_at=OPENS, closes_at=OPENS + dt.timedelta(days=30))


def test_the_form_preselects_the_programme_and_is_never_cached(client, programme):
    response = client.get(f"{ALERTS}?programme={programme.pk}")
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(rf'value="{programme.pk}"[^>]*checked', html)
    assert "When applications open for Come Back to Social Work" in html
    assert "announces a new intake, with the date its applications open, and again when they open." in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("query", ["?programme=banana", "?programme=99999", "?programme=", "?x=1"])
def test_an_unknown_programme_in_the_address_offers_every_programme_instead(client, programme, query):
    response = client.get(ALERTS + query)
    assert response.status_code == 200
    assert re.search(r'value="all"[^>]*checked', response.content.decode())


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "programme": "all"}, "Enter your email address"),
        ({"email": "not-an-address", "programme": "all"}, "Enter an email address in the correct format"),
        ({"email": AMIRA, "programme": "99999"}, "Choose a programme, or news of every programme"),
        ({"email": AMIRA}, "Choose a programme, or news of every programme"),
    ],
)
def test_bad_answers_get_an_error_summary_and_send_nothing(client, programme, data, message):
    response = client.post(ALERTS, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html and message in html
    assert html.count(message) == 2  # in the summary and beside the question
    assert mail.outbox == [] and not AlertSubscription.objects.exists()


def test_asking_sends_a_confirmation_link_and_only_confirming_turns_alerts_on(client, programme):
    response = ask(client, programme)
    assert response.status_code == 303 and response["Location"] == "/alerts/check-your-email/"
    (message,) = mail.outbox
    assert message.to == [AMIRA] and message.subject == "Confirm your email alerts"
    assert "about new intakes of Come Back to Social Work: when one is announced" in message.body
    assert not AlertSubscription.objects.confirmed().exists()
    page = client.get(link_in(message))
    assert page.status_code == 200
    assert (
        "We will email you about new intakes of Come Back to Social Work: when one is announced, "
        "and again when its applications open." in page.content.decode()
    )
    assert AlertSubscription.objects.confirmed().get().email == AMIRA


def test_the_answer_is_the_same_for_a_subscribed_address_which_gets_no_second_email(client, programme):
    subscribed(client, programme)
    again = ask(client, programme, email="Amira@Example.org ")
    new = ask(client, programme, email="someone@example.org")
    assert (again.status_code, again["Location"]) == (new.status_code, new["Location"])
    assert [message.to for message in mail.outbox] == [["someone@example.org"]]


@pytest.mark.parametrize("token", ["nonsense", "x" * 300])
def test_a_changed_link_gets_the_link_does_not_work_page(client, token):
    for path in (f"/alerts/confirm/{token}/", f"/alerts/unsubscribe/{token}/"):
        response = client.get(path)
        assert response.status_code == 400
        assert "This link does not work" in response.content.decode()


def test_a_confirmation_link_expires_after_24_hours(client, programme):
    ask(client, programme)
    (message,) = mail.outbox
    with time_machine.travel(timezone.now() + dt.timedelta(hours=25)):
        response = client.get(link_in(message))
    assert response.status_code == 400 and "This link has expired" in response.content.decode()


def test_subscribers_get_applications_are_open_once_when_the_form_opens(client, programme, upcoming_form):
    with time_machine.travel(OPENS - dt.timedelta(days=3), tick=False):
        subscribed(client, programme)
        subscribed(client, None, email="any@example.org")
        ask(client, programme, email="unconfirmed@example.org")
        mail.outbox.clear()
        send_opening_alerts.enqueue()
        assert mail.outbox == []  # not open yet
    with time_machine.travel(OPENS + dt.timedelta(minutes=5), tick=False):
        send_opening_alerts.enqueue()
        send_opening_alerts.enqueue()  # a second run sends nothing more
    assert sorted(message.to[0] for message in mail.outbox) == [AMIRA, "any@example.org"]
    message = next(message for message in mail.outbox if message.to == [AMIRA])
    assert message.subject == "Applications are open: Come Back to Social Work"
    assert f"http://127.0.0.1:8000{upcoming_form.url}\n" in message.body
    assert "They close at 1 April 2026, 10:00 (UK time)." in message.body
    header = message.extra_headers["List-Unsubscribe"]
    assert header.startswith("<http") and "/alerts/unsubscribe/" in header
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert path_of(header.strip("<>")) in message.body


def test_someone_who_confirms_after_the_form_opened_gets_no_alert_for_it(client, programme, upcoming_form):
    with time_machine.travel(OPENS + dt.timedelta(days=1), tick=False):
        subscribed(client, programme)
        call_command("send_opening_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert mail.outbox == []


def test_publishing_again_a_form_that_is_open_now_sends_its_opening_alerts(client, programme):
    subscribed(client, programme)
    form = make_form_page(programme, opens_at=timezone.now() - dt.timedelta(hours=1))
    form.save_revision().publish()  # its first publication (its news is not queued outside on_commit)
    mail.outbox.clear()
    published(form)
    assert [message.subject for message in mail.outbox] == ["Applications are open: Come Back to Social Work"]


def published(form, **changes):
    """Publishes ``form`` (fetched afresh, with ``changes``) as the editor's Publish button does,
    running what waits for the commit."""
    page = ApplicationFormPage.objects.get(pk=form.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with django_capture_on_commit():
        page.save_revision().publish()
    return page


def unsubscribe(client, email):
    subscription = AlertSubscription.objects.get(email=email)
    token = alerts.token_for(links.LinkPurpose.UNSUBSCRIBE, subscription)
    assert client.post(f"/alerts/unsubscribe/{token}/").status_code == 200


@time_machine.travel(dt.datetime(2026, 11, 2, 12, 0, tzinfo=dt.UTC), tick=False)
def test_publishing_a_new_intake_emails_its_news_once_to_confirmed_subscribers(client, programme):
    # Opens at 09:00 and closes at 17:00 UK time (BST) in June 2026; the next intake a year on.
    june = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)
    source = make_form_page(programme, opens_at=june, closes_at=june + dt.timedelta(days=29, hours=8))
    subscribed(client, programme)
    subscribed(client, None, email="any@example.org")
    subscribed(client, programme, email="gone@example.org")
    unsubscribe(client, "gone@example.org")
    ask(client, programme, email="unconfirmed@example.org")
    mail.outbox.clear()
    intake = start_new_intake(source, "Apply to the 2027 intake", 12, None)
    published(intake)
    published(intake)  # publishing it again, or an edit, sends nothing more
    published(intake, title="Apply to the 2027 intake (edited)")
    assert sorted(message.to[0] for message in mail.outbox) == [AMIRA, "any@example.org"]
    message = next(message for message in mail.outbox if message.to == [AMIRA])
    assert message.subject == "New intake: Come Back to Social Work"
    assert (
        "Come Back to Social Work has a new intake. Applications open at 1 June 2027, 09:00 (UK time)."
        in (message.body)
    )
    assert "They close at 30 June 2027, 17:00 (UK time)." in message.body
    assert f"http://127.0.0.1:8000{intake.url}\n" in message.body and intake.url != source.url
    assert path_of(message.extra_headers["List-Unsubscribe"].strip("<>")) in message.body


def test_a_new_intake_email_is_followed_by_the_opening_alert_it_promises(client, programme, upcoming_form):
    intake = start_new_intake(upcoming_form, "Apply to the next intake", 1, None)
    with time_machine.travel(OPENS - dt.timedelta(days=1), tick=False):
        subscribed(client, programme)
        published(intake)
    (news,) = mail.outbox
    assert "We will email you again when they open." in news.body
    mail.outbox.clear()
    with time_machine.travel(intake.opens_at + dt.timedelta(minutes=1), tick=False):
        send_opening_alerts.enqueue()
    (opening,) = mail.outbox
    assert opening.subject == "Applications are open: Come Back to Social Work"
    assert f"http://127.0.0.1:8000{intake.url}\n" in opening.body


def test_an_intake_open_when_first_published_gets_one_email_per_subscriber(client, programme, upcoming_form):
    intake = start_new_intake(upcoming_form, "Apply to the next intake", 1, None)
    opens = intake.opens_at
    with time_machine.travel(opens - dt.timedelta(days=1), tick=False):
        subscribed(client, programme)
        subscribed(client, None, email="any@example.org")
    with time_machine.travel(opens + dt.timedelta(hours=1), tick=False):
        published(intake)
        send_opening_alerts.enqueue()
        call_command("send_opening_alerts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert sorted(message.to[0] for message in mail.outbox) == [AMIRA, "any@example.org"]
    message = mail.outbox[0]
    assert message.subject == "New intake, open now: Come Back to Social Work"
    assert "has a new intake, open for applications since 2 April 2026, 10:00 (UK time)." in message.body


def django_capture_on_commit():
    from django.test import TestCase

    return TestCase.captureOnCommitCallbacks(execute=True)


def test_unsubscribing_takes_one_button_or_the_mail_programs_one_click_and_needs_no_sign_in(
    client, programme, upcoming_form
):
    with time_machine.travel(OPENS - dt.timedelta(days=1), tick=False):
        subscribed(client, programme)
    with time_machine.travel(OPENS + dt.timedelta(minutes=1), tick=False):
        send_opening_alerts.enqueue()
    (message,) = mail.outbox
    url = message.extra_headers["List-Unsubscribe"].strip("<>")
    page = client.get(path_of(url))
    assert page.status_code == 200 and "Stop these emails" in page.content.decode()
    assert "You get emails about new intakes of Come Back to Social Work" in page.content.decode()
    assert AlertSubscription.objects.exists()  # a link checker opening it changes nothing
    one_click = client.post(path_of(url), {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert "You will not get these emails any more" in one_click.content.decode()
    assert not AlertSubscription.objects.exists()
    assert client.post(path_of(url)).status_code == 200  # a second click is not an error


@override_settings(ALERT_RATE_LIMIT_PER_ADDRESS=2)
def test_too_many_requests_from_one_address_get_the_429_page(client, programme):
    assert ask(client, programme, "a@example.org").status_code == 303
    assert ask(client, programme, "b@example.org").status_code == 303
    refused = ask(client, programme, "c@example.org")
    assert refused.status_code == 429 and "Retry-After" in refused
    assert "too many times" in refused.content.decode()
    assert len(mail.outbox) == 2


def test_subscriptions_are_personal_data_found_exported_erased_and_purged(client, programme):
    subscribed(client, programme)
    ask(client, None, email=AMIRA)  # unconfirmed, news of every programme
    kind = personal_data.get("alerts")
    exported = kind.export(kind.for_email("AMIRA@example.org"))
    assert {record["about"] for record in exported.records} == {"Come Back to Social Work", "every programme"}
    assert "Email alerts you asked for" in " ".join(kind.notice())
    run = retention.purge(now=timezone.now() + dt.timedelta(days=alerts.UNCONFIRMED_DAYS, minutes=1))
    assert run.counts["alerts"]["deleted"] == 1  # the unconfirmed request
    assert AlertSubscription.objects.get().confirmed_at is not None
    run = retention.purge(now=timezone.now() + dt.timedelta(days=31 * alerts.RETENTION_MONTHS))
    assert run.counts["alerts"]["deleted"] == 1 and not AlertSubscription.objects.exists()


def test_erasure_deletes_an_addresses_alerts(client, programme, django_user_model):
    from reviews import erasure

    subscribed(client, programme)
    user = django_user_model.objects.create_superuser("dpo", "dpo@example.org", "x")
    request = erasure.erase(AMIRA, user)
    assert request.counts["alerts"] == 1
    assert not AlertSubscription.objects.exists()


def test_the_alert_for_a_programme_on_its_own_host_name_links_there(client, programme_site):
    from campaigns.models import CampaignPage
    from forms.models import ApplicationFormPage

    programme = CampaignPage.objects.get(slug="come-back-to-social-work")
    opens = timezone.now() + dt.timedelta(days=1)
    ApplicationFormPage.objects.child_of(programme).update(opens_at=opens)
    subscribed(client, programme)
    with time_machine.travel(opens + dt.timedelta(minutes=1)):
        send_opening_alerts.enqueue()
    (message,) = mail.outbox
    assert "http://socialwork.localhost:8000/apply/\n" in message.body


def test_asking_again_before_confirming_resends_the_link_and_keeps_one_request(client, programme):
    for address in (AMIRA, " Amira@Example.org"):
        assert ask(client, None, email=address).status_code == 303
    assert [message.to for message in mail.outbox] == [[AMIRA], [AMIRA]]
    assert AlertSubscription.objects.filter(programme__isnull=True).count() == 1


def test_a_mail_server_refusing_one_alert_sends_the_rest_and_the_next_run_retries_it(
    client, programme, upcoming_form, monkeypatch
):
    import smtplib

    from django.core.mail import EmailMessage

    with time_machine.travel(OPENS - dt.timedelta(days=3), tick=False):
        subscribed(client, programme)
        subscribed(client, None, email="any@example.org")
        mail.outbox.clear()
    send = EmailMessage.send

    def refusing_amira(message, *args, **kwargs):
        if message.to == [AMIRA]:
            raise smtplib.SMTPRecipientsRefused({AMIRA: (450, b"mailbox busy")})
        return send(message, *args, **kwargs)

    with time_machine.travel(OPENS + dt.timedelta(minutes=5), tick=False):
        monkeypatch.setattr(EmailMessage, "send", refusing_amira)
        send_opening_alerts.enqueue()
        assert [message.to[0] for message in mail.outbox] == ["any@example.org"]
        monkeypatch.undo()
        send_opening_alerts.enqueue()
    assert sorted(message.to[0] for message in mail.outbox) == [AMIRA, "any@example.org"]

"""Emails: the applicant's confirmation and the team's notification, sent by a task and retried."""

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import OperationalError
from django.db.models import QuerySet
from django.test import override_settings
from django.utils import timezone

from forms.models import Application
from forms.tasks import retry_delay, schedule_retry, send_application_emails

from .conftest import answers, apply, make_form_page
from .email_backends import ClosingBackend, FlakyBackend

pytestmark = pytest.mark.django_db
FLAKY = "tests.forms.email_backends.FlakyBackend"


@pytest.fixture(autouse=True)
def healthy_smtp():
    FlakyBackend.failures = 0
    yield
    FlakyBackend.failures = 0


@pytest.fixture
def sensitive_form(programme):
    return make_form_page(
        programme,
        [
            ("Full name", "singleline", {"role": "name"}),
            ("Email address", "email", {"role": "email"}),
            ("Tell us about your health", "multiline", {}),
            ("What is your age?", "radio", {"choices": "Under 25\n25 or over", "section": "equality"}),
        ],
    )


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Applies and runs the after-commit callbacks (the test's transaction never commits)."""

    def run(client, page, data):
        with django_capture_on_commit_callbacks(execute=True):
            return apply(client, page, data, cv=False)

    return run


def sensitive_answers():
    return answers(tell_us_about_your_health="Secret medical history", what_is_your_age="25 or over")


def test_applicant_gets_reference_programme_and_next_steps_without_answers(client, sensitive_form, send):
    send(client, sensitive_form, sensitive_answers())
    application = Application.objects.get()
    confirmation = next(m for m in mail.outbox if m.to == ["amira@example.org"])
    assert application.reference in confirmation.subject
    assert application.reference in confirmation.body
    assert "Come Back to Social Work" in confirmation.body
    assert "We will be in touch within 10 working days." in confirmation.body
    for secret in ("Secret medical history", "25 or over", "Amira Khan"):
        assert secret not in confirmation.body
    assert application.confirmation_sent_at is not None


def test_team_gets_only_the_reference_and_an_admin_link(client, sensitive_form, send):
    send(client, sensitive_form, sensitive_answers())
    application = Application.objects.get()
    notification = next(m for m in mail.outbox if m.to == ["team@example.org"])
    assert application.reference in notification.subject
    assert f"http://127.0.0.1:8000/admin/forms/submissions/{sensitive_form.pk}/" in notification.body
    for secret in ("Secret medical history", "25 or over", "Amira", "amira@example.org"):
        assert secret not in notification.body
    assert application.notification_sent_at is not None


@override_settings(EMAIL_BACKEND=FLAKY)
def test_a_send_failure_keeps_the_application_and_the_task_retries(client, sensitive_form, send):
    FlakyBackend.failures = 1
    response = send(client, sensitive_form, sensitive_answers())
    assert response.status_code == 303
    application = Application.objects.get()
    assert application.email_attempts == 1
    assert application.email_error == "ConnectionRefusedError"
    assert application.confirmation_sent_at is not None
    assert application.notification_sent_at is not None
    assert sorted(m.to[0] for m in mail.outbox) == ["amira@example.org", "team@example.org"]


@override_settings(EMAIL_BACKEND=FLAKY, APPLICATION_EMAIL_MAX_ATTEMPTS=3)
def test_after_the_last_attempt_the_retry_command_sends_what_is_left(client, sensitive_form, send):
    FlakyBackend.failures = 100
    assert send(client, sensitive_form, sensitive_answers()).status_code == 303
    application = Application.objects.get()
    assert application.email_attempts == 3
    assert application.confirmation_sent_at is None
    assert mail.outbox == []
    FlakyBackend.failures = 0
    Application.objects.update(submit_time=timezone.now() - dt.timedelta(hours=1))
    call_command("retry_application_emails", stdout=io.StringIO())
    application.refresh_from_db()
    assert application.confirmation_sent_at is not None
    assert len(mail.outbox) == 2
    call_command("retry_application_emails", stdout=io.StringIO())
    assert len(mail.outbox) == 2


@override_settings(EMAIL_BACKEND=FLAKY)
def test_a_retry_sends_only_the_email_that_failed(client, sensitive_form, send):
    send(client, sensitive_form, sensitive_answers())
    application = Application.objects.get()
    Application.objects.update(notification_sent_at=None)
    mail.outbox.clear()
    send_application_emails.call(application.pk)
    assert [m.to for m in mail.outbox] == [["team@example.org"]]


@pytest.mark.parametrize(
    ("sent_field", "recipient"),
    [("notification_sent_at", "team@example.org"), ("confirmation_sent_at", "amira@example.org")],
)
def test_an_email_that_went_while_the_database_restarted_is_not_sent_again(
    client, sensitive_form, send, monkeypatch, sent_field, recipient
):
    """The server accepted the email, then recording it failed once (PostgreSQL restarting):
    the record is tried again, so the hourly retry finds nothing to send."""
    real_update = QuerySet.update
    failures = {sent_field: 1}

    def update(queryset, **values):
        if failures.get(next(iter(values))):
            failures[next(iter(values))] -= 1
            raise OperationalError("terminating connection due to administrator command")
        return real_update(queryset, **values)

    monkeypatch.setattr(QuerySet, "update", update)
    monkeypatch.setattr("forms.tasks.time.sleep", lambda seconds: None)
    send(client, sensitive_form, sensitive_answers())
    assert failures[sent_field] == 0
    Application.objects.update(submit_time=timezone.now() - dt.timedelta(hours=1))
    call_command("retry_application_emails", stdout=io.StringIO())
    assert sorted(m.to[0] for m in mail.outbox) == sorted(["amira@example.org", "team@example.org"])
    assert [m.to[0] for m in mail.outbox].count(recipient) == 1
    assert getattr(Application.objects.get(), sent_field) is not None


def test_an_email_sent_again_after_a_crash_is_the_same_message(client, sensitive_form, send, smtp_server):
    """The worker was killed after the SMTP server took the emails and before their record: the
    retry sends them again with the same Message-IDs, so mail stores keep one copy of each."""
    with override_settings(
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend", **smtp_server.settings
    ):
        send(client, sensitive_form, sensitive_answers())
        application = Application.objects.get()
        first = smtp_server.message_ids()
        Application.objects.update(confirmation_sent_at=None, notification_sent_at=None)
        send_application_emails.call(application.pk)
    again = smtp_server.message_ids()[len(first) :]
    assert sorted(first) == sorted(again)
    assert sorted(first) == [
        f"<{application.reference}.confirmation@example.org>",
        f"<{application.reference}.notification@example.org>",
    ]


@override_settings(EMAIL_BACKEND="tests.forms.email_backends.ClosingBackend")
def test_an_email_is_recorded_before_the_smtp_connection_closes(client, sensitive_form, send):
    """Recording before QUIT leaves only the record's update for a crash to fall into."""
    ClosingBackend.recorded_at_close.clear()
    send(client, sensitive_form, sensitive_answers())
    confirmation_closed, notification_closed = ClosingBackend.recorded_at_close
    assert confirmation_closed[0][0] is not None
    assert notification_closed[0][1] is not None


@override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}})
def test_with_a_deferring_backend_the_retry_waits_longer_each_time():
    from django_tasks import default_task_backend

    default_task_backend.clear()
    before = timezone.now()
    schedule_retry(123, attempt=3)
    [result] = default_task_backend.results
    assert result.args == [123]
    assert result.kwargs == {"attempt": 4}
    assert result.task.run_after >= before + dt.timedelta(minutes=4)
    assert retry_delay(1) < retry_delay(2) < retry_delay(3)


@override_settings(EMAIL_BACKEND=FLAKY)
def test_the_honeypot_sends_no_email(client, sensitive_form):
    client.post(sensitive_form.url, {**sensitive_answers(), "your_website": "spam"})
    assert mail.outbox == []

"""Email backends for tests: locmem that fails the first N sends (a flaky SMTP server)."""

from django.core.mail.backends.locmem import EmailBackend


class FlakyBackend(EmailBackend):
    """Raises on the first ``FlakyBackend.failures`` sends, then delivers to ``mail.outbox``."""

    failures = 0

    def send_messages(self, messages):
        if FlakyBackend.failures > 0:
            FlakyBackend.failures -= 1
            raise ConnectionRefusedError("SMTP server unavailable")
        return super().send_messages(messages)


class ClosingBackend(EmailBackend):
    """locmem that notes, when its connection closes, which emails the database has recorded as sent."""

    recorded_at_close = []

    def close(self):
        from forms.models import Application

        ClosingBackend.recorded_at_close.append(
            list(Application.objects.values_list("confirmation_sent_at", "notification_sent_at"))
        )

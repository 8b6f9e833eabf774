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

from django.apps import AppConfig


class RecruitersConfig(AppConfig):
    """Recruiting organisations (councils and employers) searching the talent pool at ``/recruiters/``."""

    name = "recruiters"
    verbose_name = "Recruiters"

    def ready(self):
        """Registers the kinds of personal data recruiting keeps (interests and the audit of views)."""
        from recruiters.data_kinds import register_kinds

        register_kinds()

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """The back office: pipeline, programme access, admin views, exports, dashboard, audit."""

    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        """Registers the kinds of personal data; connects the receivers that keep the pipeline's
        history in step with the intake."""
        from reviews import signals  # noqa: F401
        from reviews.data_kinds import register_kinds

        register_kinds()

from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    """The back office: pipeline, programme access, admin views, exports, dashboard, audit."""

    name = "reviews"
    verbose_name = "Reviews"

    def ready(self):
        from reviews.data_kinds import register_kinds

        register_kinds()

from django.apps import AppConfig


class PlainFormConfig(AppConfig):
    """A plain wagtail.contrib.forms FormPage, installed only by bench.settings."""

    name = "bench.plainform"
    label = "plainform"
    default_auto_field = "django.db.models.BigAutoField"

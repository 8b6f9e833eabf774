from django.apps import AppConfig


class ApplicationFormsConfig(AppConfig):
    """Application forms; labelled so it never clashes with ``django.forms``."""

    name = "forms"
    label = "application_forms"
    verbose_name = "Applications"

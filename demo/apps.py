from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for every app (the only app allowed to import all the others)."""

    name = "demo"
    verbose_name = "Demo content"

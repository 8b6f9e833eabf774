"""Loads the demo programmes; safe to re-run, refuses production settings unless forced."""

import os

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from demo.loader import PROGRAMME_SITE, load, load_programme_site
from demo.welsh import welsh_programme


def running_production_settings():
    """True under microsite.settings.production (or any settings module named production)."""
    module = getattr(settings, "SETTINGS_MODULE", None) or os.environ.get("DJANGO_SETTINGS_MODULE", "")
    return not settings.DEBUG and module.endswith("production")


class Command(BaseCommand):
    help = "Create the demo site (three programmes, council pages, forms). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with production settings.")
        parser.add_argument(
            "--programme-site",
            action="store_true",
            help=f"Also serve Come Back to Social Work as its own Site on {PROGRAMME_SITE['hostname']}.",
        )
        parser.add_argument(
            "--welsh", action="store_true", help="Also publish the social work programme and form in Welsh."
        )

    def handle(self, *args, **options):
        if running_production_settings() and not options["force"]:
            raise CommandError("Refusing to load demo content with production settings; use --force.")
        created = load()
        if options["welsh"]:
            with transaction.atomic():
                welsh_programme()
        if options["programme_site"]:
            load_programme_site()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} pages created)."))

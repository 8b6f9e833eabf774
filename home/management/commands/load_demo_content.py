"""Loads the demo programmes; safe to re-run, refuses production settings unless forced."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo.loader import load


class Command(BaseCommand):
    help = "Create the demo site (three programmes, council pages, forms). Safe to re-run."

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Run even with production settings.")

    def handle(self, *args, **options):
        if not settings.DEBUG and settings.SETTINGS_MODULE.endswith("production") and not options["force"]:
            raise CommandError("Refusing to load demo content with production settings; use --force.")
        created = load()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} pages created)."))

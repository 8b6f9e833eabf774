"""Deletes uploads never linked to an application (abandoned drafts) once they are old enough."""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from forms.models import ApplicationFile
from forms.uploads import discard


class Command(BaseCommand):
    help = "Deletes uploads (object and row) never linked to an application, after APPLICATION_ORPHAN_HOURS."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=settings.APPLICATION_ORPHAN_HOURS)

    def handle(self, *args, hours, **options):
        cutoff = timezone.now() - dt.timedelta(hours=hours)
        orphans = list(ApplicationFile.objects.filter(application__isnull=True, uploaded_at__lt=cutoff))
        deleted = discard(orphans)
        self.stdout.write(f"Deleted {deleted} unlinked upload(s) older than {hours} hours.")
        if deleted < len(orphans):
            kept = len(orphans) - deleted
            self.stderr.write(f"{kept} could not be deleted from storage; the next run tries again.")

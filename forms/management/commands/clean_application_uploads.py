"""Deletes uploads of abandoned drafts (never linked to an application) once they have expired,
and stored files no row points at (left by an older version or by hand) as old.

``purge_expired_data`` does this too, with everything else that is due; this command does only
the uploads (objects first, so an object that cannot be deleted keeps its row for the next run).
"""

import datetime as dt

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from forms.models import ApplicationFile
from forms.retention import delete_orphaned_uploads, delete_unlinked_files


class Command(BaseCommand):
    help = "Deletes uploads (object and row) never linked to an application, APPLICATION_DRAFT_HOURS after "
    "their draft's last change."

    def add_arguments(self, parser):
        parser.add_argument("--hours", type=int, default=settings.APPLICATION_DRAFT_HOURS)

    def handle(self, *args, hours, **options):
        cutoff = timezone.now() - dt.timedelta(hours=hours)
        orphans = ApplicationFile.objects.filter(application__isnull=True, draft_active_at__lt=cutoff)
        result = delete_unlinked_files(orphans)
        self.stdout.write(f"Deleted {result.count} unlinked upload(s) inactive for {hours} hours.")
        if result.kept:
            self.stdout.write(
                f"{result.kept} could not be deleted from storage and are kept for the next run."
            )
        orphans = delete_orphaned_uploads(cutoff)
        self.stdout.write(
            f"Deleted {orphans.count} stored file(s) with no upload row, older than {hours} hours."
        )
        if orphans.kept:
            self.stdout.write(f"{orphans.kept} of them could not be deleted and are left for the next run.")

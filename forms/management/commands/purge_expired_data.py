"""Deletes the personal data whose retention has ended (see ``forms.retention``); run daily from cron.

``--dry-run`` prints what is due per kind and programme and deletes nothing; ``--enqueue``
hands the run to the task worker (``manage.py db_worker``) instead of running it here.
"""

import sys

from django.core import checks
from django.core.management.base import BaseCommand
from django.utils import timezone
from tqdm import tqdm

from campaigns.models import CampaignPage
from forms import personal_data, retention
from forms.tasks import purge_expired_data


class Command(BaseCommand):
    help = "Deletes applications, files, equality answers, drafts and sessions whose retention has ended."
    # Only the model checks (of the models it deletes from): the others load the URL configuration and
    # the admin's views, 5 MB of the 150 the purge may take (bench/README.md, "Purge") for code it
    # never runs; each release's ``migrate`` runs them all.
    requires_system_checks = [checks.Tags.models]

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what is due; delete nothing.")
        parser.add_argument("--enqueue", action="store_true", help="Queue the purge for the task worker.")
        parser.add_argument("--batch-size", type=int, default=retention.BATCH_SIZE)

    def handle(self, *args, dry_run, enqueue, batch_size, **options):
        if dry_run:
            self.print_due(retention.dry_run())
        elif enqueue:
            purge_expired_data.enqueue()
            self.stdout.write("Queued the purge for the task worker.")
        else:
            run = retention.purge(batch_size=batch_size, progress_factory=self.progress_bar())
            self.print_run(run)

    def progress_bar(self):
        """A progress bar per kind on a terminal; nothing when the output goes to a file or cron's mail."""
        if not sys.stdout.isatty():
            return None
        return lambda kind, total: tqdm(total=total, desc=kind.label, unit=" rows", leave=True).update

    def print_due(self, due):
        titles = programme_titles(due)
        self.stdout.write(
            f"Due for deletion at {timezone.localtime():%d/%m/%Y %H:%M} (dry run, nothing deleted):"
        )
        for name, by_programme in due.items():
            if name == "sessions":
                self.stdout.write(f"  Expired sessions: {sum(by_programme.values())}")
                continue
            kind = personal_data.get(name)
            held = personal_data.held(kind, timezone.now()).count()
            waiting = f" ({held} more past their retention but held while in use)" if held else ""
            self.stdout.write(f"  {kind.label}: {sum(by_programme.values())}{waiting}")
            for programme_id, rows in sorted(by_programme.items()):
                if programme_id != retention.NO_PROGRAMME and rows:
                    self.stdout.write(f"    {titles.get(programme_id, programme_id)}: {rows}")

    def print_run(self, run):
        for name, counts in run.counts.items():
            held = f", {counts['held']} held (still in use)" if counts.get("held") else ""
            kept = f", {counts['kept']} kept for the next run (storage error)" if counts.get("kept") else ""
            self.stdout.write(f"{name}: {counts['deleted']} deleted{kept}{held}")
        self.stdout.write(f"Purge recorded (run {run.pk}): {run.total_deleted()} rows deleted.")


def programme_titles(due):
    ids = {pk for by_programme in due.values() for pk in by_programme if pk != retention.NO_PROGRAMME}
    return {
        str(pk): title for pk, title in CampaignPage.objects.filter(pk__in=ids).values_list("pk", "title")
    }

"""Queues the talent pool reminders due today (run daily from cron; the task worker sends them)."""

from django.core.management.base import BaseCommand

from forms.applicant_tasks import enqueue_pool_reminders


class Command(BaseCommand):
    help = "Queue a reminder email for each talent pool profile whose consent ends within two weeks."

    def handle(self, *args, **options):
        count = enqueue_pool_reminders()
        self.stdout.write(f"{count} talent pool reminder(s) queued.")

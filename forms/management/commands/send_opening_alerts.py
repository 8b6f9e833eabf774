"""Emails "applications are open" alerts for forms that have opened (run from cron every 15 minutes)."""

from django.core.management.base import BaseCommand

from forms import alerts
from forms.alert_tasks import send_opening_alerts


class Command(BaseCommand):
    help = "Email subscribers whose programme's application form has opened since they confirmed."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Queue the sending for the task worker.")

    def handle(self, *args, enqueue, **options):
        if enqueue:
            send_opening_alerts.enqueue()
            self.stdout.write("Queued the opening alerts for the task worker.")
            return
        self.stdout.write(f"{alerts.send_opening_alerts()} alert(s) sent.")

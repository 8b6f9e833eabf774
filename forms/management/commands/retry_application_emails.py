"""Queues the emails of applications whose sending failed (run from cron, e.g. hourly)."""

import datetime as dt

from django.core.management.base import BaseCommand
from django.db.models import Q
from django.utils import timezone

from forms.models import Application
from forms.tasks import send_application_emails


class Command(BaseCommand):
    help = "Queues the email task again for applications with an unsent confirmation or notification."

    def add_arguments(self, parser):
        parser.add_argument("--minutes", type=int, default=10, help="Only applications older than this.")

    def handle(self, *args, minutes, **options):
        cutoff = timezone.now() - dt.timedelta(minutes=minutes)
        unsent = Application.objects.filter(submit_time__lt=cutoff).filter(
            Q(confirmation_sent_at__isnull=True) & ~Q(applicant_email="")
            | Q(notification_sent_at__isnull=True)
        )
        count = 0
        for application in unsent.select_related("page"):
            needs_confirmation = application.applicant_email and not application.confirmation_sent_at
            needs_notification = application.page.specific.to_address and not application.notification_sent_at
            if needs_confirmation or needs_notification:
                send_application_emails.enqueue(application.pk)
                count += 1
        self.stdout.write(f"Queued emails for {count} application(s).")

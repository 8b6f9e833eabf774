"""Background tasks of email alerts: a request's confirmation email, and the "applications open" emails."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from forms import alerts

logger = logging.getLogger(__name__)


@task()
def request_alert(email, programme_id, language):
    """Stores the request and emails its confirmation link; sends nothing to a confirmed subscriber."""
    subscription = alerts.store_request(email, programme_id, language)
    if subscription is None:
        return "already-subscribed"
    alerts.confirmation_email(subscription).send()
    return "sent"


@task()
def send_opening_alerts():
    """Emails the subscribers of every form that has opened since they confirmed (once each)."""
    return alerts.send_opening_alerts()


def queue_opening_alerts(form):
    """Queues ``send_opening_alerts`` for when ``form`` opens (now, where the backend cannot wait)."""
    job = send_opening_alerts
    if form.opens_at and form.opens_at > timezone.now() and job.get_backend().supports_defer:
        job = job.using(run_after=form.opens_at)
    try:
        job.enqueue()
    except Exception as error:  # the cron command sends them later
        logger.warning("Could not queue opening alerts: %s", type(error).__name__)


def on_form_published(sender, instance, **kwargs):
    """Receiver for page_published of an application form: its alerts go when it opens."""
    transaction.on_commit(lambda: queue_opening_alerts(instance))

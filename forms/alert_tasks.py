"""Background tasks of email alerts: a request's confirmation email, a new intake's news and the
"applications open" emails."""

import logging

from django.db import transaction
from django.utils import timezone
from django_tasks import task

from forms import alerts
from forms.applicant_tasks import enqueue

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


@task()
def announce_new_intake(form_id):
    """Emails a newly published intake's news to the subscribers confirmed before it (once each)."""
    return alerts.announce_intake(form_id)


def queue_alerts(form, first_publication):
    """Queues a new intake's news now, and the opening alerts for when ``form`` opens.

    An intake that is open already when first published gets its news alone: that email is
    its opening alert too (the cron command still sends any a failed queue missed).
    """
    if first_publication:
        enqueue(announce_new_intake, form.pk)
        if form.window_state().is_open:
            return
    queue_opening_alerts(form)


def on_form_published(sender, instance, **kwargs):
    """Receiver for page_published of an application form: its first publication is a new intake."""
    first_publication = instance.first_published_at == instance.last_published_at
    transaction.on_commit(lambda: queue_alerts(instance, first_publication))

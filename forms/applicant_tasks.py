"""Background tasks of the applicant's own page: each sends one email.

The sign-in request is answered the same way whether or not the address is known: the view
only queues ``send_sign_in_link``, and the task decides (in the worker) whether there is
anything to send.
"""

import logging

from django_tasks import task

from forms import applicant_emails, applicants, links, pool
from forms.emails import team_addresses

logger = logging.getLogger(__name__)


def enqueue(task_function, *args):
    """Queues a task; a queue that is down is logged, never shown to the applicant."""
    try:
        task_function.enqueue(*args)
    except Exception as error:
        logger.warning("Could not queue %s: %s", task_function.name, type(error).__name__)


@task()
def send_sign_in_link(email):
    """Emails a sign-in link to ``email`` if it made an application; sends nothing otherwise."""
    if not applicants.has_applications(email):
        return "unknown"
    token = links.make_token(links.LinkPurpose.SIGN_IN, {"email": applicants.normalise(email)})
    applicant_emails.sign_in_link(email, token).send()
    return "sent"


@task()
def send_email_change_link(old_email, new_email):
    """Emails the link that moves ``old_email``'s applications to ``new_email``, to the new address."""
    payload = {"from": applicants.normalise(old_email), "to": new_email}
    token = links.make_token(links.LinkPurpose.CHANGE_EMAIL, payload)
    applicant_emails.email_change_link(new_email, token).send()
    return "sent"


@task()
def send_resume_link(saved_draft_id):
    """Emails the link back to a saved application to the address it was saved with."""
    from forms.models import SavedDraft
    from forms.saved_drafts import link_token

    saved = SavedDraft.objects.select_related("page").filter(pk=saved_draft_id).first()
    if saved is None:
        return "gone"
    applicant_emails.resume_link(saved, link_token(saved)).send()
    return "sent"


@task()
def send_withdrawal_notice(application_id):
    """Tells the form's team that the applicant withdrew the application."""
    from forms.models import Application

    application = Application.objects.select_related("page", "programme").filter(pk=application_id).first()
    if application is None or not team_addresses(application.page.specific):
        return "nobody"
    applicant_emails.withdrawal_notice(application).send()
    return "sent"


def enqueue_pool_reminders(now=None):
    """Queues one reminder per profile whose consent ends within two weeks; returns how many."""
    from forms.models import PoolProfile

    due = list(PoolProfile.objects.reminder_due(pool.REMINDER_BEFORE, now).values_list("pk", flat=True))
    for profile_id in due:
        enqueue(send_pool_reminder, profile_id)
    return len(due)


@task()
def send_pool_reminder(profile_id):
    """Sends one reminder before the profile's consent ends, once (claimed first; released if it fails)."""
    from forms.models import PoolProfile

    if not pool.claim_reminder(profile_id):
        return "not due"
    profile = PoolProfile.objects.select_related("application__programme", "application__page").get(
        pk=profile_id
    )
    try:
        applicant_emails.pool_reminder(profile).send()
    except Exception:
        pool.unclaim_reminder(profile_id)  # the next daily run tries again
        raise
    return "sent"

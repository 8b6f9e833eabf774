"""The optional email to an applicant when their status changes: rendered, previewed, queued."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import select_template
from django.utils import timezone
from django_tasks import task

from forms.choices import SUBMISSION_NOUNS
from forms.emails import contact_lines
from forms.models import ApplicationFormPage, ApplicationStatus, FormPurpose
from reviews.models import StatusChange
from reviews.pipeline import allowed_transitions


def form_settings(application):
    """(purpose, reply-to address) of the form the application came from."""
    found = ApplicationFormPage.objects.filter(pk=application.page_id).values_list("purpose", "reply_to")
    return found.first() or (FormPurpose.APPLICATION, "")


def render_status_email(application, to_status):
    """(subject, body) of the email telling the applicant their application is now ``to_status``."""
    label = ApplicationStatus(to_status).label
    template = select_template(
        [
            f"reviews/emails/status_{to_status}.txt",
            "reviews/emails/status_changed.txt",
        ]
    )
    programme = application.programme.title if application.programme_id else ""
    purpose, reply_to = form_settings(application)
    kind, _plural = SUBMISSION_NOUNS[purpose]
    body = template.render(
        {
            "name": application.applicant_name,
            "reference": application.reference,
            "programme": programme,
            "status": label,
            "kind": kind,
            "next_step": bool(allowed_transitions(to_status, purpose)),
            "contact": "\n".join(contact_lines(reply_to)),
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
    )
    subject = f"Your {kind} {application.reference}: {label}"
    return subject, body.strip() + "\n"


@task()
def send_status_email(status_change_id):
    """Sends the email recorded on a status change, once (a retry does not send it twice)."""
    change = StatusChange.objects.select_related("application").get(pk=status_change_id)
    if change.email_sent_at or not change.email_subject or not change.application.applicant_email:
        return False
    _purpose, reply_to = form_settings(change.application)
    EmailMessage(
        change.email_subject,
        change.email_body,
        settings.DEFAULT_FROM_EMAIL,
        [change.application.applicant_email],
        reply_to=[reply_to] if reply_to else None,
    ).send()
    StatusChange.objects.filter(pk=change.pk).update(email_sent_at=timezone.now())
    return True

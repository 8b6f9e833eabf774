"""The optional email to an applicant when their status changes: rendered, previewed, queued."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import select_template
from django.utils import timezone
from django_tasks import task

from forms.models import ApplicationStatus
from reviews.models import StatusChange


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
    body = template.render(
        {
            "name": application.applicant_name,
            "reference": application.reference,
            "programme": programme,
            "status": label,
            "site_name": settings.WAGTAIL_SITE_NAME,
        }
    )
    subject = f"Your application {application.reference}: {label}"
    return subject, body.strip() + "\n"


@task()
def send_status_email(status_change_id):
    """Sends the email recorded on a status change, once (a retry does not send it twice)."""
    change = StatusChange.objects.select_related("application").get(pk=status_change_id)
    if change.email_sent_at or not change.email_subject or not change.application.applicant_email:
        return False
    send_mail(
        change.email_subject,
        change.email_body,
        settings.DEFAULT_FROM_EMAIL,
        [change.application.applicant_email],
    )
    StatusChange.objects.filter(pk=change.pk).update(email_sent_at=timezone.now())
    return True

"""Background tasks of recruiting: each sends one email."""

from django_tasks import task

from recruiters import emails
from recruiters.models import Interest, Recruiter


@task()
def send_invitation(recruiter_id, set_password_path):
    recruiter = Recruiter.objects.select_related("user", "organisation").get(pk=recruiter_id)
    emails.invitation(recruiter, set_password_path).send()
    return "sent"


@task()
def send_interest_notice(interest_id):
    interest = (
        Interest.objects.select_related("profile__application", "organisation").filter(pk=interest_id).first()
    )
    if interest is None:
        return "gone"
    emails.interest_notice(interest).send()
    return "sent"


@task()
def send_answer_notice(interest_id):
    interest = Interest.objects.select_related("recruiter").filter(pk=interest_id).first()
    if interest is None or interest.recruiter is None or not interest.recruiter.email:
        return "nobody"
    emails.answer_notice(interest).send()
    return "sent"

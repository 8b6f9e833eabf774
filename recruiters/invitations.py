"""Approving a sign-up (an organisation and its first recruiter) and the set-password invitation.

The invitation link is Django's password-reset token (``default_token_generator``): it
works for ``PASSWORD_RESET_TIMEOUT`` and stops working once a password is set (the token
covers the password hash), so it works only once.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from wagtail.log_actions import log

from forms.applicant_tasks import enqueue
from forms.choices import FormPurpose
from forms.models import Application, ApplicationFormField
from recruiters.models import Recruiter, RecruitingOrganisation

KIND_OF_PURPOSE = {
    FormPurpose.COUNCIL_SIGNUP: RecruitingOrganisation.Kind.COUNCIL,
    FormPurpose.EMPLOYER_SIGNUP: RecruitingOrganisation.Kind.EMPLOYER,
}
NAME_QUESTIONS = ("council_name", "organisation_name", "employer_name", "company_name")


class EmailTaken(Exception):
    """Another user already has this email address."""


def signups():
    """Every council and employer sign-up, newest first, with the organisation approved from it."""
    return (
        Application.objects.filter(page__applicationformpage__purpose__in=list(KIND_OF_PURPOSE))
        .select_related("page", "recruiting_organisation")
        .order_by("-submit_time", "-pk")
    )


def organisation_name_of(signup):
    """The answer to the sign-up's organisation name question ("" if it has none)."""
    names = ApplicationFormField.objects.filter(page_id=signup.page_id, clean_name__in=NAME_QUESTIONS)
    for clean_name in names.order_by("sort_order").values_list("clean_name", flat=True):
        return str((signup.form_data or {}).get(clean_name) or "")
    return ""


def set_password_path(user):
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("recruiters:set_password", args=[uid, default_token_generator.make_token(user)])


def user_from_link(uidb64, token):
    """The recruiter's user if the invitation link is genuine and unused, else None."""
    try:
        pk = int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    user = get_user_model().objects.filter(pk=pk, recruiter__isnull=False).first()
    if user is None or not default_token_generator.check_token(user, token):
        return None
    return user


@transaction.atomic
def approve(signup, name, kind, council, recruiter_name, recruiter_email):
    """Creates the organisation and its recruiter (no password yet) and emails the invitation."""
    user_model = get_user_model()
    if user_model.objects.filter(
        Q(username__iexact=recruiter_email) | Q(email__iexact=recruiter_email)
    ).exists():
        raise EmailTaken
    organisation = RecruitingOrganisation.objects.create(name=name, kind=kind, council=council, signup=signup)
    first, _, last = recruiter_name.partition(" ")
    user = user_model(username=recruiter_email, email=recruiter_email, first_name=first, last_name=last)
    user.set_unusable_password()
    user.save()
    recruiter = Recruiter.objects.create(user=user, organisation=organisation)
    invite(recruiter)
    log(
        instance=organisation,
        action="recruiters.approve",
        data={"signup": signup.reference if signup else ""},
    )
    return recruiter


def invite(recruiter):
    """Emails the recruiter a link to set their password, once this transaction commits."""
    from recruiters.tasks import send_invitation

    Recruiter.objects.filter(pk=recruiter.pk).update(invited_at=timezone.now())
    path = set_password_path(recruiter.user)
    transaction.on_commit(lambda: enqueue(send_invitation, recruiter.pk, path))

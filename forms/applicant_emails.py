"""Emails of the applicant's own page: sign-in links, a new address to confirm, a withdrawal.

Plain text only, so nothing an applicant typed can become markup in a mail program. Links
are absolute, built on ``WAGTAILADMIN_BASE_URL`` (``forms.emails.site_url``).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from forms.emails import programme_title, site_url, team_email
from forms.links import LINK_LIFETIME

LINK_HOURS = int(LINK_LIFETIME.total_seconds() // 3600)


def to_applicant(address, subject, lines):
    """A plain-text email to an applicant, with a greeting and our name around ``lines``."""
    body = "\n".join(["Hello,", "", *lines, "", "Return to Work"])
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[address])


def sign_in_link(email, token):
    return to_applicant(
        email,
        "Your sign-in link for Your applications",
        [
            "Use this link to sign in to Your applications, where you can see the status of",
            "your applications and your personal development plan:",
            "",
            site_url(reverse("applicants:sign_in", args=[token])),
            "",
            f"The link works for {LINK_HOURS} hours, and only to sign in with {email}.",
            "If you did not ask for it, you can ignore this email: nobody can sign in without the link.",
        ],
    )


def email_change_link(new_email, token):
    return to_applicant(
        new_email,
        "Confirm your new email address",
        [
            "Someone signed in to Your applications asked to use this email address for their",
            "applications. If that was you, confirm it with this link:",
            "",
            site_url(reverse("applicants:confirm_email", args=[token])),
            "",
            f"The link works for {LINK_HOURS} hours. Until you open it, we keep using the old address.",
            "If you did not ask for this, ignore this email and nothing changes.",
        ],
    )


def withdrawal_notice(application):
    """Tells the form's team (its notification addresses) that the applicant withdrew."""
    return team_email(
        application,
        f"Application withdrawn: {application.reference}",
        f"The applicant has withdrawn application {application.reference} to "
        f"{programme_title(application)} on their Your applications page.",
    )

"""Recruiting emails: the invitation to set a password, interest to a candidate, the answer.

Plain text only (nothing a recruiter or candidate typed can become markup in a mail program),
and no recruiter's message or candidate's contact details in them: each says where to sign
in to read it. Links are absolute (``forms.emails.site_url``).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse

from forms.applicant_emails import to_applicant
from forms.emails import site_url

INVITATION_DAYS = settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60)


def to_recruiter(address, subject, lines):
    body = "\n".join(["Hello,", "", *lines, "", "Return to Work"])
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[address])


def invitation(recruiter, set_password_path):
    organisation = recruiter.organisation.name
    return to_recruiter(
        recruiter.user.email,
        "Set your password to search the Return to Work talent pool",
        [
            f"You can now search the talent pool for returners on behalf of {organisation}.",
            "Choose your password with this link:",
            "",
            site_url(set_password_path),
            "",
            f"The link works for {INVITATION_DAYS} days and only once. Then sign in at",
            site_url(reverse("recruiters:sign_in")),
            f"with your email address, {recruiter.user.email}.",
        ],
    )


def interest_notice(interest):
    """Tells the candidate an organisation is interested, and where to answer."""
    application = interest.profile.application
    organisation = interest.organisation.name
    return to_applicant(
        application.applicant_email,
        f"{organisation} is interested in your talent pool profile",
        [
            f"{organisation} found your talent pool profile (from application {application.reference})",
            "and would like to hear from you. Sign in to Your applications with this email address to",
            "read their message and choose whether to share your contact details with them:",
            "",
            site_url(reverse("applicants:application", args=[application.reference])),
            "",
            "They do not have your name or contact details unless you choose to share them.",
        ],
    )


def answer_notice(interest):
    """Tells the recruiter who showed interest that the candidate answered (never the details)."""
    shared = interest.is_shared
    return to_recruiter(
        interest.recruiter.email,
        f"Candidate {interest.profile_id} {'shared their contact details' if shared else 'declined'}",
        [
            f"Candidate {interest.profile_id} "
            + ("shared their contact details with you." if shared else "declined your interest."),
            "Sign in to see your interests:",
            "",
            site_url(reverse("recruiters:interest", args=[interest.pk])),
        ],
    )

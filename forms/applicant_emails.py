"""Emails of the applicant's own page: sign-in links, a new address to confirm, a withdrawal.

Plain text only, so nothing an applicant typed can become markup in a mail program. Links
are absolute, built on ``WAGTAILADMIN_BASE_URL`` (``forms.emails.site_url``). The link to a
saved application is in the language of its form (the page's locale); the others are English,
as Your applications is.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from forms.emails import page_language, page_link, programme_title, site_url, team_email
from forms.links import LINK_LIFETIME
from forms.pool import CONSENT_MONTHS

LINK_HOURS = int(LINK_LIFETIME.total_seconds() // 3600)


def to_applicant(address, subject, lines):
    """A plain-text email to an applicant, with a greeting and our name around ``lines``."""
    body = "\n".join([_("Hello,"), "", *lines, "", _("Return to Work")])
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


def resume_link(saved_draft, token):
    """The link back to an application saved to come back to later, and how long it is kept, in
    the language of its form."""
    page = saved_draft.page.specific
    with translation.override(page_language(page)):
        return to_applicant(
            saved_draft.email,
            _("Your saved application: %(title)s") % {"title": page.title},
            resume_lines(saved_draft, page, token),
        )


def resume_lines(saved_draft, page, token):
    """What the saved application's email says, in the active language."""
    local = timezone.localtime(saved_draft.expires_at)
    values = {
        "title": page.title,
        "kept": _("%(date)s at %(time)s")
        % {"date": date_format(local, "j F Y"), "time": date_format(local, "H:i")},
        "days": settings.APPLICATION_SAVED_DRAFT_DAYS,
    }
    if page.closes_at:
        kept = _(
            "We keep your answers and the files you uploaded until applications close at %(kept)s "
            "(UK time), then delete them."
        )
    else:
        kept = _(
            "We keep your answers and the files you uploaded until %(kept)s (UK time), %(days)s days "
            "after you saved it, then delete them."
        )
    return [
        _(
            "You saved your application (%(title)s) to come back to later. Use this link to\n"
            "carry on where you left off, on any device:"
        )
        % values,
        "",
        f"{page_link(page)}resume/?{urlencode({'link': token})}",
        "",
        kept % values,
        _('Your application has not been sent: it is sent only when you choose "Accept and send".'),
        _("Anyone with this link can see and change your answers, so do not share it."),
    ]


def withdrawal_notice(application):
    """Tells the form's team (its notification addresses) that the applicant withdrew."""
    return team_email(
        application,
        f"Application withdrawn: {application.reference}",
        f"The applicant has withdrawn application {application.reference} to "
        f"{programme_title(application)} on their Your applications page.",
    )


def pool_reminder(profile):
    """Two weeks before the pool consent ends: how to stay in the pool, and what happens if not."""
    application = profile.application
    ends = date_format(timezone.localtime(profile.consent_expires_at), "j F Y")
    return to_applicant(
        application.applicant_email,
        f"Your place in the talent pool ends on {ends}",
        [
            f"Your profile ({profile.get_profession_display()}, from application {application.reference} to",
            f"{programme_title(application)}) is in the talent pool until {ends}.",
            "",
            f"To stay in it for another {CONSENT_MONTHS} months, sign in to Your applications with this",
            'email address and choose "Stay in the talent pool" on the application:',
            "",
            site_url(reverse("applicants:home")),
            "",
            f"If you do nothing, your profile leaves the talent pool on {ends}.",
        ],
    )

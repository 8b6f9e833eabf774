"""The two emails an application sends: the applicant's confirmation and the team's notification.

Neither carries the applicant's answers: the confirmation has the reference, the programme
and what happens next; the notification has the reference and a link to the admin. The
confirmation is in the language of the form the applicant used (its page's locale).
"""

from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from forms.choices import SUBMISSION_NOUNS
from forms.forms_data import split_choices


def site_url(path):
    """An absolute link to ``path`` on this site for emails, on ``WAGTAILADMIN_BASE_URL``."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def page_link(page):
    """The page's address on ``WAGTAILADMIN_BASE_URL`` (as other emails' links), or on its own Site."""
    site = page.get_site()
    if site is None or site.is_default_site:
        return site_url(page.relative_url(site))
    return page.get_full_url()


def programme_title(application):
    return application.programme.title if application.programme else application.page.title


def page_language(page):
    """The language of a form page (its Wagtail locale): the language of the emails it sends applicants."""
    return page.locale.language_code


def contact_lines(reply_to):
    """How to reach the programme team: the read address editors set, else a plain "do not reply"."""
    if reply_to:
        return [
            _("If you have a question, reply to this email or write to %(address)s, quoting your reference.")
            % {"address": reply_to}
        ]
    return [
        _("This email was sent from an address that does not receive replies, so please do not reply to it.")
    ]


def applicant_confirmation(application):
    """The applicant's confirmation, in the form's language: reference, what happens next (the
    editors' words), contact."""
    page = application.page.specific
    with translation.override(page_language(page)):
        return EmailMessage(
            subject=_("%(programme)s: your reference is %(reference)s")
            % {"programme": programme_title(application), "reference": application.reference},
            body="\n".join(confirmation_lines(application, page)),
            from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
            to=[application.applicant_email],
            reply_to=[page.reply_to] if page.reply_to else None,
            headers={"Message-ID": message_id(application, "confirmation")},
        )


def confirmation_lines(application, page):
    """The lines of the applicant's confirmation, in the active language."""
    values = {"programme": programme_title(application), "reference": application.reference}
    if page.is_council_signup:
        thanks = _("Thank you for signing up to %(programme)s.")
    else:
        thanks = _("Thank you for applying to %(programme)s.")
    next_steps = strip_tags(page.thank_you_text).strip() or _("The programme team will read your answers.")
    lines = [
        _("Hello,"),
        "",
        thanks % values,
        "",
        _("Your reference is %(reference)s. Keep it: quote it if you contact the programme team.") % values,
        "",
    ]
    if application.waiting_list:
        lines += [_("This form has reached its limit of applications, so you are on the waiting list."), ""]
    lines += [_("What happens next"), "", next_steps, "", *contact_lines(page.reply_to), ""]
    if not page.is_council_signup:
        lines += [
            _(
                "Follow your application and keep your personal development plan on Your applications\n"
                "(sign in with this email address, no password needed): %(link)s"
            )
            % {"link": site_url(reverse("applicants:home"))},
            "",
        ]
    return [*lines, _("Return to Work")]


def team_notification(application):
    page = application.page.specific
    kind, _plural = SUBMISSION_NOUNS[page.purpose]
    return team_email(
        application,
        f"{page.subject or 'New application'}: {application.reference}",
        f"A new {kind} has been received for {programme_title(application)}.",
        headers={"Message-ID": message_id(application, "notification")},
    )


def team_email(application, subject, summary, headers=None):
    """An email to the form's team: ``summary``, the reference and a link to the admin (no answers)."""
    page = application.page.specific
    link = site_url(reverse("wagtailforms:list_submissions", args=[page.pk]))
    body = "\n".join(
        [summary, "", f"Reference: {application.reference}", f"View it in the admin (sign-in needed): {link}"]
    )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=page.from_address or settings.DEFAULT_FROM_EMAIL,
        to=team_addresses(page),
        headers=headers,
    )


def team_addresses(page):
    return split_choices(page.to_address)


def message_id(application, kind):
    """The fixed Message-ID of an application's ``kind`` of email (``confirmation``, ``notification``).

    Built from the reference and the sender's domain, so a resend from any worker is the same
    message (``forms.tasks``): mail stores that keep one copy per Message-ID (Gmail, for one)
    show it once.
    """
    sender = application.page.specific.from_address or settings.DEFAULT_FROM_EMAIL
    domain = parseaddr(sender)[1].rpartition("@")[2] or "localhost"
    return f"<{application.reference}.{kind}@{domain}>"

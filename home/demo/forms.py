"""The demo programmes' application and council sign-up forms."""

import datetime as dt

from django.utils import timezone

from forms.models import ApplicationFormField


def uk_time(day, hour, minute):
    """A timezone-aware datetime at ``hour:minute`` UK time on ``day``."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def field(label, field_type, required=True, help_text="", choices=""):
    return ApplicationFormField(
        label=label, field_type=field_type, required=required, help_text=help_text, choices=choices
    )


def application_form(data, today):
    """The spec of a programme's application form page (fields plus page fields)."""
    window = data["form"]
    fields = [
        field("Full name", "singleline"),
        field("Email address", "email", help_text="We will send your confirmation here."),
        field("Phone number", "singleline", required=False),
        field("Why do you want to return?", "multiline"),
        field(
            "I agree to my information being used as described in the privacy notice",
            "checkbox",
        ),
    ]
    return {
        "title": f"Apply to {data['title']}",
        "reference_prefix": window["prefix"],
        "opens_at": uk_time(*window["opens_at"]),
        "closes_at": uk_time(*window["closes_at"]),
        "introduction": "<p>It takes about 15 minutes. Have your CV ready.</p>",
        "upcoming_message": "<p>Come back when applications open, or read about the programme.</p>",
        "closed_message": (
            "<p>Applications for this cohort have closed. Councils can still find out how to take "
            "part, and future cohorts will be announced on this site.</p>"
        ),
        "thank_you_text": (
            "<p>We have sent a confirmation to your email address. "
            "We will be in touch within 10 working days.</p>"
        ),
        "to_address": "returners@example.org",
        "from_address": "noreply@example.org",
        "subject": f"New application to {data['title']}",
        "fields": fields,
    }


def council_signup_form(data, today):
    """The spec of a programme's council expression-of-interest form."""
    return {
        "title": "Sign up your council",
        "purpose": "council-signup",
        "reference_prefix": "CNCL",
        "opens_at": None,
        "closes_at": None,
        "introduction": "<p>Tell us about your council and the roles you want to fill.</p>",
        "thank_you_text": "<p>Thank you. The programme team will call you within a week.</p>",
        "to_address": "returners@example.org",
        "from_address": "noreply@example.org",
        "subject": f"Council sign-up for {data['title']}",
        "fields": [
            field("Council name", "singleline"),
            field("Contact name", "singleline"),
            field("Contact email", "email"),
            field("Roles you want to fill", "multiline"),
            field("Number of places you could offer", "number"),
        ],
    }

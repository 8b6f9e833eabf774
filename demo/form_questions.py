"""The demo programmes' application and council sign-up forms.

The social work form asks when the applicant last practised and applies the programme's
2–5 year rule; every application form has a CV upload, a consent question (the page's
consent label, beside the privacy notice) and optional equality monitoring questions.
Application forms come in steps: the eligibility questions first (those with a rule), then
the steps the page breaks start: your details, your experience, about you.
"""

import datetime as dt

from django.utils import timezone

from forms.choices import PAGE_BREAK, EligibilityRule, FieldSection, FormPurpose
from forms.models import ApplicationFormField, ApplicationStatus, PlanTemplateItem, StatusWording

YES_NO = "Yes\nNo"
PREFER_NOT = "Prefer not to say"


def uk_time(day, hour, minute):
    """A timezone-aware datetime at ``hour:minute`` UK time on ``day``."""
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour, minute)))


def field(label, field_type, required=True, help_text="", choices="", **extra):
    return ApplicationFormField(
        label=label, field_type=field_type, required=required, help_text=help_text, choices=choices, **extra
    )


def page_break(title):
    """Starts a new step of the form, titled ``title``."""
    return field(title, PAGE_BREAK, required=False)


def contact_fields():
    return [
        field("Full name", "singleline", role="name"),
        field("Email address", "email", role="email", help_text="We will send your confirmation here."),
        field("Phone number", "singleline", required=False, role="phone", help_text="A UK number."),
        field("Postcode", "singleline", role="postcode", help_text="So we can suggest councils near you."),
    ]


def must_answer_yes(label, reason, help_text=""):
    return field(
        label,
        "radio",
        choices=YES_NO,
        help_text=help_text,
        eligibility_rule=EligibilityRule.ANSWER_IN,
        eligible_answers="Yes",
        not_eligible_reason=reason,
    )


def equality_fields():
    def equality(label, choices, field_type="radio"):
        return field(label, field_type, required=False, choices=choices, section=FieldSection.EQUALITY)

    return [
        equality(
            "What is your age?", f"Under 25\n25 to 34\n35 to 44\n45 to 54\n55 to 64\n65 or over\n{PREFER_NOT}"
        ),
        equality("What is your sex?", f"Female\nMale\n{PREFER_NOT}"),
        equality(
            "Do you consider yourself to have a disability or long-term health condition?",
            f"Yes\nNo\n{PREFER_NOT}",
        ),
        equality(
            "What is your ethnic group?",
            "Asian or Asian British\nBlack, Black British, Caribbean or African\n"
            f"Mixed or multiple ethnic groups\nWhite\nOther ethnic group\n{PREFER_NOT}",
            field_type="dropdown",
        ),
    ]


def social_work_questions():
    return [
        must_answer_yes(
            "Are you a qualified social worker?",
            "This programme is for people who qualified as social workers in the UK.",
        ),
        field(
            "When did you last practise as a social worker?",
            "date",
            help_text="The last day you worked in a social work role. Your best guess is fine. "
            "For example, 27 3 2022.",
            error_name="Date you left social work",
            eligibility_rule=EligibilityRule.YEARS_AGO,
            years_ago_min=2,
            years_ago_max=5,
            not_eligible_reason=(
                "This cohort is for social workers who last practised between 2 and 5 years ago. "
                "If you left more recently you can apply to council vacancies directly; if you left "
                "longer ago, sign up for news of future cohorts."
            ),
        ),
        must_answer_yes(
            "Do you have the right to work in the UK?",
            "You need the right to work in the UK to take part in the programme.",
        ),
        field(
            "Which areas of practice interest you?",
            "checkboxes",
            required=False,
            choices="Adults\nChildren and families\nMental health\nLearning disability",
        ),
    ]


def professional_questions():
    return [
        field("What was your last job title?", "singleline", max_characters=100),
        field(
            "When did your career break start?",
            "date",
            help_text="Your best guess is fine. For example, 27 3 2022.",
            error_name="Date your career break started",
            date_in_past=True,
        ),
        must_answer_yes(
            "Do you have the right to work in the UK?",
            "You need the right to work in the UK to take part in the programme.",
        ),
    ]


def application_form(data):
    """The spec of a programme's application form page (fields plus page fields)."""
    window = data["form"]
    specific = social_work_questions() if data["profession"] == "social-work" else professional_questions()
    fields = [
        # The questions with an eligibility rule make the first step, wherever they are.
        page_break("Your details"),
        *contact_fields(),
        page_break("Your experience"),
        *specific,
        field(
            "Why do you want to return?",
            "multiline",
            help_text="What you miss about the work and what you would bring back to it.",
            max_words=300,
            error_name="Why you want to return",
        ),
        field("Your CV", "file", help_text="Include your career break: we will not judge you for it."),
        page_break("About you"),
        field(
            "How did you hear about the programme?",
            "dropdown",
            required=False,
            choices="A council website\nSocial media\nA friend or colleague\nA professional body\nOther",
        ),
        *equality_fields(),
    ]
    return {
        "title": f"Apply to {data['title']}",
        "reference_prefix": window["prefix"],
        "opens_at": uk_time(*window["opens_at"]),
        "closes_at": uk_time(*window["closes_at"]),
        "introduction": (
            f"<p>Use this form to apply to {data['title']}. First you answer a few questions to check "
            "you can apply. Then we ask for your contact details, why you want to return and your CV.</p>"
            "<p>Before you start, have your CV ready as a PDF or Word document.</p>"
        ),
        "time_needed": "about 15 minutes",
        "reply_time": "within 10 working days of the closing date",
        "upcoming_message": "<p>Come back when applications open, or read about the programme.</p>",
        "closed_message": (
            "<p>Applications for this cohort have closed. Councils can still find out how to take "
            "part, and future cohorts will be announced on this site.</p>"
        ),
        "thank_you_text": (
            "<p>The programme team reads every application and will email you within 10 working days "
            "to tell you whether you have been shortlisted for an interview.</p>"
        ),
        "to_address": "returners@example.org",
        "from_address": "noreply@example.org",
        "reply_to": "returners@example.org",
        "subject": f"New application to {data['title']}",
        "fields": fields,
        **after_applying(data),
    }


def after_applying(data):
    """What applicants find on Your applications: the plan template, status wordings, the pool."""
    return {
        "offer_talent_pool": True,
        "plan_template_items": [
            PlanTemplateItem(title=title, guidance=guidance, link_url=url, link_text=text, sort_order=order)
            for order, (title, guidance, url, text) in enumerate(data["plan"])
        ],
        "status_wordings": [
            StatusWording(status=status, wording=wording, sort_order=order)
            for order, (status, wording) in enumerate(STATUS_WORDINGS)
        ],
    }


STATUS_WORDINGS = [
    (ApplicationStatus.SHORTLISTED, "We would like to invite you to an interview. We will email you a date."),
    (
        ApplicationStatus.UNSUCCESSFUL,
        "We cannot offer you a place this time. Your development plan is here for six months to help "
        "with your next application.",
    ),
]


def council_signup_form(data):
    """The spec of a programme's council expression-of-interest form (its own prefix)."""
    return {
        "title": "Sign up your council",
        "purpose": FormPurpose.COUNCIL_SIGNUP,
        "reference_prefix": ("C" + data["form"]["prefix"])[:6],
        "opens_at": None,
        "closes_at": None,
        "consent_label": "I agree to these details being used to contact me about the programme",
        "introduction": "<p>Tell us about your council and the roles you want to fill.</p>",
        "thank_you_text": "<p>Thank you. The programme team will call you within a week.</p>",
        "to_address": "returners@example.org",
        "from_address": "noreply@example.org",
        "reply_to": "returners@example.org",
        "subject": f"Council sign-up for {data['title']}",
        "fields": [
            field("Council name", "singleline"),
            field("Council website", "url", required=False),
            field("Contact name", "singleline", role="name"),
            field("Contact email", "email", role="email"),
            field("Contact phone number", "singleline", required=False, role="phone"),
            field("Roles you want to fill", "multiline", max_words=200),
            field("Number of places you could offer", "number"),
        ],
    }

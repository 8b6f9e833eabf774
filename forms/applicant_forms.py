"""The small forms of the applicant's own page, with GOV.UK-style messages and error summaries."""

import django.forms
from django.utils.translation import gettext_lazy as _

from campaigns.choices import Region
from forms.fields import SummaryErrorsMixin
from forms.models import PlanItem, PoolProfile
from forms.pool import CONSENT_MONTHS

EMAIL_FORMAT = _("Enter an email address in the correct format, like name@example.com")
PHONE_CHARACTERS = set("0123456789 +()-")


def email_field(label, required_message):
    field = django.forms.EmailField(
        label=label,
        max_length=254,
        error_messages={"required": required_message, "invalid": EMAIL_FORMAT, "max_length": EMAIL_FORMAT},
    )
    field.widget.attrs.update(autocomplete="email", spellcheck="false")
    return field


class SignInForm(SummaryErrorsMixin, django.forms.Form):
    email = email_field("Email address", "Enter the email address you applied with")


class NewEmailForm(SummaryErrorsMixin, django.forms.Form):
    email = email_field("New email address", "Enter your new email address")

    def __init__(self, *args, current_email="", **kwargs):
        super().__init__(*args, **kwargs)
        self.current_email = current_email

    def clean_email(self):
        email = self.cleaned_data["email"]
        if email.strip().lower() == self.current_email.lower():
            raise django.forms.ValidationError("Enter a different email address from the one you use now")
        return email


class PhoneForm(SummaryErrorsMixin, django.forms.Form):
    phone = django.forms.CharField(
        label="Phone number",
        max_length=30,
        help_text="For example, 01632 960 001, 07700 900 982 or +44 808 157 0192",
        error_messages={
            "required": "Enter your phone number",
            "max_length": "Enter a phone number of 30 characters or fewer",
        },
    )
    phone.widget.attrs.update(autocomplete="tel", type="tel")

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(char.isdigit() for char in phone)
        if not set(phone) <= PHONE_CHARACTERS or digits < 7:
            raise django.forms.ValidationError(
                "Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
            )
        return phone


class PlanItemForm(SummaryErrorsMixin, django.forms.ModelForm):
    """The applicant's part of one plan item: where they are with it and their notes."""

    class Meta:
        model = PlanItem
        fields = ["status", "applicant_notes"]
        labels = {"status": "Where are you with this?", "applicant_notes": "Your notes"}
        widgets = {
            "status": django.forms.RadioSelect,
            "applicant_notes": django.forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "status": {"required": "Select where you are with this item"},
            "applicant_notes": {"max_length": "Your notes must be 2,000 characters or fewer"},
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].question_type = "radio"
        self.fields["applicant_notes"].required = False


class PoolProfileForm(SummaryErrorsMixin, django.forms.ModelForm):
    """The applicant's talent pool profile: regions, experience, skills, availability (no contact details).

    ``joining=True`` (no active consent yet) adds the explicit, unticked consent question.
    """

    regions = django.forms.MultipleChoiceField(
        label="Regions where you would work",
        choices=Region.choices,
        widget=django.forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the regions where you would work"},
    )
    consent = django.forms.BooleanField(
        label=f"I want to join the talent pool for {CONSENT_MONTHS} months",
        error_messages={"required": "Tick the box to join the talent pool"},
    )
    field_order = ["regions", "years_of_experience", "skills_summary", "availability", "availability_note"]

    class Meta:
        model = PoolProfile
        fields = ["years_of_experience", "skills_summary", "availability", "availability_note"]
        labels = {
            "years_of_experience": "Years of experience in the profession",
            "skills_summary": "A summary of your skills",
            "availability": "When could you start?",
            "availability_note": "Anything else about when or how you could work",
        }
        help_texts = {
            "skills_summary": "Up to 1,000 characters. Do not include your name or contact details.",
            "availability_note": "For example, part-time or school hours.",
        }
        widgets = {
            "years_of_experience": django.forms.TextInput(attrs={"inputmode": "numeric"}),
            "skills_summary": django.forms.Textarea(attrs={"rows": 5}),
            "availability": django.forms.RadioSelect,
        }
        error_messages = {
            "years_of_experience": {
                "invalid": "Enter your years of experience as a whole number, like 8",
                "max_value": "Enter a number of years of 60 or fewer",
            },
            "skills_summary": {"max_length": "Your skills summary must be 1,000 characters or fewer"},
            "availability_note": {"max_length": "Keep this to 200 characters or fewer"},
        }

    def __init__(self, *args, joining=False, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial.setdefault("regions", self.instance.region_values)
        if not joining:
            del self.fields["consent"]
        self.fields["regions"].question_type = "checkboxes"
        self.fields["availability"].question_type = "radio"
        self.fields["availability"].choices = list(self.fields["availability"].choices)[1:]  # no "-----"


class SaveForLaterForm(SummaryErrorsMixin, django.forms.Form):
    """The email address a saved application's link goes to (Save and come back later)."""

    email = email_field(_("Email address"), _("Enter the email address to send the link to"))

"""The small forms of the applicant's own page, with GOV.UK-style messages and error summaries."""

import django.forms

from forms.fields import SummaryErrorsMixin
from forms.models import PlanItem

EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"
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

"""The forms of the recruiter area and of approving a sign-up, with GOV.UK-style messages."""

import django.forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth.models import AbstractUser
from django.core.validators import MaxLengthValidator

from campaigns.choices import Profession, Region
from campaigns.models import Council
from forms.fields import SummaryErrorsMixin
from recruiters.models import MESSAGE_MAX_LENGTH, Outcome, RecruitingOrganisation

WORDS_MAX_LENGTH = 200


class NonFieldErrorsMixin(SummaryErrorsMixin):
    """Also lists the form's own errors (a wrong password) in the error summary, linked to ``anchor``."""

    anchor_field = None

    def error_links(self):
        anchor = self[self.anchor_field].auto_id if self.anchor_field else ""
        return [(anchor, error) for error in self.non_field_errors()] + super().error_links()


#: A recruiter signs in with their email address as Django's username, which holds this many characters.
USERNAME_LENGTH = AbstractUser._meta.get_field("username").max_length
TOO_LONG = f"Enter an email address of {USERNAME_LENGTH} characters or fewer"


class SignInForm(NonFieldErrorsMixin, auth_forms.AuthenticationForm):
    """Email address and password; only members of an active recruiting organisation get in."""

    anchor_field = "username"
    error_messages = {
        "invalid_login": "Enter the email address and password of your recruiter account",
        "inactive": "Enter the email address and password of your recruiter account",
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        username = self.fields["username"]
        username.label = "Email address"
        username.error_messages["required"] = "Enter your email address"
        # Django sets the username's max_length without its validator: a longer one reached
        # authenticate, and django-axes could not store it (a 500 on PostgreSQL).
        username.validators.append(MaxLengthValidator(USERNAME_LENGTH))
        username.error_messages["max_length"] = TOO_LONG
        username.widget.attrs.update(autocomplete="email", spellcheck="false")
        self.fields["password"].error_messages["required"] = "Enter your password"

    def confirm_login_allowed(self, user):
        """Refuses anyone but a recruiter of an active organisation, with the wrong-password message."""
        super().confirm_login_allowed(user)
        recruiter = getattr(user, "recruiter", None)
        if recruiter is None or not recruiter.organisation.active or user.is_staff:
            raise self.get_invalid_login_error()


class SetPasswordForm(SummaryErrorsMixin, auth_forms.SetPasswordForm):
    """Django's new-password form (with the password validators), GOV.UK-style messages."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = "New password"
        self.fields["new_password1"].error_messages["required"] = "Enter a new password"
        self.fields["new_password2"].label = "Confirm your new password"
        self.fields["new_password2"].error_messages["required"] = "Enter the new password again"


def optional_choice(label, choices, everything):
    return django.forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", everything), *choices],
        error_messages={"invalid_choice": f"Choose a {label.lower()} from the list"},
    )


class SearchForm(SummaryErrorsMixin, django.forms.Form):
    profession = optional_choice("Profession", Profession.choices, "Any profession")
    region = optional_choice("Region", [c for c in Region.choices if c[0] != Region.ENGLAND], "Any region")
    words = django.forms.CharField(
        label="Skills or experience",
        required=False,
        max_length=WORDS_MAX_LENGTH,
        help_text="Words to look for in the profile, for example: child protection",
        error_messages={"max_length": f"Skills or experience must be {WORDS_MAX_LENGTH} characters or fewer"},
    )


class InterestForm(SummaryErrorsMixin, django.forms.Form):
    message = django.forms.CharField(
        label="Your message to the candidate",
        max_length=MESSAGE_MAX_LENGTH,
        help_text="Say which role you have in mind and why their profile interests you. "
        "The candidate reads it when they sign in; they decide whether to share their contact details.",
        widget=django.forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": "Enter a message to the candidate",
            "max_length": f"The message must be {MESSAGE_MAX_LENGTH} characters or fewer",
        },
    )


class OutcomeForm(SummaryErrorsMixin, django.forms.Form):
    outcome = django.forms.ChoiceField(
        label="What happened?",
        choices=[c for c in Outcome.choices if c[0]],
        widget=django.forms.RadioSelect,
        error_messages={"required": "Choose what happened", "invalid_choice": "Choose what happened"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outcome"].question_type = "radio"


class ApproveForm(django.forms.Form):
    """Staff confirm the organisation and its first recruiter from a sign-up."""

    name = django.forms.CharField(label="Organisation name", max_length=200)
    kind = django.forms.ChoiceField(label="Kind", choices=RecruitingOrganisation.Kind.choices)
    council = django.forms.ModelChoiceField(
        label="Council", queryset=Council.objects.all(), required=False, help_text="Needed for a council."
    )
    recruiter_name = django.forms.CharField(label="Recruiter's name", max_length=150)
    recruiter_email = django.forms.EmailField(
        label="Recruiter's email address (the invitation goes here)",
        # It becomes the recruiter's username: longer, it would not fit (a 500 on PostgreSQL).
        max_length=USERNAME_LENGTH,
        error_messages={"max_length": f"{TOO_LONG}: the recruiter signs in with it."},
    )

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if RecruitingOrganisation.objects.filter(name__iexact=name).exists():
            raise django.forms.ValidationError("An organisation with this name can recruit already.")
        return name

    def clean(self):
        data = super().clean()
        if data.get("kind") == RecruitingOrganisation.Kind.COUNCIL and not data.get("council"):
            self.add_error("council", "Choose the council this organisation is.")
        council = data.get("council")
        if council and RecruitingOrganisation.objects.filter(council=council).exists():
            self.add_error("council", f"{council} can recruit already, as another organisation.")
        return data

"""The choices of application forms: question roles and sections, rules, window states, purposes."""

from django.db import models


class FieldRole(models.TextChoices):
    """What a question asks for: picks the applicant's name and email and the autocomplete hint."""

    ANSWER = "", "An answer (no special role)"
    NAME = "name", "Applicant's full name"
    EMAIL = "email", "Applicant's email address (confirmation is sent here)"
    PHONE = "phone", "Phone number"
    POSTCODE = "postcode", "Postcode"


class FieldSection(models.TextChoices):
    APPLICATION = "application", "Application question"
    EQUALITY = "equality", "Equality monitoring (optional, sensitive, stored apart)"


class EligibilityRule(models.TextChoices):
    NONE = "", "No eligibility rule"
    ANSWER_IN = "answer-in", "The answer must be one of the eligible answers"
    YEARS_AGO = "years-ago", "The date must be between the minimum and maximum years ago"


class Window(models.TextChoices):
    """Where a form is in its application window."""

    UPCOMING = "upcoming", "Opening soon"
    OPEN = "open", "Open for applications"
    CLOSED = "closed", "Closed"


class WhenFull(models.TextChoices):
    CLOSE = "close", "Close the form"
    WAITING_LIST = "waiting-list", "Keep taking applications, on a waiting list"


class FormPurpose(models.TextChoices):
    APPLICATION = "application", "Application from a returner"
    COUNCIL_SIGNUP = "council-signup", "Council sign-up (expression of interest)"
    EMPLOYER_SIGNUP = "employer-signup", "Employer sign-up (to recruit from the talent pool)"


# Forms whose answers come from organisations, not returners.
SIGNUP_PURPOSES = frozenset({FormPurpose.COUNCIL_SIGNUP, FormPurpose.EMPLOYER_SIGNUP})

#: How people name one submission, and several, to a form of each purpose.
SUBMISSION_NOUNS = {
    FormPurpose.APPLICATION: ("application", "applications"),
    FormPurpose.COUNCIL_SIGNUP: ("council sign-up", "council sign-ups"),
    FormPurpose.EMPLOYER_SIGNUP: ("employer sign-up", "employer sign-ups"),
}


class EqualityRetention(models.TextChoices):
    """How long a form's equality monitoring answers are kept."""

    UNTIL_REPORT_FROZEN = "report-frozen", "Until the programme's equality report is frozen"
    WITH_APPLICATIONS = "with-applications", "As long as the applications"


#: The form builder's field type that starts a new step of the form (its label is the step's title).
PAGE_BREAK = "page_break"

"""The form builder: Wagtail's field types plus a file upload, with GOV.UK-style messages.

Every question becomes a Django form field annotated with what the templates need
(``question_type``, ``section``, ``role``); the builder adds the consent question and a
honeypot field the templates hide from people.
"""

import django.forms
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from campaigns.choices import Region
from forms import uploads
from forms.choices import FieldSection

HONEYPOT_FIELD = "your_website"
CONSENT_FIELD = "privacy_consent"
# The talent pool questions a form adds when it offers the pool (see forms.pool).
POOL_JOIN_FIELD = "talent_pool"
POOL_REGIONS_FIELD = "talent_pool_regions"
POOL_FIELDS = (POOL_JOIN_FIELD, POOL_REGIONS_FIELD)
POOL_SECTION = "talent-pool"
AUTOCOMPLETE = {"name": "name", "email": "email", "phone": "tel", "postcode": "postal-code"}
INPUT_TYPES = {"email": "email", "phone": "tel"}
CHOICE_TYPES = {"checkboxes", "radio", "dropdown", "multiselect"}
GROUP_TYPES = {"checkboxes", "radio"}  # rendered in a fieldset with a legend
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y", "%d %m %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"]
#: The longest address mail can be sent to (RFC 5321), and the applicant_email column's length.
EMAIL_MAX_LENGTH = 254
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]


def required_message(label, field_type):
    """The GOV.UK-style message for a question left unanswered."""
    if field_type in CHOICE_TYPES:
        return f"Select an answer for “{label}”"
    if field_type == "checkbox":
        return f"Tick the box to confirm: {label}"
    if field_type == "file":
        return f"Select a file for “{label}”"
    if label.endswith("?"):
        return f"Answer the question “{label}”"
    return f"Enter your {label[:1].lower()}{label[1:]}" if label else "Enter an answer"


def join_hint(help_text, extra):
    return (
        f"{help_text}. {extra}"
        if help_text and not help_text.endswith(".")
        else f"{help_text} {extra}".strip()
    )


class UploadField(django.forms.FileField):
    """A file upload checked by content (PDF, DOCX, ODT or TXT), size and, if set up, clamd."""

    widget = django.forms.ClearableFileInput

    def clean(self, data, initial=None):
        """The upload with the content type found in its bytes (never the browser's)."""
        upload = super().clean(data, initial)
        if upload and upload is not initial:
            return uploads.as_detected(upload, uploads.check_upload(upload, self.label))
        return upload


class SummaryErrorsMixin:
    """Gives a form the ``error_links`` the shared error summary lists."""

    def error_links(self):
        """(anchor, message) for the error summary, in the order of the questions."""
        links = []
        for bound in self:
            if bound.errors:
                group = getattr(bound.field, "question_type", "") in GROUP_TYPES
                links.append((f"{bound.auto_id}_0" if group else bound.auto_id, bound.errors[0]))
        return links


class ApplicationForm(SummaryErrorsMixin, BaseForm):
    """An applicant's answers; file questions already answered in the session become optional."""

    def __init__(self, *args, uploaded=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.uploaded = uploaded or {}
        for name in self.uploaded:
            if name in self.fields:
                self.fields[name].required = False

    def fields_in(self, section):
        """The bound fields of one FieldSection."""
        return [bf for bf in self if getattr(bf.field, "section", None) == section]

    @property
    def application_fields(self):
        return [bf for bf in self.fields_in("application") if bf.name != CONSENT_FIELD]

    @property
    def equality_fields(self):
        return self.fields_in(FieldSection.EQUALITY)

    @property
    def talent_pool_fields(self):
        return self.fields_in(POOL_SECTION)

    def clean(self):
        """Joining the talent pool needs at least one region."""
        cleaned = super().clean()
        if cleaned.get(POOL_JOIN_FIELD) and not cleaned.get(POOL_REGIONS_FIELD):
            self.add_error(
                POOL_REGIONS_FIELD, "Select the regions where you would work, to join the talent pool"
            )
        return cleaned

    @property
    def consent_field(self):
        return self[CONSENT_FIELD] if CONSENT_FIELD in self.fields else None

    @property
    def honeypot_field(self):
        return self[HONEYPOT_FIELD]

    @property
    def file_field_names(self):
        return [name for name, field in self.fields.items() if isinstance(field, UploadField)]


class ApplicationFormBuilder(FormBuilder):
    """Wagtail's FormBuilder with a file upload type, GOV.UK messages and autocomplete hints."""

    def __init__(self, fields, consent_label="", talent_pool_label=""):
        super().__init__(fields)
        self.consent_label = consent_label
        self.talent_pool_label = talent_pool_label

    def create_singleline_field(self, field, options):
        widget_type = INPUT_TYPES.get(field.role, "text")
        options["widget"] = django.forms.TextInput(attrs={"type": widget_type})
        return super().create_singleline_field(field, options)

    def create_multiline_field(self, field, options):
        options["max_length"] = 10_000
        options["widget"] = django.forms.Textarea(attrs={"rows": 5})
        return super().create_multiline_field(field, options)

    def create_number_field(self, field, options):
        options.update(
            max_digits=20, decimal_places=6, widget=django.forms.TextInput(attrs={"inputmode": "decimal"})
        )
        options["error_messages"]["invalid"] = "Enter a number, like 3 or 12.5"
        return super().create_number_field(field, options)

    def create_date_field(self, field, options):
        options["help_text"] = join_hint(options["help_text"], "For example, 15/03/2022")
        options["input_formats"] = DATE_INPUT_FORMATS
        options["widget"] = django.forms.DateInput(format="%d/%m/%Y", attrs={"inputmode": "numeric"})
        options["error_messages"]["invalid"] = "Enter a real date, like 15/03/2022"
        return super().create_date_field(field, options)

    def create_datetime_field(self, field, options):
        options["help_text"] = join_hint(options["help_text"], "For example, 15/03/2022 14:30")
        options["input_formats"] = DATETIME_INPUT_FORMATS
        options["widget"] = django.forms.DateTimeInput(format="%d/%m/%Y %H:%M")
        options["error_messages"]["invalid"] = "Enter a real date and time, like 15/03/2022 14:30"
        return super().create_datetime_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        options["error_messages"]["invalid"] = (
            "Enter an email address in the correct format, like name@example.com"
        )
        options["error_messages"]["max_length"] = (
            f"Enter an email address of {EMAIL_MAX_LENGTH} characters or fewer"
        )
        return super().create_email_field(field, options)

    def create_url_field(self, field, options):
        options["error_messages"]["invalid"] = (
            "Enter a web address in the correct format, like https://example.org"
        )
        return super().create_url_field(field, options)

    def create_dropdown_field(self, field, options):
        """Starts with an empty choice, so nobody submits the first option without choosing it."""
        formfield = super().create_dropdown_field(field, options)
        formfield.choices = [("", "Select an answer")] + list(formfield.choices)
        return formfield

    def create_file_field(self, field, options):
        options["help_text"] = join_hint(
            options["help_text"],
            f"A PDF, Word (DOCX), OpenDocument (ODT) or text (TXT) file, up to {uploads.limit_in_mb()} MB",
        )
        options.pop("initial", None)
        options["widget"] = django.forms.FileInput(attrs={"accept": uploads.ACCEPT})
        options["max_length"] = 255
        return UploadField(**options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        if field.section == FieldSection.EQUALITY:
            options["required"] = False
        options["error_messages"] = {"required": required_message(field.label, field.field_type)}
        return options

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            formfield = formfields[field.clean_name or field.get_field_clean_name()]
            formfield.question_type = field.field_type
            formfield.section = field.section
            formfield.role = field.role
            if autocomplete := AUTOCOMPLETE.get(field.role):
                formfield.widget.attrs["autocomplete"] = autocomplete
        if self.consent_label:
            consent = django.forms.BooleanField(
                label=self.consent_label,
                error_messages={"required": "Tick the box to agree to the privacy notice"},
            )
            consent.question_type, consent.section, consent.role = "consent", "application", ""
            formfields[CONSENT_FIELD] = consent
        if self.talent_pool_label:
            formfields.update(talent_pool_fields(self.talent_pool_label))
        honeypot = django.forms.CharField(required=False, label="Leave this field empty")
        honeypot.widget.attrs.update(autocomplete="off", tabindex="-1")
        honeypot.question_type, honeypot.section, honeypot.role = "honeypot", "honeypot", ""
        formfields[HONEYPOT_FIELD] = honeypot
        return formfields

    def get_form_class(self):
        return type("ApplicationForm", (ApplicationForm,), self.formfields)


def talent_pool_fields(label):
    """The optional, unticked talent pool question and the regions it is for (values are labels)."""
    join = django.forms.BooleanField(required=False, label=label)
    regions = django.forms.MultipleChoiceField(
        required=False,
        label="Regions where you would work",
        help_text="Only needed if you join the talent pool. Choose as many as you like.",
        choices=[(label, label) for _value, label in Region.choices],
        widget=django.forms.CheckboxSelectMultiple,
    )
    for field, question_type in ((join, "checkbox"), (regions, "checkboxes")):
        field.question_type, field.section, field.role = question_type, POOL_SECTION, ""
    return {POOL_JOIN_FIELD: join, POOL_REGIONS_FIELD: regions}

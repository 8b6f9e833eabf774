"""The form builder: Wagtail's field types plus a file upload, with GOV.UK-style messages.

Every question becomes a Django form field annotated with what the templates need
(``question_type``, ``section``, ``role``); the builder adds the consent question and a
honeypot field the templates hide from people.
"""

import datetime as dt
import re

import django.forms
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.contrib.forms.forms import BaseForm, FormBuilder

from campaigns.choices import Region
from forms import uploads
from forms.choices import EligibilityRule, FieldRole, FieldSection

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
DATE_PARTS = ("day", "month", "year")
#: Text questions editors can limit in words or characters; the longest answer any takes.
TEXT_TYPES = {"singleline", "multiline"}
TEXT_MAX_LENGTH = 10_000
#: A UK postcode (GOV.UK pattern, spaces optional), checked after upper-casing.
POSTCODE_RE = re.compile(r"^(GIR ?0AA|[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2})$")
#: A UK telephone number once spaces, dashes, dots and brackets are removed: 0 and 9-10 more
#: digits, or +44 (or 0044) and 9-10 digits with no 0 after the country code.
PHONE_RE = re.compile(r"^(0\d{9,10}|(\+44|0044)[1-9]\d{8,9})$")
PHONE_SEPARATORS = re.compile(r"[\s\-.()]")
POSTCODE_MESSAGE = gettext_lazy("Enter a real postcode")
PHONE_MESSAGE = gettext_lazy(
    "Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192"
)
#: The label of each box of a date, and what a date with boxes left empty must include.
DATE_PART_LABELS = {"day": gettext_lazy("Day"), "month": gettext_lazy("Month"), "year": gettext_lazy("Year")}
DATE_SUBJECT = gettext_lazy("The date")
DATE_INCOMPLETE = {
    ("day",): gettext_lazy("%(subject)s must include a day"),
    ("month",): gettext_lazy("%(subject)s must include a month"),
    ("year",): gettext_lazy("%(subject)s must include a year"),
    ("day", "month"): gettext_lazy("%(subject)s must include a day and month"),
    ("day", "year"): gettext_lazy("%(subject)s must include a day and year"),
    ("month", "year"): gettext_lazy("%(subject)s must include a month and year"),
}
#: The longest address mail can be sent to (RFC 5321), and the applicant_email column's length.
EMAIL_MAX_LENGTH = 254
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M"]


def required_message(label, field_type):
    """The GOV.UK-style message for a question left unanswered, in the active language."""
    if field_type in CHOICE_TYPES:
        return _("Select an answer for “%(label)s”") % {"label": label}
    if field_type == "checkbox":
        return _("Tick the box to confirm: %(label)s") % {"label": label}
    if field_type == "file":
        return _("Select a file for “%(label)s”") % {"label": label}
    if label.endswith("?"):
        return _("Answer the question “%(label)s”") % {"label": label}
    if not label:
        return _("Enter an answer")
    return _("Enter your %(label)s") % {"label": f"{label[:1].lower()}{label[1:]}"}


def add_limit(field, options):
    """Adds the question's word or character limit (the templates show its count)."""
    max_words, max_characters = getattr(field, "max_words", None), getattr(field, "max_characters", None)
    if max_words or max_characters:
        options["validators"] = [limit_validator(error_subject(field), max_words, max_characters)]


def join_hint(help_text, extra):
    """The editors' hint and ours, once: ``extra`` is not added again if the hint says it already."""
    if extra.rstrip(".") in help_text:
        return help_text
    return (
        f"{help_text}. {extra}"
        if help_text and not help_text.endswith(".")
        else f"{help_text} {extra}".strip()
    )


def error_subject(field):
    """How error messages name a question's answer: the editors' name for it, else its label."""
    return getattr(field, "error_name", "") or field.label


def count_words(text):
    return len(text.split())


def count_characters(text):
    """Characters as a browser counts a textarea's value (a line break is one)."""
    return len(text.replace("\r\n", "\n"))


def limit_validator(subject, max_words=None, max_characters=None):
    """A validator refusing text over the question's word or character limit (GOV.UK wording)."""

    def validate(text):
        if max_words and count_words(text) > max_words:
            message = _("%(subject)s must be %(limit)s words or fewer")
            raise ValidationError(message % {"subject": subject, "limit": max_words}, code="max_words")
        if max_characters and count_characters(text) > max_characters:
            message = _("%(subject)s must be %(limit)s characters or fewer")
            raise ValidationError(
                message % {"subject": subject, "limit": max_characters}, code="max_characters"
            )

    return validate


def count_messages(words):
    """What the live count under a limited answer says, by whether its number is 1 and whether
    the answer is over the limit, in the active language; ``%(count)s`` is the number."""
    if words:
        return {
            "remaining-one": _("You have %(count)s word remaining"),
            "remaining-other": _("You have %(count)s words remaining"),
            "over-one": _("You have %(count)s word too many"),
            "over-other": _("You have %(count)s words too many"),
        }
    return {
        "remaining-one": _("You have %(count)s character remaining"),
        "remaining-other": _("You have %(count)s characters remaining"),
        "over-one": _("You have %(count)s character too many"),
        "over-other": _("You have %(count)s characters too many"),
    }


def clean_postcode(value):
    """A UK postcode in capitals with one space before the inward code, or ValidationError."""
    compact = re.sub(r"\s+", "", value).upper()
    if not POSTCODE_RE.match(compact):
        raise ValidationError(POSTCODE_MESSAGE, code="postcode")
    return f"{compact[:-3]} {compact[-3:]}"


def clean_phone(value):
    """The telephone number as typed, or ValidationError when it is not a UK number."""
    if not PHONE_RE.match(PHONE_SEPARATORS.sub("", value)):
        raise ValidationError(PHONE_MESSAGE, code="phone")
    return value


class RoleCharField(django.forms.CharField):
    """A single-line answer checked and tidied by its role (a postcode, a telephone number)."""

    cleaners = {FieldRole.POSTCODE: clean_postcode, FieldRole.PHONE: clean_phone}

    def __init__(self, *args, role="", **kwargs):
        super().__init__(*args, **kwargs)
        self.cleaner = self.cleaners.get(role)

    def clean(self, value):
        value = super().clean(value)
        return self.cleaner(value) if value and self.cleaner else value


class DateInputWidget(django.forms.MultiWidget):
    """GOV.UK's date input: day, month and year boxes, posted as ``<name>_day`` and so on.

    A single text date under ``<name>`` (a draft saved before the boxes, a direct POST) is
    read as its three parts, so it is checked like the boxes.
    """

    template_name = "application_forms/widgets/date_input.html"

    def __init__(self, attrs=None):
        widgets = {part: django.forms.TextInput(attrs={"inputmode": "numeric"}) for part in DATE_PARTS}
        super().__init__(widgets, attrs)

    def _render(self, template_name, context, renderer=None):
        """Rendered from the project's templates (Django's form renderer reads only its own)."""
        return mark_safe(render_to_string(template_name, context))  # noqa: S308 - an escaped template

    def get_context(self, name, value, attrs):
        """Each box's id ends as its name does (``id_<name>_day``): the error summary links there."""
        context = super().get_context(name, value, attrs)
        for part, subwidget in zip(DATE_PARTS, context["widget"]["subwidgets"], strict=True):
            if subwidget["attrs"].get("id"):
                subwidget["attrs"]["id"] = f"{context['widget']['attrs']['id']}_{part}"
            subwidget["part"], subwidget["label"] = part, DATE_PART_LABELS[part]
        return context

    def decompress(self, value):
        if isinstance(value, dt.date):
            return [str(value.day), str(value.month), str(value.year)]
        return ["", "", ""]

    def value_from_datadict(self, data, files, name):
        if any(f"{name}_{part}" in data for part in DATE_PARTS):
            return super().value_from_datadict(data, files, name)
        values = data.getlist(name) if hasattr(data, "getlist") else [data.get(name)]
        if len(values) == len(DATE_PARTS):
            return list(values)
        return date_parts_of(values[0] if values else "")

    def value_omitted_from_data(self, data, files, name):
        return name not in data and super().value_omitted_from_data(data, files, name)


def date_parts_of(text):
    """[day, month, year] of a date written as one text, or the text as the day if it is not one."""
    text = (text or "").strip()
    for date_format in DATE_INPUT_FORMATS:
        try:
            day = dt.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
        return [str(day.day), str(day.month), str(day.year)]
    return [text, "-" if text else "", "-" if text else ""]


def date_parts(value):
    """[day, month, year] as posted, each stripped ("" where missing)."""
    return [str(part or "").strip() for part in (list(value or []) + ["", "", ""])[: len(DATE_PARTS)]]


class DayMonthYearField(django.forms.Field):
    """A date given as day, month and year, with GOV.UK's error messages.

    ``subject`` starts the messages ("Date you left social work must be a real date");
    ``in_past`` refuses today and later dates.
    """

    widget = DateInputWidget

    def __init__(self, *args, subject=DATE_SUBJECT, in_past=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.subject, self.in_past = subject, in_past

    def clean(self, value):
        parts = date_parts(value)
        if not any(parts):
            if self.required:
                raise ValidationError(self.error_messages["required"], code="required")
            return None
        missing = tuple(name for name, part in zip(DATE_PARTS, parts, strict=True) if not part)
        if missing:
            raise ValidationError(self.message(DATE_INCOMPLETE[missing]), code="incomplete")
        day, month, year = parts
        if not (year.isascii() and year.isdigit() and len(year) == 4):
            raise ValidationError(self.message(_("%(subject)s must be a real date")), code="invalid")
        try:
            answer = dt.date(int(year), int(month), int(day))
        except ValueError:
            raise ValidationError(
                self.message(_("%(subject)s must be a real date")), code="invalid"
            ) from None
        if self.in_past and answer >= timezone.localdate():
            raise ValidationError(self.message(_("%(subject)s must be in the past")), code="past")
        return answer

    def message(self, template):
        """One of the date's messages, starting with its subject, in the active language."""
        return str(template) % {"subject": self.subject}


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
                links.append((error_anchor(bound), bound.errors[0]))
        return links


def error_anchor(bound):
    """The id the error summary links to: the first choice of a group, the day of a date."""
    question_type = getattr(bound.field, "question_type", "")
    if question_type in GROUP_TYPES:
        return f"{bound.auto_id}_0"
    if isinstance(bound.field, DayMonthYearField):  # the first box left empty, else the day
        parts = date_parts(bound.data)
        missing = [name for name, part in zip(DATE_PARTS, parts, strict=True) if not part]
        return f"{bound.auto_id}_{missing[0] if 0 < len(missing) < 3 else 'day'}"
    return bound.auto_id


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
                POOL_REGIONS_FIELD, _("Select the regions where you would work, to join the talent pool")
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
        options["max_length"] = 255
        options["error_messages"]["max_length"] = _("%(subject)s must be %(limit)s characters or fewer") % {
            "subject": error_subject(field),
            "limit": 255,
        }
        add_limit(field, options)
        return RoleCharField(role=field.role, **options)

    def create_multiline_field(self, field, options):
        options["max_length"] = TEXT_MAX_LENGTH
        options["error_messages"]["max_length"] = _("%(subject)s must be %(limit)s characters or fewer") % {
            "subject": error_subject(field),
            "limit": f"{TEXT_MAX_LENGTH:,}",
        }
        options["widget"] = django.forms.Textarea(attrs={"rows": 5})
        add_limit(field, options)
        return django.forms.CharField(**options)

    def create_number_field(self, field, options):
        options.update(
            max_digits=20, decimal_places=6, widget=django.forms.TextInput(attrs={"inputmode": "decimal"})
        )
        options["error_messages"]["invalid"] = _("Enter a number, like 3 or 12.5")
        return super().create_number_field(field, options)

    def create_date_field(self, field, options):
        """Day, month and year boxes (GOV.UK date input); a date rule implies a past date."""
        options.pop("initial", None)
        in_past = field.date_in_past or field.eligibility_rule == EligibilityRule.YEARS_AGO
        return DayMonthYearField(subject=error_subject(field), in_past=in_past, **options)

    def create_datetime_field(self, field, options):
        options["help_text"] = join_hint(options["help_text"], _("For example, 15/03/2022 14:30"))
        options["input_formats"] = DATETIME_INPUT_FORMATS
        options["widget"] = django.forms.DateTimeInput(format="%d/%m/%Y %H:%M")
        options["error_messages"]["invalid"] = _("Enter a real date and time, like 15/03/2022 14:30")
        return super().create_datetime_field(field, options)

    def create_email_field(self, field, options):
        options["max_length"] = EMAIL_MAX_LENGTH
        options["error_messages"]["invalid"] = _(
            "Enter an email address in the correct format, like name@example.com"
        )
        options["error_messages"]["max_length"] = _(
            "Enter an email address of %(limit)s characters or fewer"
        ) % {"limit": EMAIL_MAX_LENGTH}
        return super().create_email_field(field, options)

    def create_url_field(self, field, options):
        options["error_messages"]["invalid"] = _(
            "Enter a web address in the correct format, like https://example.org"
        )
        return super().create_url_field(field, options)

    def create_dropdown_field(self, field, options):
        """Starts with an empty choice, so nobody submits the first option without choosing it."""
        formfield = super().create_dropdown_field(field, options)
        formfield.choices = [("", _("Select an answer"))] + list(formfield.choices)
        return formfield

    def create_file_field(self, field, options):
        options["help_text"] = join_hint(
            options["help_text"],
            _("A PDF, Word (DOCX), OpenDocument (ODT) or text (TXT) file, up to %(limit)s MB")
            % {"limit": uploads.limit_in_mb()},
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
            name = field.clean_name or field.get_field_clean_name()
            formfield = formfields[name]
            formfield.question_type = field.field_type
            formfield.section = field.section
            formfield.role = field.role
            formfield.max_words = getattr(field, "max_words", None)
            formfield.max_characters = getattr(field, "max_characters", None)
            if formfield.max_words or formfield.max_characters:  # the count, then any hint
                described = [f"id_{name}_info"] + ([f"id_{name}_helptext"] if field.help_text else [])
                formfield.widget.attrs["aria-describedby"] = " ".join(described)
            if autocomplete := AUTOCOMPLETE.get(field.role):
                formfield.widget.attrs["autocomplete"] = autocomplete
        if self.consent_label:
            consent = django.forms.BooleanField(
                label=self.consent_label,
                error_messages={"required": _("Tick the box to agree to the privacy notice")},
            )
            consent.question_type, consent.section, consent.role = "consent", "application", ""
            formfields[CONSENT_FIELD] = consent
        if self.talent_pool_label:
            formfields.update(talent_pool_fields(self.talent_pool_label))
        honeypot = django.forms.CharField(required=False, label=_("Leave this field empty"))
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
        label=_("Regions where you would work"),
        help_text=_("Only needed if you join the talent pool. Choose as many as you like."),
        choices=[(label, label) for _value, label in Region.choices],
        widget=django.forms.CheckboxSelectMultiple,
    )
    for field, question_type in ((join, "checkbox"), (regions, "checkboxes")):
        field.question_type, field.section, field.role = question_type, POOL_SECTION, ""
    return {POOL_JOIN_FIELD: join, POOL_REGIONS_FIELD: regions}

"""The application form page: questions, window (opening and closing times) and places."""

import re
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from functools import reduce
from operator import or_

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count, Min, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from modelcluster.fields import ParentalKey
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import FORM_FIELD_CHOICES, AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from campaigns.choices import Profession
from campaigns.models import CampaignPage
from forms.choices import (
    PAGE_BREAK,
    SIGNUP_PURPOSES,
    EligibilityRule,
    EqualityRetention,
    FieldRole,
    FieldSection,
    FormPurpose,
    WhenFull,
    Window,
)
from forms.fields import HONEYPOT_FIELD, TEXT_MAX_LENGTH, TEXT_TYPES, ApplicationFormBuilder
from home import site_cache
from home.queries import public_q

from .applications import Application

#: The Wagtail hook through which the back office supplies the view that lists a form's
#: submissions in the admin: a function taking the form page, returning a SubmissionsListView subclass.
SUBMISSIONS_LIST_VIEW_HOOK = "application_form_submissions_list_view"

#: The pages of the flow besides the start page and the question steps, each at ``<form page url><step>/``.
STEPS = ("check", "confirmation", "save", "saved", "resume")
#: The question steps: ``eligibility/`` (questions with an eligibility rule), then ``step-1/``, ``step-2/``…
QUESTION_STEP = re.compile(r"^(eligibility|step-[1-9][0-9]{0,2})$")

#: Every field type of Wagtail's form builder, plus a file upload (CV, supporting documents) and
#: a page break, which starts a new step of the form.
FIELD_TYPE_CHOICES = list(FORM_FIELD_CHOICES) + [
    ("file", "File upload (PDF, DOCX, ODT or TXT)"),
    (PAGE_BREAK, "Page break: starts a new step, titled with this label"),
]


class ApplicationFormField(AbstractFormField):
    """One question on an application form, with an optional role and eligibility rule."""

    page = ParentalKey("ApplicationFormPage", on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(verbose_name="field type", max_length=16, choices=FIELD_TYPE_CHOICES)
    field_type.required_on_save = True
    role = models.CharField(
        max_length=20,
        choices=FieldRole.choices,
        blank=True,
        default="",
        help_text="Marks the applicant's name and email (stored with the application) and "
        "helps browsers fill the field in.",
    )
    section = models.CharField(
        max_length=20,
        choices=FieldSection.choices,
        default=FieldSection.APPLICATION,
        help_text="Equality monitoring questions are always optional and stored apart from the answers.",
    )
    eligibility_rule = models.CharField(
        max_length=20,
        choices=EligibilityRule.choices,
        blank=True,
        default="",
        help_text="Makes this an eligibility question, checked before applicants can submit.",
    )
    eligible_answers = models.TextField(
        blank=True,
        help_text="For 'one of the eligible answers': the eligible choices, one per line "
        "(for a checkbox: 'yes').",
    )
    years_ago_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a date rule: at least this many years ago (e.g. 2)."
    )
    years_ago_max = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="For a date rule: at most this many years ago (e.g. 5)."
    )
    not_eligible_reason = models.TextField(
        blank=True,
        help_text="Shown to applicants who do not meet this rule: why, and what they can do instead.",
    )
    error_name = models.CharField(
        max_length=100,
        blank=True,
        help_text="What the answer is, to start error messages, e.g. “Date you left social work” "
        "gives “Date you left social work must be in the past”. Blank: the question.",
    )
    max_words = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="For a text question: the most words accepted (applicants see a live count).",
    )
    max_characters = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(TEXT_MAX_LENGTH)],
        help_text="For a text question: the most characters accepted (applicants see a live count).",
    )
    date_in_past = models.BooleanField(
        default=False,
        help_text="For a date question: the date must be before today (always so with a date rule).",
    )

    panels = AbstractFormField.panels + [
        FieldPanel("role"),
        FieldPanel("section"),
        MultiFieldPanel(
            [
                FieldPanel("error_name"),
                FieldRowPanel([FieldPanel("max_words"), FieldPanel("max_characters")]),
                FieldPanel("date_in_past"),
            ],
            heading="Checks on the answer",
        ),
        MultiFieldPanel(
            [
                FieldPanel("eligibility_rule"),
                FieldPanel("eligible_answers"),
                FieldRowPanel([FieldPanel("years_ago_min"), FieldPanel("years_ago_max")]),
                FieldPanel("not_eligible_reason"),
            ],
            heading="Eligibility",
        ),
    ]

    def clean(self):
        """Refuses rules that cannot be checked (a date rule on a text field, no answers)."""
        super().clean()
        if self.field_type == PAGE_BREAK and self.eligibility_rule:
            raise ValidationError({"eligibility_rule": "A page break asks nothing: it cannot have a rule."})
        if self.eligibility_rule == EligibilityRule.YEARS_AGO:
            if self.field_type != "date":
                raise ValidationError({"eligibility_rule": "A date rule needs a Date question."})
            if self.years_ago_min is None and self.years_ago_max is None:
                raise ValidationError({"years_ago_min": "Give a minimum or a maximum number of years."})
        if (self.max_words or self.max_characters) and self.field_type not in TEXT_TYPES:
            raise ValidationError({"max_words": "Only a text question (single or multi-line) has a limit."})
        if self.max_words and self.max_characters:
            raise ValidationError({"max_characters": "Give a limit in words or in characters, not both."})
        if self.date_in_past and self.field_type != "date":
            raise ValidationError({"date_in_past": "Only a Date question can ask for a date in the past."})
        if self.eligibility_rule == EligibilityRule.ANSWER_IN and not self.eligible_answers.strip():
            raise ValidationError({"eligible_answers": "List the eligible answers."})


@dataclass(frozen=True)
class WindowState:
    """Where a form is in its application window (and its places) at one moment."""

    state: Window
    opens_at: datetime | None
    closes_at: datetime | None
    now: datetime
    places: int | None = None
    taken: int = 0
    waiting_list: bool = False  # open, but new applications join the waiting list

    @property
    def is_open(self):
        return self.state == Window.OPEN

    @property
    def is_upcoming(self):
        return self.state == Window.UPCOMING

    @property
    def full(self):
        """True when every place is taken (the form is closed or on its waiting list)."""
        return self.places is not None and self.taken >= self.places

    @property
    def places_left(self):
        if self.places is None:
            return None
        return max(self.places - self.taken, 0)

    @property
    def days_left(self):
        """Whole days until closing, counted in UK calendar days (0 on the closing day)."""
        if not self.closes_at:
            return None
        closes = timezone.localdate(self.closes_at)
        return (closes - timezone.localdate(self.now)).days


class ApplicationFormPageQuerySet(PageQuerySet):
    def with_places_taken(self):
        """Annotates, in one query, ``places_taken`` (applications counted against the application
        limit, see ``Application.holding_places``) and ``places_filled`` (applications offered or
        placed, see ``Application.filling_places``) on every form."""
        return self.annotate(
            places_taken=count_of(Application.objects.holding_places()),
            places_filled=count_of(Application.objects.filling_places()),
        )

    def next_state_change(self, now):
        """The earliest moment after ``now`` at which a live form's shown state changes, or None.

        A form opens at ``opens_at`` and closes just after ``closes_at``; while one is open
        with a deadline, its "N days left" changes at the next UK midnight.
        """
        is_open = Q(opens_at__isnull=True) | Q(opens_at__lte=now)
        moments = self.live().aggregate(
            opens=Min("opens_at", filter=Q(opens_at__gt=now)),
            closes=Min("closes_at", filter=Q(closes_at__gt=now)),
            counting_days=Count("pk", filter=is_open & Q(closes_at__gt=now)),
        )
        candidates = [moments["opens"], moments["closes"]]
        if moments["counting_days"]:
            candidates.append(next_uk_midnight(now))
        return min((moment for moment in candidates if moment), default=None)

    def forms_of(self, parents):
        """The current form directly below each page of ``parents``, by parent id (one query).

        The current form is the live, public one created last: a programme's newest intake
        (see ``forms.intakes``); the ones before it are its past cohorts.
        """
        if not parents:
            return {}
        under_any = reduce(or_, (Q(path__startswith=page.path) for page in parents))
        depths = {page.depth + 1 for page in parents}
        candidates = self.live().filter(public_q(), under_any, depth__in=depths).order_by("-path")
        by_path = {}
        for form_page in candidates.with_places_taken():
            by_path.setdefault(form_page.path[: -Page.steplen], form_page)
        return {parent.pk: by_path[parent.path] for parent in parents if parent.path in by_path}


def count_of(applications):
    """A subquery counting ``applications`` of the form in the outer query (0 for none)."""
    counted = (
        applications.filter(page_id=OuterRef("pk"))
        .order_by()
        .values("page_id")
        .annotate(count=Count("id"))
        .values("count")
    )
    return Coalesce(Subquery(counted), 0)


def next_uk_midnight(now):
    """The start of the next UK calendar day after ``now``."""
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, time.min))


class ApplicationFormPage(AbstractEmailForm):
    """A form applicants (or councils) fill in, open only between its opening and closing times."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul"],
        help_text="The start page: who can apply and what applicants need before they start.",
    )
    time_needed = models.CharField(
        max_length=100,
        blank=True,
        help_text="The start page: how long the form takes, e.g. 'about 20 minutes'. Blank: not said.",
    )
    reply_time = models.CharField(
        max_length=150,
        blank=True,
        help_text="The start page: when applicants will hear from you, e.g. 'within 10 working days "
        "of the closing date'. Blank: not said.",
    )
    allow_duplicate_applications = models.BooleanField(
        default=False,
        help_text="Lets an email address that already applied to this form apply again. Unticked, "
        "check your answers tells them they have applied and they cannot send a second application.",
    )
    purpose = models.CharField(
        max_length=20,
        choices=FormPurpose.choices,
        default=FormPurpose.APPLICATION,
        help_text="Applications and council sign-ups are listed apart in the admin.",
    )
    reference_prefix = models.CharField(
        max_length=6,
        default="RTW",
        help_text="Letters that start every reference from this form, e.g. CBSW.",
    )
    opens_at = models.DateTimeField(
        null=True, blank=True, help_text="When applications open, in UK time. Blank: open now."
    )
    closes_at = models.DateTimeField(
        null=True, blank=True, help_text="When applications close, in UK time. Blank: no deadline."
    )
    upcoming_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown before applications open (the opening time is shown too).",
    )
    closed_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown after applications close: what applicants can do next.",
    )
    places = models.PositiveIntegerField(
        "application limit",
        null=True,
        blank=True,
        help_text="The most applications accepted, if there is a limit (leave blank for none). This is "
        "not the programme's places, which offers fill: set those on the programme page.",
    )
    when_full = models.CharField(
        max_length=20,
        choices=WhenFull.choices,
        default=WhenFull.CLOSE,
        help_text="What happens when the application limit is reached.",
    )
    full_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown when the application limit is reached and the form closes (else the closed "
        "message).",
    )
    waiting_list_message = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="Shown on the form when the application limit is reached and applications join a "
        "waiting list.",
    )
    consent_label = models.CharField(
        max_length=255,
        blank=True,
        default="I agree to my information being used as described in the privacy notice",
        help_text="A required consent question at the end of the form, beside a link to the "
        "privacy notice. Leave blank for none.",
    )
    plan_months = models.PositiveSmallIntegerField(
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="Applicants' development plans stay open this many months after the closing date "
        "(after they applied, if the form has no closing date); then they can only be read.",
    )
    offer_talent_pool = models.BooleanField(
        default=False,
        help_text="Adds an optional, unticked question inviting applicants to join the talent pool for "
        "the programme's profession in the regions they choose (they can also join later from Your "
        "applications).",
    )
    reply_to = models.EmailField(
        blank=True,
        help_text="An address the programme team reads: the Reply-To of the emails applicants get "
        "and the contact address they give. Blank: the emails ask applicants not to reply.",
    )
    thank_you_text = RichTextField(
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text="Shown on the confirmation page under the reference: what happens next.",
    )
    retention_months = models.PositiveSmallIntegerField(
        default=6,
        validators=[MinValueValidator(0), MaxValueValidator(120)],
        help_text="Applications to this form, with their files, notes and status history, are "
        "deleted this many months after the form closes (0: by the first purge after it closes), or "
        "later while one is still in recruitment, its development plan is open or its talent pool "
        "consent runs. The privacy notice says so.",
    )
    equality_retention = models.CharField(
        max_length=20,
        choices=EqualityRetention.choices,
        default=EqualityRetention.UNTIL_REPORT_FROZEN,
        help_text="Equality monitoring answers go when the programme's equality report is frozen, "
        "or with the applications.",
    )

    content_panels = AbstractEmailForm.content_panels + [
        FormSubmissionsPanel(),
        MultiFieldPanel(
            [FieldPanel("introduction"), FieldPanel("time_needed"), FieldPanel("reply_time")],
            heading="Start page",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
                FieldPanel("upcoming_message"),
                FieldPanel("closed_message"),
            ],
            heading="Application window (UK time)",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("places"), FieldPanel("when_full")]),
                FieldPanel("full_message"),
                FieldPanel("waiting_list_message"),
            ],
            heading="Application limit (optional)",
        ),
        InlinePanel("form_fields", label="Questions"),
        FieldPanel("consent_label"),
        FieldPanel("offer_talent_pool"),
        FieldPanel("allow_duplicate_applications"),
        FieldPanel("purpose"),
        FieldPanel("reference_prefix"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("retention_months"), FieldPanel("equality_retention")],
            heading="Data retention",
        ),
        MultiFieldPanel(
            [FieldPanel("plan_months"), InlinePanel("plan_template_items", label="Plan item")],
            heading="Personal development plan: every applicant's plan starts with these items",
        ),
        InlinePanel(
            "status_wordings",
            heading="What applicants read about their status on “Your applications”",
            label="Status wording",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
                FieldPanel("reply_to"),
            ],
            heading="Emails",
        ),
    ]
    search_fields = AbstractEmailForm.search_fields + [index.SearchField("introduction")]

    parent_page_types = ["campaigns.CampaignPage", "campaigns.CouncilInformationPage"]
    subpage_types = []

    form_builder = ApplicationFormBuilder
    objects = PageManager.from_queryset(ApplicationFormPageQuerySet)()

    def window_state(self, now=None, places_taken=None):
        """Returns the form's WindowState at ``now`` (default: the current time).

        Open from ``opens_at`` up to and including ``closes_at``; with a places cap, the
        applications holding a place (``places_taken``, else counted in one query) close
        the form or switch it to the waiting list when they are all taken.
        """
        now = now or timezone.now()
        if self.opens_at and now < self.opens_at:
            state = Window.UPCOMING
        elif self.closes_at and now > self.closes_at:
            state = Window.CLOSED
        else:
            state = Window.OPEN
        taken, waiting_list = 0, False
        if self.places is not None and state == Window.OPEN:
            taken = self.count_places_taken() if places_taken is None else places_taken
            if taken >= self.places:
                if self.when_full == WhenFull.WAITING_LIST:
                    waiting_list = True
                else:
                    state = Window.CLOSED
        return WindowState(
            state=state,
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            now=now,
            places=self.places,
            taken=taken,
            waiting_list=waiting_list,
        )

    def count_places_taken(self):
        """The number of applications counted against the application limit (waiting-list ones are not)."""
        return Application.objects.holding_places().filter(page_id=self.pk).count()

    def route(self, request, path_components):
        """Routes the steps (``eligibility/``, ``step-2/``, ``check/``, ``resume/``…) to this page."""
        if self.live and len(path_components) == 1:
            step = path_components[0]
            if step in STEPS or QUESTION_STEP.match(step):
                return RouteResult(self, kwargs={"step": step})
        return super().route(request, path_components)

    def serve(self, request, *args, step="start", **kwargs):
        """Runs one step of the application flow (see ``forms.flow``), never Wagtail's one-step form."""
        from forms import flow

        if not getattr(request, "is_preview", False):  # a preview shows the questions being edited
            self._form_fields_cache = self.published_form_fields(request)
        return flow.serve_step(self, request, step)

    def step_url(self, request, step=""):
        """The URL of a step of the flow ("" for the start page, "eligibility", "step-1", "check"…)."""
        url = self.get_url(request)
        return f"{url}{step}/" if step else url

    def get_questions(self):
        """Every question without the page breaks, in the editor's order."""
        return [field for field in self.get_form_fields() if field.field_type != PAGE_BREAK]

    def get_form_fields(self):
        """Every question and page break, equality monitoring questions included, in the editor's order.

        Kept on the instance (one page object serves one request), so building the form,
        checking eligibility and saving read the questions once.
        """
        if not hasattr(self, "_form_fields_cache"):
            self._form_fields_cache = list(self.form_fields.all())
        return self._form_fields_cache

    def published_form_fields(self, request):
        """The questions and page breaks as saved, from the site cache (``home.site_cache``).

        Every step's request reads them; the site cache's generation moves on when a page is
        saved or a question changes (``forms.apps``), so a new question shows at once.
        """
        return site_cache.get_or_set(request, f"form-fields:{self.pk}", lambda: list(self.form_fields.all()))

    def get_data_fields(self):
        """The answers kept in ``form_data``: everything except equality monitoring."""
        fields = [("submit_time", "Submission date"), ("reference", "Reference")]
        fields += [
            (field.clean_name, field.label)
            for field in self.get_questions()
            if field.section != FieldSection.EQUALITY
        ]
        return fields

    def get_form_class(self):
        """Builds the form with the consent question and the honeypot added to the questions.

        Built once per page object (one serves one request), like the questions: a step's
        request builds its own form and checks every step before it, each a form of this class.
        """
        if not hasattr(self, "_form_class_cache"):
            builder = self.form_builder(
                self.get_questions(),
                consent_label=self.consent_label,
                talent_pool_label=self.talent_pool_label(),
            )
            self._form_class_cache = builder.get_form_class()
        return self._form_class_cache

    def get_step_form_class(self, names):
        """The form with only the questions ``names`` (and the honeypot): one step's form.

        A form copies every field of its class when it is made, so a step's form has a class
        of its own rather than the whole form's fields, most of them then removed.
        """
        classes = self.__dict__.setdefault("_step_form_classes", {})
        if names not in classes:
            form_class = self.get_form_class()
            fields = {
                name: field
                for name, field in form_class.base_fields.items()
                if name in names or name == HONEYPOT_FIELD
            }
            classes[names] = type(form_class.__name__, form_class.__bases__, fields)
        return classes[names]

    def talent_pool_label(self):
        """The talent pool question's words, naming the programme's profession ("" when not offered)."""
        from forms.pool import CONSENT_MONTHS

        if not self.offer_talent_pool:
            return ""
        profession = site_cache.get_or_set(
            None,
            f"programme-profession:{self.pk}",
            lambda: CampaignPage.objects.ancestor_of(self).values_list("profession", flat=True).first() or "",
        )
        label = Profession(profession).label if profession else Profession.OTHER.label
        return _("Yes, add me to the talent pool (%(profession)s) for %(months)s months") % {
            "profession": label,
            "months": CONSENT_MONTHS,
        }

    def get_context(self, request, *args, **kwargs):
        """Adds the window state (a query, only if shown) unless the flow passed the request's own."""
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("window", SimpleLazyObject(self.window_state))
        return context

    def retention_ends(self):
        """When applications to this form are due for deletion (None while it has no closing time)."""
        from dateutil.relativedelta import relativedelta

        if not self.closes_at:
            return None
        return self.closes_at + relativedelta(months=self.retention_months)

    @property
    def is_council_signup(self):
        """A sign-up from an organisation (a council or an employer), not an application."""
        return self.purpose in SIGNUP_PURPOSES

    def get_programme(self):
        """The CampaignPage this form belongs to (its parent or grandparent)."""
        return CampaignPage.objects.ancestor_of(self).first()

    def get_submission_class(self):
        """Stores applications in our own model, with a reference and a status."""
        return Application

    def get_submissions_list_view_class(self):
        """The admin view behind this form's "submissions" link (Wagtail's Forms menu, the page's
        submissions panel, the team's notification email), served by ``serve_submissions_list_view``.

        Applications are reviewed in the back office, which supplies the view through the
        ``SUBMISSIONS_LIST_VIEW_HOOK`` Wagtail hook: the intake never imports the back office.
        Without such a hook, Wagtail's own submissions listing.
        """
        for view_class_for in hooks.get_hooks(SUBMISSIONS_LIST_VIEW_HOOK):
            return view_class_for(self)
        return super().get_submissions_list_view_class()

    def process_form_submission(self, form):
        """Saves a confirmed application (see ``forms.submission``) instead of a plain submission.

        Called inside the confirm step's transaction, with the page row locked; the emails
        go through a task after commit rather than Wagtail's synchronous ``send_mail``.
        """
        from forms.submission import save_application

        return save_application(self, form)

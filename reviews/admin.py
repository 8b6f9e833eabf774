"""The "Applications", "Council sign-ups" and "Employer sign-ups" admin (wagtail-modeladmin): listing,
filters, search."""

import copy

import django_filters
from django import forms
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.filters import ChoicesFieldListFilter, ListFilter
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django_filters.widgets import DateRangeWidget
from wagtail_modeladmin.helpers import AdminURLHelper, ButtonHelper
from wagtail_modeladmin.options import ModelAdmin

from campaigns.models import CampaignPage
from forms.models import Application, ApplicationFormPage, FormPurpose, statuses_for
from reviews import listings
from reviews.models import ProgrammeAccess
from reviews.params import parse_id
from reviews.permissions import (
    Action,
    ApplicationPermissionHelper,
    ProgrammeRights,
    applications_for_user,
    filter_form_pages_for_user,
    programmes_for_user,
)
from reviews.views import (
    ApplicationDeleteView,
    ApplicationHistoryView,
    ApplicationIndexView,
    ApplicationInspectView,
)


class ProgrammeFilter(SimpleListFilter):
    """Filters by programme, offering only the programmes the user may see."""

    title = "programme"
    parameter_name = "programme"
    ignored = False  # set when the value is not an id

    def lookups(self, request, model_admin):
        programmes = programmes_for_user(request.user, Action.VIEW).order_by("title")
        return [(str(pk), title) for pk, title in programmes.values_list("pk", "title")]

    def queryset(self, request, queryset):
        return filter_by_id(self, queryset, "programme_id")


class FormPageFilter(SimpleListFilter):
    """Filters by form page: the form page's own "submissions" link lands here."""

    title = "form"
    parameter_name = "form"
    ignored = False  # set when the value is not an id

    def lookups(self, request, model_admin):
        pages = ApplicationFormPage.objects.filter(purpose=model_admin.purpose).order_by("path")
        pages = filter_form_pages_for_user(request.user, pages)
        return [
            (str(page.pk), page.get_admin_display_title())
            for page in pages.only("id", "title", "draft_title")
        ]

    def queryset(self, request, queryset):
        return filter_by_id(self, queryset, "page_id")


def filter_by_id(spec, queryset, field):
    """Filters on ``field`` by the filter's id, or not at all (``spec.ignored``) for a malformed id.

    Ids the user may not see are applied, and list nothing: the queryset is already scoped.
    """
    if not spec.value():
        return queryset
    pk = parse_id(spec.value())
    if pk is None:
        spec.ignored = True
        return queryset
    return queryset.filter(**{field: pk})


class KnownChoicesFilter(ChoicesFieldListFilter):
    """A choices field's filter (status, eligibility) applying only values among its choices."""

    def __init__(self, field, request, params, model, model_admin, field_path):
        field = self.choices_field(field, model_admin)
        super().__init__(field, request, params, model, model_admin, field_path)
        known = {str(value) for value, _ in field.flatchoices}
        given = self.used_parameters.pop(self.lookup_kwarg, None) or []
        kept = [value for value in given if value in known]
        self.ignored = len(kept) != len(given)
        if kept:
            self.used_parameters[self.lookup_kwarg] = kept
        self.lookup_val = kept or None

    def choices_field(self, field, model_admin):
        return field


class StatusFilter(KnownChoicesFilter):
    """The status filter, offering only the statuses of the listing's purpose."""

    def choices_field(self, field, model_admin):
        """A copy of the status field with the listing's statuses as its choices."""
        field = copy.copy(field)
        field.choices = [(status.value, status.label) for status in statuses_for(model_admin.purpose)]
        return field


class SubmittedDateWidget(DateRangeWidget):
    """Two UK dates named ``submitted_from`` and ``submitted_to``."""

    suffixes = ["from", "to"]


class SubmittedFilterSet(django_filters.FilterSet):
    """Submitted between two UK dates, both inclusive: from 00:00 on the first to the end of the last."""

    submitted = django_filters.DateFromToRangeFilter(field_name="submit_time", widget=SubmittedDateWidget)

    class Meta:
        model = Application
        fields = []


class SubmittedDateRangeFilter(ListFilter):
    """The listing's ``submitted_from`` / ``submitted_to`` filter, read and applied by django-filter.

    A date that is not one (``2026-02-30``, ``²``) leaves the range unapplied, with a message.
    """

    title = "submitted date"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        data = {}
        for name in self.expected_parameters():
            given = params.pop(name, None)
            if given:
                data[name] = given[-1] if isinstance(given, list) else given
        self.filterset = SubmittedFilterSet(data or None, queryset=model._default_manager.none())
        self.ignored = bool(data) and not self.filterset.is_valid()
        applied = self.filterset.form.cleaned_data.get("submitted") if data and not self.ignored else None
        start, stop = (applied.start, applied.stop) if applied else (None, None)
        # For the form: the UK dates applied (the range runs to the end of the last day).
        self.values = {
            "submitted_from": start and timezone.localdate(start),
            "submitted_to": stop and timezone.localdate(stop),
        }

    def has_output(self):
        return True

    def expected_parameters(self):
        return [f"submitted_{suffix}" for suffix in SubmittedDateWidget.suffixes]

    def queryset(self, request, queryset):
        if self.ignored or not self.filterset.is_bound:
            return queryset
        return self.filterset.filter_queryset(queryset)

    def choices(self, changelist):
        """The listing's own form shows the two dates (see ``describe_filter``)."""
        return []


class ApplicationURLHelper(AdminURLHelper):
    """Instance URLs take up to 18 ASCII digits: any other id is a 404 before the database is asked."""

    def get_action_url_pattern(self, action):
        if action in ("create", "choose_parent", "index"):
            return super().get_action_url_pattern(action)
        return rf"^{self.base_url_path}/{action}/(?P<instance_pk>[0-9]{{1,18}})/$"


class ApplicationButtonHelper(ButtonHelper):
    """Listing buttons without a database query per row: every listed row is already in scope."""

    def get_buttons_for_obj(self, obj, exclude=None, classnames_add=None, classnames_exclude=None):
        exclude = exclude or []
        buttons = []
        if "inspect" not in exclude:
            buttons.append(self.inspect_button(obj.pk, classnames_add, classnames_exclude))
        if "delete" not in exclude and obj.programme_id in self.deletable:
            buttons.append(self.delete_button(obj.pk, classnames_add, classnames_exclude))
        return buttons

    @cached_property
    def deletable(self):
        return ProgrammeRights(self.request.user, Action.DELETE)

    def get_primary_button(self, obj):
        return self.inspect_button(obj.pk)


class BaseApplicationAdmin(ModelAdmin):
    """What the two application listings share; each sets ``purpose`` and its URL."""

    model = Application
    purpose = None
    menu_icon = "form"
    inspect_view_enabled = True
    index_view_class = ApplicationIndexView
    inspect_view_class = ApplicationInspectView
    delete_view_class = ApplicationDeleteView
    history_view_class = ApplicationHistoryView
    button_helper_class = ApplicationButtonHelper
    url_helper_class = ApplicationURLHelper
    index_template_name = "reviews/index.html"
    inspect_template_name = "reviews/inspect.html"
    list_display = (
        "select",
        "reference",
        "applicant_name",
        "programme_title",
        "submitted_at",
        "status",
        "eligibility",
    )
    list_display_add_buttons = "reference"
    list_filter = (
        ProgrammeFilter,
        FormPageFilter,
        ("status", StatusFilter),
        ("eligibility", KnownChoicesFilter),
        SubmittedDateRangeFilter,
    )
    search_fields = ("reference", "applicant_name", "applicant_email")
    ordering = ("-submit_time",)
    list_per_page = 50
    allowed_filter_params = (
        "programme",
        "form",
        "status__exact",
        "eligibility__exact",
        "submitted_from",
        "submitted_to",
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.permission_helper.purpose = self.purpose

    def register_with_wagtail(self):
        super().register_with_wagtail()
        listings.register(self)

    def get_permission_helper_class(self):
        """Each listing has its own helper instance, scoped to its purpose."""
        return type("PermissionHelper", (ApplicationPermissionHelper,), {})

    def get_queryset(self, request):
        """Only the user's programmes and this listing's purpose; only the listed columns."""
        return (
            applications_for_user(request.user, Action.VIEW, self.purpose)
            .only("id", "reference", "applicant_name", "submit_time", "status", "eligibility", "programme_id")
            .order_by(*self.ordering)
        )

    def select(self, obj):
        return format_html(
            '<input type="checkbox" name="ids" value="{}" form="bulk-form" aria-label="Select {}">',
            obj.pk,
            obj.reference,
        )

    select.short_description = "Select"

    def programme_title(self, obj):
        return obj.programme_title or "—"

    programme_title.short_description = "Programme"
    programme_title.admin_order_field = "programme__title"

    def submitted_at(self, obj):
        return timezone.localtime(obj.submit_time).strftime("%d/%m/%Y %H:%M")

    submitted_at.short_description = "Submitted at (UK time)"
    submitted_at.admin_order_field = "submit_time"


class ApplicationAdmin(BaseApplicationAdmin):
    """Applications from returners, per programme."""

    purpose = FormPurpose.APPLICATION
    menu_label = "Applications"
    menu_order = 250
    base_url_path = "applications"


class SignupAdmin(BaseApplicationAdmin):
    """What the council and employer sign-up listings share: no eligibility column or filter."""

    menu_icon = "group"
    # Sign-ups have no eligibility rules: no eligibility column or filter.
    list_display = tuple(name for name in BaseApplicationAdmin.list_display if name != "eligibility")
    list_filter = tuple(
        spec
        for spec in BaseApplicationAdmin.list_filter
        if not (isinstance(spec, tuple) and spec[0] == "eligibility")
    )
    allowed_filter_params = tuple(
        name for name in BaseApplicationAdmin.allowed_filter_params if name != "eligibility__exact"
    )


class CouncilSignupAdmin(SignupAdmin):
    """Councils' expressions of interest, per programme."""

    purpose = FormPurpose.COUNCIL_SIGNUP
    menu_label = "Council sign-ups"
    menu_order = 251
    base_url_path = "council-sign-ups"


class EmployerSignupAdmin(SignupAdmin):
    """Employers' sign-ups to recruit from the talent pool, per programme."""

    purpose = FormPurpose.EMPLOYER_SIGNUP
    menu_label = "Employer sign-ups"
    menu_order = 252
    base_url_path = "employer-sign-ups"


class ProgrammeAccessPanel(forms.Form):
    """The "Programme access" panel on a group's page: which programmes' applications it sees."""

    programmes = forms.ModelMultipleChoiceField(
        queryset=CampaignPage.objects.order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Programmes",
        help_text=(
            "Members see, search, export and download the applications and sign-ups of "
            "these programmes only, as far as the group's application permissions allow. "
            "(Recruiter sign-ups, where staff approve recruiting organisations, lists every "
            "programme's sign-ups to those with “Can add recruiting organisation”.)"
        ),
    )

    def __init__(self, data=None, files=None, instance=None, prefix="programme_access"):
        self.instance = instance
        initial = {}
        if instance is not None and instance.pk:
            initial["programmes"] = list(instance.programme_access.values_list("programme_id", flat=True))
        super().__init__(data=data, files=files, prefix=prefix, initial=initial)

    def save(self):
        chosen = {page.pk for page in self.cleaned_data["programmes"]}
        existing = set(self.instance.programme_access.values_list("programme_id", flat=True))
        self.instance.programme_access.filter(programme_id__in=existing - chosen).delete()
        ProgrammeAccess.objects.bulk_create(
            [ProgrammeAccess(group=self.instance, programme_id=pk) for pk in chosen - existing]
        )

    def as_admin_panel(self):
        return render_to_string("reviews/programme_access_panel.html", {"form": self})

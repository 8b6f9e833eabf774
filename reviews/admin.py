"""The "Applications" and "Council sign-ups" admin (wagtail-modeladmin): listing, filters, search."""

from datetime import datetime, time, timedelta

from django import forms
from django.contrib.admin import SimpleListFilter
from django.contrib.admin.filters import ListFilter
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.functional import cached_property
from django.utils.html import format_html
from wagtail_modeladmin.helpers import ButtonHelper
from wagtail_modeladmin.options import ModelAdmin

from campaigns.models import CampaignPage
from forms.models import Application, ApplicationFormPage, FormPurpose
from reviews.models import ProgrammeAccess
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

    def lookups(self, request, model_admin):
        programmes = programmes_for_user(request.user, Action.VIEW).order_by("title")
        return [(str(pk), title) for pk, title in programmes.values_list("pk", "title")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(programme_id=int(self.value()))
        return queryset


class FormPageFilter(SimpleListFilter):
    """Filters by form page: the form page's own "submissions" link lands here."""

    title = "form"
    parameter_name = "form"

    def lookups(self, request, model_admin):
        pages = ApplicationFormPage.objects.filter(purpose=model_admin.purpose).order_by("path")
        pages = filter_form_pages_for_user(request.user, pages)
        return [
            (str(page.pk), page.get_admin_display_title())
            for page in pages.only("id", "title", "draft_title")
        ]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(page_id=int(self.value()))
        return queryset


class SubmittedDateRangeFilter(ListFilter):
    """Submitted between two UK dates (inclusive): ``submitted_from`` and ``submitted_to``."""

    title = "submitted date"
    parameters = ("submitted_from", "submitted_to")

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        self.values = {}
        for name in self.parameters:
            raw = params.pop(name, None)
            raw = raw[-1] if isinstance(raw, list) else raw
            self.values[name] = parse_date(raw) if raw else None
        self.request = request

    def has_output(self):
        return True

    def expected_parameters(self):
        return list(self.parameters)

    def queryset(self, request, queryset):
        tz = timezone.get_current_timezone()
        if start := self.values["submitted_from"]:
            queryset = queryset.filter(
                submit_time__gte=timezone.make_aware(datetime.combine(start, time.min), tz)
            )
        if end := self.values["submitted_to"]:
            next_day = datetime.combine(end + timedelta(days=1), time.min)
            queryset = queryset.filter(submit_time__lt=timezone.make_aware(next_day, tz))
        return queryset

    def choices(self, changelist):
        """The listing's own form shows the two dates (see ``describe_filter``)."""
        return []


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
        "status",
        "eligibility",
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


class CouncilSignupAdmin(BaseApplicationAdmin):
    """Councils' expressions of interest, per programme."""

    purpose = FormPurpose.COUNCIL_SIGNUP
    menu_label = "Council sign-ups"
    menu_icon = "group"
    menu_order = 251
    base_url_path = "council-sign-ups"


class ProgrammeAccessPanel(forms.Form):
    """The "Programme access" panel on a group's page: which programmes' applications it sees."""

    programmes = forms.ModelMultipleChoiceField(
        queryset=CampaignPage.objects.order_by("title"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Programmes",
        help_text=(
            "Members see, search, export and download the applications and council sign-ups of "
            "these programmes only, as far as the group's application permissions allow."
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

"""Admin views for applications: listing, inspect and delete (modeladmin), and the actions
reviewers take (status change, note, bulk status, CV download, export), each permission-checked
against the user's programmes and each written to Wagtail's audit log."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.core.paginator import InvalidPage
from django.db import transaction
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail_modeladmin.views import DeleteView, HistoryView, IndexView, InspectView, WMABaseView

from forms.files import file_response
from forms.models import (
    Application,
    ApplicationFile,
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationStatus,
    FormPurpose,
)
from forms.models.pages import FieldSection
from forms.storage import private_storage
from reviews import exports
from reviews.models import ApplicationNote
from reviews.permissions import applications_for_user, can_view_equality, has_action_permission
from reviews.pipeline import InvalidTransition, allowed_transitions, change_status
from reviews.status_emails import render_status_email, send_status_email

URL_BASES = {FormPurpose.APPLICATION: "applications", FormPurpose.COUNCIL_SIGNUP: "council-sign-ups"}


def admin_url(purpose, action, *args):
    """The URL of a modeladmin view of the listing for ``purpose``."""
    base = URL_BASES.get(purpose, "applications")
    return reverse(f"{base}_modeladmin_{action}", args=args)


def purpose_of(application):
    """The purpose (application or council sign-up) of the form the application came from."""
    page = ApplicationFormPage.objects.filter(pk=application.page_id).only("purpose").first()
    return page.purpose if page else FormPurpose.APPLICATION


def scoped_application(user, pk, action):
    """The application ``pk`` if the user may ``action`` it; 404 if it is not theirs to see."""
    if not applications_for_user(user, "view").filter(pk=pk).exists():
        raise Http404
    if not applications_for_user(user, action).filter(pk=pk).exists():
        raise PermissionDenied
    return Application.objects.select_related("programme").get(pk=pk)


class ApplicationIndexView(IndexView):
    """The listing: scoped, only known filter parameters, one count, streamed exports."""

    def get_filters_params(self, params=None):
        """Drops unknown (no lookups by URL) and empty ("All") filter parameters."""
        lookup_params = super().get_filters_params(params)
        allowed = self.model_admin.allowed_filter_params
        return {
            key: value
            for key, value in lookup_params.items()
            if key in allowed and any(item != "" for item in value)
        }

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Streams the filtered listing as CSV or XLSX, if the user may export; logs it."""
        user = self.request.user
        if not has_action_permission(user, "export"):
            raise PermissionDenied
        export = exports.ApplicationExport(queryset, with_equality=can_view_equality(user))
        log_export(user, queryset, spreadsheet_format, self.request.GET.urlencode())
        filename = f"{URL_BASES[self.model_admin.purpose]}-{timezone.localdate():%Y-%m-%d}"
        if spreadsheet_format == "xlsx":
            return exports.xlsx_response(export, filename)
        return exports.csv_response(export, filename)

    def get_context_data(self, **kwargs):
        """Counts once (modeladmin counts three times) and hands the template plain rows and filters."""
        paginator = self.paginator_class(self.queryset, self.items_per_page)
        try:
            page_obj = paginator.page(self.page_num)
        except InvalidPage:
            page_obj = paginator.page(1)
        user = self.request.user
        context = {
            "all_count": paginator.count or int(self.get_base_queryset().exists()),
            "result_count": paginator.count,
            "paginator": paginator,
            "page_obj": page_obj,
            "object_list": with_programme_titles(page_obj.object_list),
            "filters": [describe_filter(spec) for spec in self.filter_specs],
            "headers": self.sort_headers(),
            "kept_params": [
                (k, v) for k, values in self.params.lists() if k not in ("q", "p") for v in values
            ],
            "inspect_url_name": self.url_helper.get_action_url_name("inspect"),
            "can_export": has_action_permission(user, "export"),
            "can_change": has_action_permission(user, "change"),
            "statuses": ApplicationStatus.choices,
            "export_query": self.request.GET.urlencode(),
        }
        context.update(kwargs)
        return WMABaseView.get_context_data(self, **context)

    def sort_headers(self):
        """(label, link, aria-sort) per column; the link sorts by it (reversing the current sort)."""
        current = self.params.get(self.ORDER_VAR, "")
        headers = []
        for index, name in enumerate(self.list_display):
            label = COLUMN_LABELS.get(name, name)
            if index == 0:
                headers.append((label, None, None))
                continue
            ascending, descending = str(index), f"-{index}"
            state = {ascending: "ascending", descending: "descending"}.get(current)
            link = self.get_query_string(
                {self.ORDER_VAR: descending if current == ascending else ascending}, ["p"]
            )
            headers.append((label, link, state))
        return headers


def with_programme_titles(applications):
    """Sets ``programme_title`` on each listed application with one query (no join in the count)."""
    from campaigns.models import CampaignPage

    applications = list(applications)
    ids = {application.programme_id for application in applications}
    titles = dict(CampaignPage.objects.filter(pk__in=ids).values_list("pk", "title"))
    for application in applications:
        application.programme_title = titles.get(application.programme_id)
    return applications


COLUMN_LABELS = {
    "select": "Select",
    "reference": "Reference",
    "applicant_name": "Applicant name",
    "programme_title": "Programme",
    "submitted_at": "Submitted at (UK time)",
    "status": "Status",
    "eligibility": "Eligibility",
}


def describe_filter(spec):
    """A filter as the listing's form shows it: field name, label, options, selected value."""
    if hasattr(spec, "parameters"):  # the submitted date range
        return {"kind": "dates", "values": spec.values}
    if hasattr(spec, "lookup_choices"):  # programme, form
        name, options = spec.parameter_name, [(str(value), label) for value, label in spec.lookup_choices]
        selected = spec.value() or ""
    else:  # a choices field: status, eligibility
        name, options = spec.lookup_kwarg, [(str(value), label) for value, label in spec.field.flatchoices]
        selected = spec.lookup_val[-1] if spec.lookup_val else ""
    return {"kind": "select", "name": name, "label": spec.title, "options": options, "selected": selected}


class ScopedInstanceMixin:
    """Answers 404 for an application outside the user's programmes or this listing's purpose."""

    scope_action = "view"

    def dispatch(self, request, *args, **kwargs):
        scoped = applications_for_user(request.user, "view", self.model_admin.purpose)
        if not scoped.filter(pk=self.instance.pk).exists():
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class ApplicationInspectView(ScopedInstanceMixin, InspectView):
    """Every answer under its question label, the files, the pipeline and its history."""

    def get(self, request, *args, **kwargs):
        log(instance=self.instance, action="application_forms.view", user=request.user)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        application = self.instance
        user = self.request.user
        context = {
            "answers": answers_with_labels(application),
            "files": list(application.files.order_by("pk")),
            "allowed_statuses": [
                (value, ApplicationStatus(value).label) for value in allowed_transitions(application.status)
            ],
            "can_change": applications_for_user(user, "change").filter(pk=application.pk).exists(),
            "status_changes": application.status_changes.select_related("user"),
            "notes": application.notes.select_related("user"),
            "equality": equality_answers(application) if can_view_equality(user) else None,
            "form_page": ApplicationFormPage.objects.filter(pk=application.page_id).first(),
        }
        context.update(kwargs)
        return super().get_context_data(**context)


class ApplicationDeleteView(ScopedInstanceMixin, DeleteView):
    """Deletes one application (logged as wagtail.delete) and then its stored files."""

    def delete_instance(self):
        names = list(self.instance.files.values_list("file", flat=True))
        self.instance.delete()
        storage = private_storage()
        transaction.on_commit(lambda: [storage.delete(name) for name in names if name])


class ApplicationHistoryView(ScopedInstanceMixin, HistoryView):
    """The application's audit log, for users who may see the application."""


def answers_with_labels(application):
    """(label, answer) for each question of the form, then any answer whose question has gone."""
    data = dict(application.form_data or {})
    fields = (
        ApplicationFormField.objects.filter(page_id=application.page_id)
        .exclude(section=FieldSection.EQUALITY)  # shown apart, and only with the permission
        .order_by("sort_order", "pk")
    )
    answers = []
    for clean_name, label in fields.values_list("clean_name", "label"):
        answers.append((label, display_answer(data.pop(clean_name, None))))
    answers += [(key, display_answer(value)) for key, value in data.items()]
    return answers


def display_answer(value):
    if value is None or value == "":
        return "—"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "Yes" if value else "No"
    return str(value)


def equality_answers(application):
    monitoring = getattr(application, "equality_monitoring", None)
    try:
        answers = monitoring.answers if monitoring else {}
    except Application.equality_monitoring.RelatedObjectDoesNotExist:
        answers = {}
    return [(key, display_answer(value)) for key, value in (answers or {}).items()]


def log_export(user, queryset, spreadsheet_format, query):
    """One audit entry per programme in the export, on the programme's page."""
    from campaigns.models import CampaignPage

    count = queryset.count()
    programme_ids = queryset.order_by().values_list("programme_id", flat=True).distinct()
    for programme in CampaignPage.objects.filter(pk__in=programme_ids):
        log(
            instance=programme,
            action="application_forms.export",
            user=user,
            data={"format": spreadsheet_format, "rows": count, "query": query},
        )


@require_POST
def status_change_view(request, pk):
    """Moves an application on (only along allowed transitions), with a note and optional email.

    With "email the applicant" ticked, the first POST shows the email for review; the second
    (``confirm``) makes the change and queues the email.
    """
    application = scoped_application(request.user, pk, "change")
    to_status = request.POST.get("to_status", "")
    note = request.POST.get("note", "").strip()
    expected = request.POST.get("expected_status") or None
    inspect_url = admin_url(purpose_of(application), "inspect", quote(application.pk))
    send_email = bool(request.POST.get("send_email")) and bool(application.applicant_email)
    if to_status not in allowed_transitions(application.status):
        messages.error(request, refused_message(application, to_status))
        return redirect(inspect_url)
    email = render_status_email(application, to_status) if send_email else None
    if send_email and not request.POST.get("confirm"):
        return TemplateResponse(
            request,
            "reviews/status_email_preview.html",
            {
                "application": application,
                "to_status": to_status,
                "to_label": ApplicationStatus(to_status).label,
                "note": note,
                "expected_status": expected or application.status,
                "subject": email[0],
                "body": email[1],
                "inspect_url": inspect_url,
            },
        )
    try:
        application, change = change_status(application.pk, to_status, request.user, note, expected, email)
    except InvalidTransition as refusal:
        messages.error(request, str(refusal))
        return redirect(inspect_url)
    log_status_change(request.user, application, change)
    if email:
        transaction.on_commit(lambda: send_status_email.enqueue(change.pk))
    messages.success(request, status_message(application, change))
    return redirect(inspect_url)


def refused_message(application, to_status):
    label = dict(ApplicationStatus.choices).get(to_status, "an unknown status")
    return f"{application.reference} cannot move from {application.get_status_display()} to {label}."


def status_message(application, change):
    suffix = " The applicant will be emailed." if change.email_subject else ""
    return f"{application.reference} is now {application.get_status_display()}.{suffix}"


def log_status_change(user, application, change):
    log(
        instance=application,
        action="application_forms.change_status",
        user=user,
        data={
            "from": change.from_status,
            "to": change.to_status,
            "note": bool(change.note),
            "email": bool(change.email_subject),
        },
    )


@require_POST
def add_note_view(request, pk):
    """Adds a reviewer's note to an application."""
    application = scoped_application(request.user, pk, "change")
    text = request.POST.get("text", "").strip()
    inspect_url = admin_url(purpose_of(application), "inspect", quote(application.pk))
    if not text:
        messages.error(request, "Write a note before saving it.")
        return redirect(inspect_url)
    note = ApplicationNote.objects.create(application=application, text=text, user=request.user)
    log(instance=application, action="application_forms.add_note", user=request.user, data={"note": note.pk})
    messages.success(request, f"Note added to {application.reference}.")
    return redirect(inspect_url)


@require_POST
def bulk_status_view(request):
    """Moves the selected applications to one status; refuses the lot if any id is not the user's."""
    ids = [value for value in request.POST.getlist("ids") if value.isdigit()]
    to_status = request.POST.get("to_status", "")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = admin_url(FormPurpose.APPLICATION, "index")
    if not ids or len(ids) != len(request.POST.getlist("ids")):
        messages.error(request, "Select one or more applications first.")
        return HttpResponseRedirect(back)
    permitted = applications_for_user(request.user, "change").filter(pk__in=ids)
    if permitted.count() != len(set(ids)):
        raise PermissionDenied
    changed, refused = [], []
    for application in permitted.order_by("reference"):
        try:
            application, change = change_status(application.pk, to_status, request.user)
        except InvalidTransition:
            refused.append(application.reference)
            continue
        log_status_change(request.user, application, change)
        changed.append(application.reference)
    report_bulk(request, changed, refused, to_status)
    return HttpResponseRedirect(back)


def report_bulk(request, changed, refused, to_status):
    label = dict(ApplicationStatus.choices).get(to_status, "that status")
    if changed:
        messages.success(request, f"{len(changed)} moved to {label}: {', '.join(changed)}.")
    if refused:
        messages.warning(request, f"Not moved (not allowed from their status): {', '.join(refused)}.")


def download_file_view(request, pk):
    """Sends an applicant's file as an attachment: a signed URL (S3, 5 minutes) or streamed."""
    application_file = get_object_or_404(ApplicationFile.objects.select_related("application"), pk=pk)
    if application_file.application_id is None:
        raise Http404
    application = scoped_application(request.user, application_file.application_id, "view")
    log(
        instance=application,
        action="application_forms.download_file",
        user=request.user,
        data={"file": application_file.pk},
    )
    return file_response(application_file, application.reference)


def submissions_view(request, page_id):
    """The form page's own "submissions" link: our listing, filtered to that form."""
    page = get_object_or_404(ApplicationFormPage, pk=page_id)
    if not applications_for_user(request.user, "view").exists() and not request.user.is_superuser:
        raise PermissionDenied
    return redirect(f"{admin_url(page.purpose, 'index')}?form={page.pk}")


def delete_submissions_view(request, page_id):
    """Wagtail's bulk delete of a form's submissions, scoped to that form and the user's programmes.

    Ids of another form's (or programme's) submissions are ignored, never deleted; each
    deletion is logged as ``wagtail.delete``.
    """
    page = get_object_or_404(ApplicationFormPage, pk=page_id)
    ids = [value for value in request.GET.getlist("selected-submissions") if value.isdigit()]
    submissions = applications_for_user(request.user, "delete").filter(page=page, pk__in=ids)
    listing = f"{admin_url(page.purpose, 'index')}?form={page.pk}"
    if request.method != "POST":
        return TemplateResponse(
            request,
            "reviews/confirm_delete_submissions.html",
            {"page": page, "submissions": submissions, "listing": listing},
        )
    count = 0
    with transaction.atomic():
        for application in submissions.select_for_update():
            log(instance=application, action="wagtail.delete", user=request.user)
            application.delete()
            count += 1
    messages.success(request, f"{count} submission(s) deleted.")
    return redirect(listing)

"""Admin views for applications: listing, inspect and delete (modeladmin), and the actions
reviewers take (status change, note, bulk status, CV download, export), each permission-checked
against the user's programmes and each written to Wagtail's audit log."""

from functools import cache
from typing import NamedTuple

from django.contrib.admin.utils import quote
from django.core.exceptions import EmptyResultSet, PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import capfirst
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.contrib.forms.views import SubmissionsListView
from wagtail.log_actions import log
from wagtail_modeladmin.views import DeleteView, HistoryView, IndexView, InspectView

from forms.choices import PAGE_BREAK, SUBMISSION_NOUNS
from forms.fields import CONSENT_FIELD
from forms.files import file_response
from forms.forms_data import display_answer
from forms.models import (
    Application,
    ApplicationFile,
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationStatus,
    FormPurpose,
    statuses_for,
)
from forms.models.pages import FieldSection
from forms.retention import delete_applications
from reviews import exports
from reviews.listings import listing_for, listing_url
from reviews.models import ApplicationNote
from reviews.params import parse_id, parse_ids, without_nul
from reviews.permissions import Action, applications_for_user, holds_anywhere, programmes_for_user, scoped
from reviews.pipeline import InvalidTransition, allowed_transitions, change_status, purpose_of
from reviews.status_emails import render_status_email, send_status_email


def scoped_application(user, pk, action):
    """The application ``pk`` if the user may ``action`` it; 404 if it is not theirs to see."""
    if not applications_for_user(user, Action.VIEW).filter(pk=pk).exists():
        raise Http404
    if not applications_for_user(user, action).filter(pk=pk).exists():
        raise PermissionDenied
    return Application.objects.select_related("programme").get(pk=pk)


# Files go first (see forms.retention): an application one of whose files the storage
# refused is kept, with the files still stored.
NOT_DELETED = (
    "{count} application(s) could not be deleted because the file storage did not delete their "
    "files. They are still here; try again later."
)


class CountOnceQuerySetMixin:
    """Mixed into the listing's querysets for one request: each distinct query is counted once.

    Modeladmin's index view counts the user's whole listing, then the filtered rows, then the
    filtered rows again in its paginator; without a filter or a search the three are one count,
    and on 100,000 rows each count is most of the page's time.
    """

    count_memo = None  # {(SQL, parameters): count}, shared by the request's querysets

    def _clone(self):
        clone = super()._clone()
        clone.count_memo = self.count_memo
        return clone

    def count(self):
        if self.count_memo is None or self._result_cache is not None or self.query.is_sliced:
            return super().count()
        try:
            sql, params = self.order_by().query.sql_with_params()
        except EmptyResultSet:  # a scope with no programme: no query at all
            return super().count()
        key = (sql, repr(params))
        if key not in self.count_memo:
            self.count_memo[key] = super().count()
        return self.count_memo[key]


@cache
def count_once_class(queryset_class):
    return type(f"CountOnce{queryset_class.__name__}", (CountOnceQuerySetMixin, queryset_class), {})


class ApplicationIndexView(IndexView):
    """Modeladmin's listing, scoped by the ModelAdmin's ``get_queryset``, with only known and
    well-formed filter values (any other is ignored, with a message), and streamed exports."""

    def get_filters_params(self, params=None):
        """Drops unknown (no lookups by URL) and empty ("All") filter parameters."""
        lookup_params = super().get_filters_params(params)
        allowed = self.model_admin.allowed_filter_params
        return {
            key: value
            for key, value in lookup_params.items()
            if key in allowed and any(item != "" for item in value)
        }

    @cached_property
    def count_memo(self):
        return {}

    def get_base_queryset(self, request=None):
        """The ModelAdmin's ``get_queryset`` (the user's scope), counted once per distinct query."""
        queryset = super().get_base_queryset(request).all()
        queryset.__class__ = count_once_class(type(queryset))
        queryset.count_memo = self.count_memo
        return queryset

    def get_queryset(self, request=None):
        """Built once a request: modeladmin asks for it in ``dispatch`` and again for the context.

        The search term loses any NUL character (PostgreSQL refuses them in text; the search
        box would show one as "�").
        """
        if getattr(self, "queryset", None) is None:
            self.query = without_nul(self.query)
            self.queryset = super().get_queryset(request)
        return self.queryset

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Streams the filtered listing as CSV or XLSX, if the user may export; logs it."""
        user = self.request.user
        if not holds_anywhere(user, Action.EXPORT):
            raise PermissionDenied
        queryset = scoped(queryset, user, Action.EXPORT)
        export = exports.ApplicationExport(queryset, equality=scoped(queryset, user, Action.VIEW_EQUALITY))
        filters = export_filters(self.request.GET, self.model_admin.allowed_filter_params, self.SEARCH_VAR)
        log_export(user, queryset, spreadsheet_format, filters)
        filename = f"{self.url_helper.base_url_path}-{timezone.localdate():%Y-%m-%d}"
        if spreadsheet_format == "xlsx":
            return exports.xlsx_response(export, filename)
        return exports.csv_response(export, filename)

    def get_context_data(self, **kwargs):
        """Modeladmin's context, with the listed rows' programme titles and what our template adds."""
        context = super().get_context_data(**kwargs)
        user = self.request.user
        context.update(
            {
                "object_list": with_programme_titles(context["page_obj"].object_list),
                "filters": [describe_filter(spec) for spec in self.filter_specs],
                "headers": self.sort_headers(),
                "inspect_url_name": self.url_helper.get_action_url_name("inspect"),
                "export_offer": export_offer(user),
                "can_change": holds_anywhere(user, Action.CHANGE),
                "statuses": [
                    (status.value, status.label) for status in statuses_for(self.model_admin.purpose)
                ],
                "noun": SUBMISSION_NOUNS[self.model_admin.purpose],
                "show_eligibility": "eligibility" in self.model_admin.list_display,
                "export_query": self.request.GET.urlencode(),
            }
        )
        self.report_ignored_filters()
        return context

    def report_ignored_filters(self):
        """Tells the user which filter values were not understood and so were not applied."""
        ignored = [spec.title for spec in self.filter_specs if getattr(spec, "ignored", False)]
        if ignored:
            names = " and ".join([", ".join(ignored[:-1]), ignored[-1]] if len(ignored) > 1 else ignored)
            plural = "s" if len(ignored) > 1 else ""
            messages.warning(
                self.request,
                f"Not applied, as the value was not understood: the {names} filter{plural}. "
                "Choose again from the form.",
            )

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


class ExportOffer(NamedTuple):
    """Whether the listing offers exports, and a note naming the programmes they hold ("" if all)."""

    available: bool
    note: str = ""


def export_offer(user):
    """The listing's ExportOffer for ``user``.

    An export holds the listed applications of the programmes the user may both view and
    export; the note appears when the user views programmes they may not export.
    """
    exportable = Exists(programmes_for_user(user, Action.EXPORT).filter(pk=OuterRef("pk")))
    viewable = programmes_for_user(user, Action.VIEW).annotate(exportable=exportable).order_by("title")
    programmes = list(viewable.values_list("title", "exportable"))  # one query
    titles = [title for title, may_export in programmes if may_export]
    if not titles:
        return ExportOffer(False)
    if len(titles) < len(programmes):
        return ExportOffer(True, f"Exports hold only the applications of {', '.join(titles)}.")
    return ExportOffer(True)


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
    if hasattr(spec, "filterset"):  # the submitted date range (django-filter)
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

    def dispatch(self, request, *args, **kwargs):
        viewable = applications_for_user(request.user, Action.VIEW, self.model_admin.purpose)
        if not viewable.filter(pk=self.instance.pk).exists():
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
                (value, ApplicationStatus(value).label)
                for value in allowed_transitions(application.status, self.model_admin.purpose)
            ],
            "can_change": applications_for_user(user, Action.CHANGE).filter(pk=application.pk).exists(),
            "status_changes": application.status_changes.select_related("user"),
            "notes": application.notes.select_related("user"),
            "equality": (
                equality_answers(application)
                if applications_for_user(user, Action.VIEW_EQUALITY).filter(pk=application.pk).exists()
                else None
            ),
            "form_page": ApplicationFormPage.objects.filter(pk=application.page_id).first(),
        }
        context.update(kwargs)
        return super().get_context_data(**context)


class ApplicationDeleteView(ScopedInstanceMixin, DeleteView):
    """Deletes one application with its stored files (files first), logged as wagtail.delete.

    ``post`` is overridden because modeladmin's reports success whatever ``delete_instance``
    did: an application whose file the storage would not delete is kept, and the user told.
    """

    def post(self, request, *args, **kwargs):
        with transaction.atomic():
            deleted = delete_applications(Application.objects.filter(pk=self.instance.pk))
            if deleted.count:
                log(instance=self.instance, action="wagtail.delete", user=request.user)
        if not deleted.count:
            messages.error(request, NOT_DELETED.format(count=1))
            return redirect(self.url_helper.get_action_url("inspect", self.instance.pk))
        messages.success(request, f"Application '{self.instance}' deleted.")
        return redirect(self.index_url)


class ApplicationHistoryView(ScopedInstanceMixin, HistoryView):
    """The application's audit log, for users who may see the application."""


def answers_with_labels(application):
    """(label, answer) for each question of the form, then the consent and any answer whose
    question has gone, each under words a reviewer reads (never a field name)."""
    data = dict(application.form_data or {})
    fields = (
        ApplicationFormField.objects.filter(page_id=application.page_id)
        .exclude(section=FieldSection.EQUALITY)  # shown apart, and only with the permission
        .exclude(field_type=PAGE_BREAK)
        .order_by("sort_order", "pk")
    )
    answers = []
    for clean_name, label, field_type in fields.values_list("clean_name", "label", "field_type"):
        answers.append((label, display_answer(data.pop(clean_name, None), field_type)))
    consent = ApplicationFormPage.objects.filter(pk=application.page_id).values_list(
        "consent_label", flat=True
    )
    answers += [(leftover_label(key, consent.first()), display_answer(value)) for key, value in data.items()]
    return answers


def leftover_label(key, consent_label):
    """Words for an answer with no question on the form now: the consent, or a removed question."""
    if key == CONSENT_FIELD:
        return consent_label or "Agreed to the privacy notice"
    return f"{capfirst(key.replace('_', ' '))} (question since removed)"


def equality_answers(application):
    """(question label, answer) of the application's equality monitoring answers."""
    monitoring = getattr(application, "equality_monitoring", None)
    try:
        answers = monitoring.answers if monitoring else {}
    except Application.equality_monitoring.RelatedObjectDoesNotExist:
        answers = {}
    questions = exports.questions_of([application.page_id], FieldSection.EQUALITY)
    shown = []
    for key, value in (answers or {}).items():
        label, field_type = questions.get(key, (leftover_label(key, ""), ""))
        shown.append((label, display_answer(value, field_type)))
    return shown


SEARCH_TERM = "a search term"


def export_filters(params, allowed, search_var):
    """The filters an export used, for the audit log, without personal data.

    Only the listing's own filters (programme, form, status, eligibility, dates) keep their
    values; a search is recorded as "a search term", never its text (often a name or email).
    """
    filters = {
        key: without_nul(", ".join(params.getlist(key))) for key in allowed if any(params.getlist(key))
    }
    if params.get(search_var, "").strip():
        filters["search"] = SEARCH_TERM
    return filters


def log_export(user, queryset, spreadsheet_format, filters):
    """One audit entry per programme in the export, on the programme's page."""
    from campaigns.models import CampaignPage

    count = queryset.count()
    programme_ids = queryset.order_by().values_list("programme_id", flat=True).distinct()
    for programme in CampaignPage.objects.filter(pk__in=programme_ids):
        log(
            instance=programme,
            action="application_forms.export",
            user=user,
            data={"format": spreadsheet_format, "rows": count, "filters": filters},
        )


@require_POST
def status_change_view(request, pk):
    """Moves an application on (only along allowed transitions), with a note and optional email.

    With "email the applicant" ticked, the first POST shows the email for review; the second
    (``confirm``) makes the change and queues the email.
    """
    application = scoped_application(request.user, pk, Action.CHANGE)
    to_status = request.POST.get("to_status", "")
    note = request.POST.get("note", "").strip()
    expected = request.POST.get("expected_status") or None
    purpose = purpose_of(application)
    inspect_url = listing_url(purpose, "inspect", quote(application.pk))
    send_email = bool(request.POST.get("send_email")) and bool(application.applicant_email)
    if to_status not in allowed_transitions(application.status, purpose):
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
    application = scoped_application(request.user, pk, Action.CHANGE)
    text = request.POST.get("text", "").strip()
    inspect_url = listing_url(purpose_of(application), "inspect", quote(application.pk))
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
    ids = parse_ids(request.POST.getlist("ids"))
    to_status = request.POST.get("to_status", "")
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = listing_url(FormPurpose.APPLICATION)
    if not ids:
        messages.error(request, "Select one or more applications first.")
        return HttpResponseRedirect(back)
    permitted = applications_for_user(request.user, Action.CHANGE).filter(pk__in=ids)
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
    application = scoped_application(request.user, application_file.application_id, Action.VIEW)
    log(
        instance=application,
        action="application_forms.download_file",
        user=request.user,
        data={"file": application_file.pk},
    )
    return file_response(application_file, application.reference)


class FormSubmissionsView(SubmissionsListView):
    """A form page's "submissions" link (Wagtail's Forms menu, the page's submissions panel, the
    team's notification email): the listing of the form's purpose, filtered to that form.

    The form page serves it through ``serve_submissions_list_view``; the back office hands it
    over with the ``application_form_submissions_list_view`` hook (see ``wagtail_hooks``).
    """

    def dispatch(self, request, *args, **kwargs):
        form_page = kwargs["form_page"]
        listing = listing_for(form_page.purpose)
        if not listing.permission_helper.user_can_list(request.user):
            raise PermissionDenied
        return redirect(f"{listing.url_helper.index_url}?form={form_page.pk}")


def delete_submissions_view(request, page_id):
    """Wagtail's "delete submissions" URL for our form pages, scoped to that form, to the user's
    programmes and to ``delete_application``.

    Ids of another form's (or programme's) submissions, or malformed ids, are ignored, never
    deleted; each deletion is logged as ``wagtail.delete``. Wagtail 8 gives a form page a say in
    its submissions listing (``serve_submissions_list_view``) but not in this URL, whose own view
    needs only page-editing rights (no application permission) and deletes in bulk without an
    audit entry: so this view is mounted on that path (see ``wagtail_hooks.register_admin_urls``).
    """
    page = get_object_or_404(ApplicationFormPage, pk=parse_id(str(page_id)))
    ids = [pk for pk in map(parse_id, request.GET.getlist("selected-submissions")) if pk]
    submissions = applications_for_user(request.user, Action.DELETE).filter(page=page, pk__in=ids)
    listing = f"{listing_url(page.purpose)}?form={page.pk}"
    if request.method != "POST":
        return TemplateResponse(
            request,
            "reviews/confirm_delete_submissions.html",
            {"page": page, "submissions": submissions, "listing": listing},
        )
    with transaction.atomic():
        locked = list(submissions.select_for_update())
        deleted = delete_applications(Application.objects.filter(pk__in=[item.pk for item in locked]))
        kept = set(
            Application.objects.filter(pk__in=[item.pk for item in locked]).values_list("pk", flat=True)
        )
        for application in locked:
            if application.pk not in kept:
                log(instance=application, action="wagtail.delete", user=request.user)
    if deleted.count:
        messages.success(request, f"{deleted.count} submission(s) deleted.")
    if deleted.kept:
        messages.error(request, NOT_DELETED.format(count=deleted.kept))
    return redirect(listing)

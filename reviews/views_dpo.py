"""Admin views of the data-protection tools: subject access, erasure and the equality report.

Subject access and erasure need "Can handle data protection requests"; the equality report
needs "Can view equality monitoring answers" and the programme among the user's programmes.
Anyone else gets a 403 page naming the permission (not Wagtail's redirect to the dashboard).
"""

from functools import wraps

from django import forms as django_forms
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import Site

from campaigns.models import CampaignPage
from reviews import equality_report, erasure, subject_access
from reviews.permissions import Action, holds_anywhere, programmes_for_user

DPO_PERMISSION = "reviews.handle_data_protection"


class AddressForm(django_forms.Form):
    email = django_forms.EmailField(
        label="Email address",
        max_length=254,
        error_messages={
            "required": "Enter an email address",
            "invalid": "Enter an email address like name@example.org",
        },
    )


class EraseForm(AddressForm):
    confirm_active = django_forms.BooleanField(
        required=False, label="Erase even though an application is still in recruitment"
    )


def refuse(request, permission):
    return TemplateResponse(request, "reviews/permission_denied.html", {"permission": permission}, status=403)


def officer_only(view):
    """Answers 403 unless the user may handle data protection requests."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_active and request.user.has_perm(DPO_PERMISSION)):
            return refuse(request, "Can handle data protection requests")
        return view(request, *args, **kwargs)

    return wrapped


def equality_only(view):
    """Answers 403 unless the user may see equality answers (and the programme, if one is named)."""

    @wraps(view)
    def wrapped(request, *args, programme_id=None, **kwargs):
        allowed = programmes_for_user(request.user, Action.VIEW_EQUALITY)
        outside = programme_id is not None and not allowed.filter(pk=programme_id).exists()
        if not holds_anywhere(request.user, Action.VIEW_EQUALITY) or outside:
            return refuse(request, "Can view equality monitoring answers, and the programme")
        if programme_id is not None:
            kwargs["programme_id"] = programme_id
        return view(request, *args, **kwargs)

    return wrapped


def render_tools(request, status=200, **context):
    context.setdefault("access_form", AddressForm(prefix="access"))
    context.setdefault("erase_form", EraseForm(prefix="erase"))
    return TemplateResponse(request, "reviews/data_protection.html", context, status=status)


@require_http_methods(["GET"])
@officer_only
def data_protection_view(request):
    """The two forms: export an address's data, or find what erasing it would delete."""
    return render_tools(request)


@require_POST
@officer_only
def subject_access_view(request):
    """Downloads the zip of everything kept for the address, or says there is nothing."""
    form = AddressForm(request.POST, prefix="access")
    if not form.is_valid():
        return render_tools(request, access_form=form, status=400)
    email = form.cleaned_data["email"]
    found = subject_access.find(email)
    subject_access.record(found, request.user)
    if not found:
        return render_tools(request, access_form=form, nothing_found=email)
    archive = subject_access.build_zip(email, found, Site.find_for_request(request))
    name = f"subject-access-{timezone.localdate():%Y-%m-%d}.zip"
    return FileResponse(archive, as_attachment=True, filename=name, content_type="application/zip")


@require_POST
@officer_only
def erasure_view(request):
    """First POST: what would go. With ``erase``: deletes it (confirmation needed for active applications)."""
    form = EraseForm(request.POST, prefix="erase")
    if not form.is_valid():
        return render_tools(request, erase_form=form, status=400)
    email = form.cleaned_data["email"]
    found = erasure.preview(email)
    context = {"form": form, "email": email, "found": found}
    if found.empty or "erase" not in request.POST:
        return TemplateResponse(request, "reviews/erasure_preview.html", context)
    if found.active and not form.cleaned_data["confirm_active"]:
        context["needs_confirmation"] = True
        return TemplateResponse(request, "reviews/erasure_preview.html", context, status=400)
    done = erasure.erase(email, request.user)
    context.update(done=done, erased=erasure.erased(done), left=erasure.preview(email))
    return TemplateResponse(request, "reviews/erasure_done.html", context)


@equality_only
def equality_programmes_view(request):
    """The programmes whose equality report the user may see."""
    programmes = programmes_for_user(request.user, Action.VIEW_EQUALITY).order_by("title")
    return TemplateResponse(request, "reviews/equality_programmes.html", {"programmes": programmes})


@require_http_methods(["GET", "POST"])
@equality_only
def equality_report_view(request, programme_id):
    """The report (HTML, or CSV with ``?format=csv``); POST freezes it."""
    programme = get_object_or_404(CampaignPage, pk=programme_id)
    if request.method == "POST":
        return freeze(request, programme)
    tables, snapshot = equality_report.report(programme)
    log(instance=programme, action="reviews.equality_report", user=request.user)
    if request.GET.get("format") == "csv":
        response = HttpResponse(
            equality_report.as_csv(programme, tables), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="equality-report-{programme.slug}.csv"'
        return response
    context = {
        "programme": programme,
        "tables": tables,
        "stages": equality_report.STAGES,
        "snapshot": snapshot,
        "can_freeze": not snapshot and equality_report.can_freeze(programme, timezone.now()),
        "threshold": equality_report.THRESHOLD,
    }
    return TemplateResponse(request, "reviews/equality_report.html", context)


def freeze(request, programme):
    if not equality_report.can_freeze(programme, timezone.now()):
        messages.error(
            request, "The report can be frozen only once every application form of the programme has closed."
        )
        return redirect("equality_report", programme.pk)
    going = equality_report.freeze(programme, request.user)
    log(
        instance=programme,
        action="reviews.freeze_equality_report",
        user=request.user,
        data={"answers_due": going},
    )
    messages.success(
        request,
        f"Report frozen. {going} equality answer(s) of forms set to go at freezing will be deleted "
        "by the next purge.",
    )
    return redirect("equality_report", programme.pk)

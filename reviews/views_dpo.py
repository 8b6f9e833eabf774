"""Admin views of the data-protection tools: subject access, erasure and the equality report.

Subject access and erasure need "Can handle data protection requests"; the equality report
needs "Can view equality monitoring answers" and the programme among the user's programmes.
Anyone else gets 403.
"""

from django import forms as django_forms
from django.core.exceptions import PermissionDenied
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
from reviews.permissions import can_view_equality, programme_ids_for_user

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


def require_officer(user):
    if not (user.is_active and user.has_perm(DPO_PERMISSION)):
        raise PermissionDenied


def render_tools(request, status=200, **context):
    context.setdefault("access_form", AddressForm(prefix="access"))
    context.setdefault("erase_form", EraseForm(prefix="erase"))
    return TemplateResponse(request, "reviews/data_protection.html", context, status=status)


@require_http_methods(["GET"])
def data_protection_view(request):
    """The two forms: export an address's data, or find what erasing it would delete."""
    require_officer(request.user)
    return render_tools(request)


@require_POST
def subject_access_view(request):
    """Downloads the zip of everything kept for the address, or says there is nothing."""
    require_officer(request.user)
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
def erasure_view(request):
    """First POST: what would go. With ``erase``: deletes it (confirmation needed for active applications)."""
    require_officer(request.user)
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
    context.update(done=done, left=erasure.preview(email))
    return TemplateResponse(request, "reviews/erasure_done.html", context)


def require_equality(user, programme_id=None):
    programmes = programme_ids_for_user(user)
    if not can_view_equality(user) or (
        programme_id and programmes is not None and programme_id not in programmes
    ):
        raise PermissionDenied


def equality_programmes_view(request):
    """The programmes whose equality report the user may see."""
    require_equality(request.user)
    programmes = CampaignPage.objects.order_by("title")
    allowed = programme_ids_for_user(request.user)
    if allowed is not None:
        programmes = programmes.filter(pk__in=allowed)
    return TemplateResponse(request, "reviews/equality_programmes.html", {"programmes": programmes})


@require_http_methods(["GET", "POST"])
def equality_report_view(request, programme_id):
    """The report (HTML, or CSV with ``?format=csv``); POST freezes it."""
    require_equality(request.user, programme_id)
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

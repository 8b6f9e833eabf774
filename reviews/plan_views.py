"""Reviewers' part of an applicant's development plan: feedback on items and extra items.

Scoped by ``reviews.permissions``: reading needs the application's "view", writing its
"change" (both only in the reviewer's programmes; anything else is a 404 or 403). Council
sign-ups have no plan. Each change writes an audit entry on the application.
"""

import django.forms
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods
from wagtail.admin import messages
from wagtail.log_actions import log

from forms import plans
from forms.models import FormPurpose, PlanItem
from forms.models.plans import NOTES_MAX_LENGTH
from reviews.permissions import applications_for_user
from reviews.views import purpose_of, scoped_application


class ExtraItemForm(django.forms.ModelForm):
    link_url = django.forms.URLField(label="Link", required=False, assume_scheme="https")

    class Meta:
        model = PlanItem
        fields = ["title", "guidance", "link_url", "link_text"]


class FeedbackForm(django.forms.Form):
    item = django.forms.IntegerField(widget=django.forms.HiddenInput)
    feedback = django.forms.CharField(
        label="Feedback", required=False, max_length=NOTES_MAX_LENGTH, widget=django.forms.Textarea
    )


def plan_application(user, pk, action):
    """The application ``pk`` if the user may ``action`` it and it has a plan (not a council sign-up)."""
    application = scoped_application(user, pk, action)
    if purpose_of(application) != FormPurpose.APPLICATION:
        raise Http404
    return application


@require_http_methods(["GET", "HEAD", "POST"])
def plan_view(request, pk):
    """GET: the plan with the applicant's progress; POST: feedback on an item or an extra item."""
    application = plan_application(request.user, pk, "change" if request.method == "POST" else "view")
    form_page = plans.form_page_of(application)
    is_open = plans.is_open(application, form_page)
    add_form = ExtraItemForm(prefix="add")
    if request.method == "POST":
        if not is_open:
            raise PermissionDenied
        saved, add_form = save_change(request, application)
        if saved:
            return redirect(reverse("application_plan", args=[application.pk]))
    context = {
        "application": application,
        "items": plans.items(application, form_page),
        "is_open": is_open,
        "ends_at": plans.ends_at(application, form_page),
        "can_change": is_open and applications_for_user(request.user, "change").filter(pk=pk).exists(),
        "add_form": add_form,
    }
    return TemplateResponse(request, "reviews/plan.html", context)


def save_change(request, application):
    """(saved, the extra-item form): saves the feedback or the new item the POST carries."""
    if "item" in request.POST:
        return save_feedback(request, application), ExtraItemForm(prefix="add")
    form = ExtraItemForm(request.POST, prefix="add")
    if not form.is_valid():
        return False, form
    item = plans.add_reviewer_item(application, request.user, **form.cleaned_data)
    log_plan_change(request, application, "application_forms.plan_add_item", item)
    messages.success(request, f"“{item.title}” added to the plan.")
    return True, None


def save_feedback(request, application):
    form = FeedbackForm(request.POST)
    if "item" in form.errors:
        raise Http404
    if not form.is_valid():
        messages.error(request, f"Feedback must be {NOTES_MAX_LENGTH:,} characters or fewer.")
        return False
    item = get_object_or_404(PlanItem, pk=form.cleaned_data["item"], application=application)
    PlanItem.objects.filter(pk=item.pk).update(reviewer_feedback=form.cleaned_data["feedback"].strip())
    log_plan_change(request, application, "application_forms.plan_feedback", item)
    messages.success(request, f"Feedback saved on “{item.title}”.")
    return True


def log_plan_change(request, application, action, item):
    log(instance=application, action=action, user=request.user, data={"item": item.pk})

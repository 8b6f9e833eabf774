"""The applicant's personal development plan (``/your-applications/<reference>/plan/``).

Open until ``forms.plans.ends_at``: each item's status and notes can be saved; after that
the plan is read-only and says when it ended. The page prints without menus and forms.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from forms import applicants, plans
from forms.applicant_forms import PlanItemForm
from forms.models import PlanItem
from forms.views_applicant import SeeOther, render, signed_in


def plan_url(application, item=None):
    url = reverse("applicants:plan", args=[application.reference])
    return f"{url}#item-{item.pk}" if item else url


@never_cache
@signed_in
def plan(request, email, reference):
    """Every item of the plan, each with its form while the plan is open."""
    application = applicants.application_of(email, reference)
    return render_plan(request, application, plans.form_page_of(application))


def render_plan(request, application, form_page, invalid=None):
    """The plan page; ``invalid`` is a bound PlanItemForm with errors, shown in its item's place."""
    is_open = plans.is_open(application, form_page)
    rows = []
    for item in plans.items(application, form_page):
        form = invalid if invalid is not None and invalid.instance.pk == item.pk else None
        if is_open and form is None:
            form = PlanItemForm(instance=item, prefix=f"item-{item.pk}")
        rows.append({"item": item, "form": form})
    context = {
        "application": application,
        "rows": rows,
        "is_open": is_open,
        "ends_at": plans.ends_at(application, form_page),
        "form": invalid,  # for the error summary
    }
    return render(request, "plan", context)


@never_cache
@signed_in
@require_POST
def update_item(request, email, reference, item_id):
    """Saves one item's status and notes; an item of anyone else's plan is a 404."""
    application = applicants.application_of(email, reference)
    item = get_object_or_404(PlanItem, pk=item_id, application=application)
    form_page = plans.form_page_of(application)
    if not plans.is_open(application, form_page):
        messages.error(request, "Your plan has ended, so it can no longer be changed.")
        return SeeOther(plan_url(application))
    form = PlanItemForm(request.POST, instance=item, prefix=f"item-{item.pk}")
    if not form.is_valid():
        return render_plan(request, application, form_page, invalid=form)
    form.save()
    messages.success(request, f"Saved: {item.title}.")
    return SeeOther(plan_url(application, item))

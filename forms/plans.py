"""Each applicant's personal development plan: made from the form's template, open for a while.

A plan is the application's ``PlanItem`` rows. They are copied from the form page's
``PlanTemplateItem`` rows the first time anyone opens the plan, and any template item
editors add later joins open plans the next time they are opened (a unique constraint
makes a concurrent copy harmless). Copies keep their own wording: editing or removing a
template item later leaves the plans that already hold it as they are.
"""

from django.db.models import Max
from django.utils import timezone

from forms.models import ApplicationFormPage, PlanItem, PlanTemplateItem
from forms.months import months_after

COPIED_FIELDS = ("title", "guidance", "link_url", "link_text")


def form_page_of(application):
    return ApplicationFormPage.objects.only("closes_at", "plan_months").get(pk=application.page_id)


def ends_at(application, form_page):
    """When the plan stops taking changes: ``plan_months`` after the closing date (or the application)."""
    return months_after(form_page.closes_at or application.submit_time, form_page.plan_months)


def is_open(application, form_page, now=None):
    return (now or timezone.now()) <= ends_at(application, form_page)


def items(application, form_page, now=None):
    """The plan's items in order, first copying any template items the plan does not hold yet (if open)."""
    if is_open(application, form_page, now):
        copy_template(application)
    return list(PlanItem.objects.filter(application=application).select_related("added_by"))


def copy_template(application):
    """Adds the form's template items missing from the plan; returns how many were added."""
    held = PlanItem.objects.filter(application=application, template_item__isnull=False)
    missing = PlanTemplateItem.objects.filter(page_id=application.page_id).exclude(
        pk__in=held.values("template_item_id")
    )
    new = [
        PlanItem(
            application=application,
            template_item=template,
            sort_order=template.sort_order or 0,
            **{name: getattr(template, name) for name in COPIED_FIELDS},
        )
        for template in missing
    ]
    PlanItem.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


def add_reviewer_item(application, user, title, guidance="", link_url="", link_text=""):
    """A reviewer's extra item, placed after every other item of the plan."""
    last = PlanItem.objects.filter(application=application).aggregate(last=Max("sort_order"))["last"]
    return PlanItem.objects.create(
        application=application,
        added_by=user,
        sort_order=(last or 0) + 1,
        title=title,
        guidance=guidance,
        link_url=link_url,
        link_text=link_text,
    )

"""The admin view and page button that start a programme's next intake (see ``forms.intakes``)."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button

from campaigns.models import CampaignPage
from forms.intakes import intake_source, start_new_intake
from forms.models import ApplicationFormPage

MAX_MONTHS = 60


class NewIntakeForm(forms.Form):
    """What an editor chooses for the next intake: its title and how far its dates move."""

    title = forms.CharField(
        max_length=255, help_text="The new application form's title, e.g. “Apply to the 2028 intake”."
    )
    months = forms.IntegerField(
        label="Move the opening and closing dates by (months)",
        min_value=1,
        max_value=MAX_MONTHS,
        initial=12,
        help_text=f"Whole months, 1 to {MAX_MONTHS}: 12 moves 15 January 2027 to 15 January 2028, "
        "at the same time of day.",
    )


def can_start_intake(user, programme):
    """Whether ``user`` may add an application form below ``programme`` (Wagtail's page permissions)."""
    permissions = programme.permissions_for_user(user)
    return permissions.can_add_subpage() and ApplicationFormPage.can_create_at(programme)


class StartIntakeView(WagtailAdminTemplateMixin, FormView):
    """Copies the programme's current application form as a draft, its dates moved by the editor's choice."""

    form_class = NewIntakeForm
    template_name = "application_forms/start_intake.html"
    page_title = "Start a new intake"
    header_icon = "copy"

    def dispatch(self, request, programme_id):
        self.programme = get_object_or_404(CampaignPage, pk=programme_id)
        if not can_start_intake(request.user, self.programme):
            raise PermissionDenied
        self.source = intake_source(self.programme)
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.programme.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_explore", args=[self.programme.pk]), "label": self.programme.title},
            {"url": "", "label": self.page_title},
        ]

    def get_initial(self):
        if self.source is None:
            return {}
        return {"title": f"{self.source.title} (next intake)", "months": 12}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            programme=self.programme,
            source=self.source,
            action_url=self.request.path,
            submit_button_label="Create the draft intake",
        )
        return context

    def form_valid(self, form):
        if self.source is None:
            form.add_error(None, f"{self.programme.title} has no application form to copy. Add one first.")
            return self.form_invalid(form)
        new_page = start_new_intake(
            self.source, form.cleaned_data["title"], form.cleaned_data["months"], self.request.user
        )
        edit_url = reverse("wagtailadmin_pages:edit", args=[new_page.pk])
        messages.success(
            self.request,
            f"“{new_page.title}” is a draft copy of “{self.source.title}”, its dates moved by "
            f"{form.cleaned_data['months']} months. Check it, then publish it: publishing emails the news "
            "to this programme's alert subscribers, and applications open at its opening time.",
            buttons=[messages.button(edit_url, "Edit")],
        )
        return redirect(edit_url)


def intake_buttons(page, user, *args, **kwargs):
    """The "Start a new intake" button on a programme's header and listing menus, for those allowed."""
    if isinstance(page.specific_deferred, CampaignPage) and can_start_intake(user, page):
        yield Button(
            "Start a new intake",
            reverse("application_forms_start_intake", args=[page.pk]),
            icon_name="copy",
            priority=35,
        )

"""Registers the applications admin, its URLs, permissions, audit actions and dashboard panel."""

from django.urls import path, register_converter, reverse
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from forms.models import Application, ApplicationStatus
from forms.models.pages import SUBMISSIONS_LIST_VIEW_HOOK
from reviews import plan_views, views, views_dpo
from reviews.admin import ApplicationAdmin, CouncilSignupAdmin, EmployerSignupAdmin, ProgrammeAccessPanel
from reviews.dashboard import ApplicationsDashboardPanel
from reviews.dpo_admin import (
    DataProtectionMenuItem,
    EqualityReportMenuItem,
    register_dpo_log_actions,
    urls_dpo,
)
from reviews.models import ApplicationLogEntry
from reviews.params import IdConverter
from reviews.permissions import filter_form_pages_for_user, registered_permissions

modeladmin_register(ApplicationAdmin)
modeladmin_register(CouncilSignupAdmin)
modeladmin_register(EmployerSignupAdmin)
register_converter(IdConverter, "dbid")


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    """Our action views, and the scoped "delete submissions" view on Wagtail's path for it.

    Wagtail offers no per-page hook for that path (only for the submissions listing, see
    ``submissions_list_view``), so ours comes first (order -10) and answers it;
    tests/reviews/test_submissions.py fails if Wagtail's view ever answers instead.
    """
    return [
        path("applications/<dbid:pk>/status/", views.status_change_view, name="application_status"),
        path("applications/<dbid:pk>/note/", views.add_note_view, name="application_note"),
        path("applications/<dbid:pk>/plan/", plan_views.plan_view, name="application_plan"),
        path("applications/bulk-status/", views.bulk_status_view, name="application_bulk_status"),
        path("applications/files/<dbid:pk>/", views.download_file_view, name="application_file"),
        path(
            "forms/submissions/<int:page_id>/delete/",
            views.delete_submissions_view,
            name="application_delete_submissions",
        ),
        *urls_dpo(views_dpo),
    ]


@hooks.register(SUBMISSIONS_LIST_VIEW_HOOK)
def submissions_list_view(form_page):
    """The view an application form page serves for its "submissions" link: our listing."""
    return views.FormSubmissionsView


@hooks.register("register_reports_menu_item")
def register_equality_report_menu_item():
    return EqualityReportMenuItem("Equality reports", reverse("equality_programmes"), icon_name="group")


@hooks.register("register_settings_menu_item")
def register_data_protection_menu_item():
    return DataProtectionMenuItem("Data protection requests", reverse("data_protection"), icon_name="lock")


@hooks.register("register_permissions")
def register_permissions():
    return registered_permissions()


@hooks.register("register_group_permission_panel")
def register_programme_access_panel():
    return ProgrammeAccessPanel


@hooks.register("filter_form_submissions_for_user")
def filter_form_submissions(user, form_pages):
    return filter_form_pages_for_user(user, form_pages)


@hooks.register("construct_homepage_panels")
def add_applications_panel(request, panels):
    panels.append(ApplicationsDashboardPanel(request))


@hooks.register("register_log_actions")
def register_log_actions(actions):
    # Entries about applications keep their programme, so each user sees only their programmes'.
    actions.register_model(Application, ApplicationLogEntry)
    actions.register_action("application_forms.view", "View application", "Viewed the application")
    actions.register_action("application_forms.add_note", "Add note", "Added a note")
    actions.register_action("application_forms.download_file", "Download file", "Downloaded a file")
    register_dpo_log_actions(actions)
    actions.register_action(
        "application_forms.plan_feedback", "Plan feedback", "Gave feedback on a plan item"
    )
    actions.register_action("application_forms.plan_add_item", "Plan item added", "Added an item to the plan")

    @actions.register_action("application_forms.change_status")
    class ChangeStatus(LogFormatter):
        label = "Change status"

        def format_message(self, log_entry):
            labels = dict(ApplicationStatus.choices)
            data = log_entry.data or {}
            before, after = labels.get(data.get("from"), "?"), labels.get(data.get("to"), "?")
            return f"Changed the status from {before} to {after}"

    @actions.register_action("application_forms.export")
    class Export(LogFormatter):
        label = "Export applications"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            return f"Exported {data.get('rows', '?')} applications as {str(data.get('format', '')).upper()}"

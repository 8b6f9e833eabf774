"""Registers the applications admin, its URLs, permissions, audit actions and dashboard panel."""

from django.urls import path
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail_modeladmin.options import modeladmin_register

from forms.models import ApplicationStatus
from reviews import plan_views, views
from reviews.admin import ApplicationAdmin, CouncilSignupAdmin, ProgrammeAccessPanel
from reviews.dashboard import ApplicationsDashboardPanel
from reviews.permissions import filter_form_pages_for_user, registered_permissions

modeladmin_register(ApplicationAdmin)
modeladmin_register(CouncilSignupAdmin)


@hooks.register("register_admin_urls", order=-10)
def register_admin_urls():
    """Our action views; the two "forms/submissions" paths come before Wagtail's own and replace them."""
    return [
        path("applications/<int:pk>/status/", views.status_change_view, name="application_status"),
        path("applications/<int:pk>/note/", views.add_note_view, name="application_note"),
        path("applications/<int:pk>/plan/", plan_views.plan_view, name="application_plan"),
        path("applications/bulk-status/", views.bulk_status_view, name="application_bulk_status"),
        path("applications/files/<int:pk>/", views.download_file_view, name="application_file"),
        path("forms/submissions/<int:page_id>/", views.submissions_view, name="application_submissions"),
        path(
            "forms/submissions/<int:page_id>/delete/",
            views.delete_submissions_view,
            name="application_delete_submissions",
        ),
    ]


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
    actions.register_action("application_forms.view", "View application", "Viewed the application")
    actions.register_action("application_forms.add_note", "Add note", "Added a note")
    actions.register_action("application_forms.download_file", "Download file", "Downloaded a file")
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

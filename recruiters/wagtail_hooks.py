"""Registers the sign-ups to approve (menu item and views) and the approval's audit action."""

from django.urls import path, reverse
from wagtail import hooks

from recruiters import admin_views


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path("recruiter-sign-ups/", admin_views.signups_view, name="recruiters_signups"),
        path(
            "recruiter-sign-ups/<int:signup_id>/approve/", admin_views.approve_view, name="recruiters_approve"
        ),
        path("talent-pool-audit/", admin_views.audit_view, name="recruiters_audit"),
    ]


@hooks.register("register_admin_menu_item")
def register_signups_menu_item():
    return admin_views.PermissionMenuItem(
        "Recruiter sign-ups",
        reverse("recruiters_signups"),
        icon_name="user",
        order=253,
        permission=admin_views.PERMISSION,
    )


@hooks.register("register_reports_menu_item")
def register_audit_menu_item():
    return admin_views.PermissionMenuItem(
        "Talent pool audit",
        reverse("recruiters_audit"),
        icon_name="list-ul",
        permission=admin_views.AUDIT_PERMISSION,
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "recruiters.approve", "Approve sign-up", "Approved a sign-up and invited a recruiter"
    )

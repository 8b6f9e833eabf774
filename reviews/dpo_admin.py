"""What ``wagtail_hooks`` registers for the data-protection tools: URLs, menu items, audit actions."""

from django.urls import path
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from forms import personal_data
from reviews.permissions import Action, holds_anywhere


def urls_dpo(views):
    return [
        path("data-protection/", views.data_protection_view, name="data_protection"),
        path("data-protection/access/", views.subject_access_view, name="data_protection_access"),
        path("data-protection/erase/", views.erasure_view, name="data_protection_erase"),
        path("equality-reports/", views.equality_programmes_view, name="equality_programmes"),
        path("equality-reports/<int:programme_id>/", views.equality_report_view, name="equality_report"),
    ]


class DataProtectionMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("reviews.handle_data_protection")


class EqualityReportMenuItem(MenuItem):
    def is_shown(self, request):
        return holds_anywhere(request.user, Action.VIEW_EQUALITY)


def counts_text(counts):
    """ "3 applications and their files, 1 equality monitoring answers" from {kind name: rows}."""
    labels = {kind.name: kind.label.lower() for kind in personal_data.kinds()}
    parts = [
        f"{rows} {labels.get(name, name)}" for name, rows in counts.items() if isinstance(rows, int) and rows
    ]
    return ", ".join(parts) or "nothing"


def register_dpo_log_actions(actions):
    actions.register_action(
        "application_forms.subject_access", "Subject access", "Included in a subject access export"
    )
    actions.register_action("reviews.equality_report", "View equality report", "Viewed the equality report")
    actions.register_action(
        "reviews.freeze_equality_report", "Freeze equality report", "Froze the equality report"
    )

    @actions.register_action("reviews.subject_access")
    class SubjectAccess(LogFormatter):
        label = "Subject access"

        def format_message(self, log_entry):
            return f"Exported {counts_text((log_entry.data or {}).get('counts', {}))}"

    @actions.register_action("reviews.erasure")
    class Erasure(LogFormatter):
        label = "Erasure"

        def format_message(self, log_entry):
            return f"Erased {counts_text((log_entry.data or {}).get('counts', {}))}"

    @actions.register_action("application_forms.purge")
    class Purge(LogFormatter):
        label = "Purge expired data"

        def format_message(self, log_entry):
            data = log_entry.data or {}
            deleted = {name: counts.get("deleted", 0) for name, counts in data.items()}
            kept = sum(counts.get("kept", 0) for counts in data.values())
            return f"Purged {counts_text(deleted)}" + (f"; {kept} kept for the next run" if kept else "")

"""Registers the forms app's hooks: the applicant's page's audit actions, when the page cache
must forget pages showing a form's state, and the "Start a new intake" view and button."""

from django.urls import path
from wagtail import hooks

from forms.intake_views import StartIntakeView, intake_buttons
from forms.page_cache import next_state_change

hooks.register("page_cache_expiry", next_state_change)


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "application_forms.withdraw", "Withdrawn by the applicant", "Withdrawn by the applicant on their page"
    )
    actions.register_action(
        "application_forms.update_contact",
        "Contact details changed by the applicant",
        "The applicant changed their contact details on their page",
    )


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [
        path(
            "programmes/<int:programme_id>/new-intake/",
            StartIntakeView.as_view(),
            name="application_forms_start_intake",
        )
    ]


hooks.register("register_page_header_buttons", intake_buttons)
hooks.register("register_page_listing_more_buttons", intake_buttons)

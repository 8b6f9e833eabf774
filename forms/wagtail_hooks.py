"""Registers the forms app's hooks: the applicant's page's audit actions, and when the page
cache must forget pages showing a form's state."""

from wagtail import hooks

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

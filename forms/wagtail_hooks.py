"""Registers the audit log actions of the applicant's own page."""

from wagtail import hooks


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

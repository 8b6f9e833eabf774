"""Eligibility rules editors set on questions, checked on the server before an application is saved."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _

from forms.choices import EligibilityRule
from forms.forms_data import split_choices


def years_before(day, years):
    """The same calendar day ``years`` earlier (28 February for a 29 February with no match)."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


def date_in_range(answer, minimum, maximum, today):
    """True if ``answer`` is at least ``minimum`` and at most ``maximum`` years before ``today``."""
    if isinstance(answer, dt.datetime):
        answer = answer.date()
    if minimum is not None and answer > years_before(today, minimum):
        return False
    return not (maximum is not None and answer < years_before(today, maximum))


def meets_rule(field, answer, today):
    """True if one answer meets its question's eligibility rule (or the question has none)."""
    if field.eligibility_rule == EligibilityRule.YEARS_AGO:
        return answer is not None and date_in_range(answer, field.years_ago_min, field.years_ago_max, today)
    if field.eligibility_rule == EligibilityRule.ANSWER_IN:
        eligible = {choice.lower() for choice in split_choices(field.eligible_answers)}
        if isinstance(answer, bool):
            return ("yes" in eligible) == answer
        answers = answer if isinstance(answer, list) else [answer]
        return bool(answers) and all(str(item).lower() in eligible for item in answers)
    return True


def reasons_not_eligible(page, cleaned_data):
    """The editors' reasons for every rule the answers do not meet today (empty when eligible)."""
    today = timezone.localdate()
    reasons = []
    for field in page.get_form_fields():
        if field.eligibility_rule and not meets_rule(field, cleaned_data.get(field.clean_name), today):
            reasons.append(
                field.not_eligible_reason
                or _("Your answer to “%(label)s” means you cannot apply.") % {"label": field.label}
            )
    return reasons


def has_rules(page):
    return any(field.eligibility_rule for field in page.get_form_fields())

"""The steps of a form: eligibility questions first, then the questions split at page breaks.

Questions with an eligibility rule form their own first step (``eligibility``) wherever the
editor put them; the others follow in the editor's order, a new step (``step-1``,
``step-2``…) starting at each page break, titled with the page break's label. The consent
and talent pool questions the form adds go on the last step. Each step validates on its
own; a step can only be reached once every step before it is complete.
"""

from dataclasses import dataclass

from django.forms import MultiWidget
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext_lazy

from forms import eligibility
from forms.choices import PAGE_BREAK
from forms.fields import CONSENT_FIELD, HONEYPOT_FIELD, POOL_FIELDS

ELIGIBILITY = "eligibility"
ELIGIBILITY_TITLE = gettext_lazy("Check you can apply")
FIRST_TITLE = gettext_lazy("Your application")


@dataclass(frozen=True)
class Step:
    """One page of questions: its URL part, title and the names of its questions."""

    slug: str
    title: str
    names: tuple

    @property
    def is_eligibility(self):
        return self.slug == ELIGIBILITY


def steps_of(page):
    """The form's steps, in order (at least one)."""
    steps, names, title = [], [], FIRST_TITLE
    rules = [field.clean_name for field in page.get_questions() if field.eligibility_rule]
    for field in page.get_form_fields():
        if field.field_type == PAGE_BREAK:
            if names:
                steps.append((title, names))
            names, title = [], field.label
        elif not field.eligibility_rule:
            names.append(field.clean_name)
    extras = ([CONSENT_FIELD] if page.consent_label else []) + (
        list(POOL_FIELDS) if page.offer_talent_pool else []
    )
    if names or extras or not steps:
        steps.append((title, names))
    steps[-1] = (steps[-1][0], steps[-1][1] + extras)
    numbered = [Step(f"step-{number}", title, tuple(names)) for number, (title, names) in enumerate(steps, 1)]
    return ([Step(ELIGIBILITY, ELIGIBILITY_TITLE, tuple(rules))] if rules else []) + numbered


def find(steps, slug):
    """The step ``slug`` (and its position), or (None, None)."""
    for position, step in enumerate(steps):
        if step.slug == slug:
            return step, position
    return None, None


def form_for(page, request, step, draft, data=None, files=None):
    """The form of one step: only its questions (and the honeypot), bound to ``data`` if given."""
    if data is not None and not isinstance(data, MultiValueDict):
        data = MultiValueDict(data)
    form_class = page.get_step_form_class(step.names)
    form = form_class(data, files, page=page, user=request.user, uploaded=draft.files)
    if data is None:
        from forms import drafts

        form.initial.update(drafts.initial_from(draft, form))
    return form


def answers_of_step(form, post):
    """The raw answers of one step's questions from a POST; a question left out is an empty answer."""
    return {
        name: raw_answer(form.fields[name].widget, post, name)
        for name in form.fields
        if name != HONEYPOT_FIELD and name not in form.file_field_names
    }


def raw_answer(widget, post, name):
    """One question's posted values; for a question in several boxes (a date) its parts, in order."""
    if isinstance(widget, MultiWidget):
        return list(widget.value_from_datadict(post, {}, name))
    return post.getlist(name)


def is_complete(page, request, step, draft):
    """Whether the draft's answers to ``step`` are valid (and, for eligibility, eligible)."""
    form = form_for(page, request, step, draft, draft.data)
    if not form.is_valid():
        return False
    return not (step.is_eligibility and eligibility.reasons_not_eligible(page, form.cleaned_data))


def first_incomplete(page, request, steps, draft):
    """The first step whose answers are missing or invalid, or None when all are complete."""
    for step in steps:
        if not is_complete(page, request, step, draft):
            return step
    return None


def progress(page, request, steps, draft):
    """[(step, complete)] for the task list: a step counts as complete only if every one before it is."""
    rows, reachable = [], True
    for step in steps:
        complete = reachable and is_complete(page, request, step, draft)
        rows.append((step, complete))
        reachable = complete
    return rows

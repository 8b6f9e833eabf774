"""Save and come back later, the steps of ``forms.flow`` that keep a draft past its session:
``save/`` (the email address the link goes to), ``saved/`` (the link is on its way) and
``resume/?link=…`` (the emailed link, which puts the draft back in a session).

Served through ``forms.flow.window_step``, so the window, the rate limit, the 413 body limit
and ``private, no-store`` apply as on every step. See ``forms.saved_drafts`` for what is kept
and for how long.
"""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.utils.datastructures import MultiValueDict
from django.views.decorators.debug import sensitive_variables

from forms import applicant_tasks, drafts, links, saved_drafts, steps
from forms.applicant_forms import SaveForLaterForm
from forms.flow import SeeOther, next_url, render

TEMPLATES = {
    "save": "application_forms/save_for_later.html",
    "saved": "application_forms/saved_for_later.html",
    "link_problem": "application_forms/resume_link_problem.html",
}
SAVED_KEY_PREFIX = "rtw-saved-"


def serve(page, request, window, step):
    """One of ``save``, ``saved`` and ``resume``, the form being open."""
    if step == "save":
        return save_for_later(page, request, window)
    if step == "saved":
        return saved(page, request, window)
    return resume(page, request, request.GET.get("link", ""))


def saved_key(page):
    return f"{SAVED_KEY_PREFIX}{page.pk}"


def draft_email(page, draft):
    """The draft's answer to the applicant's email question ("" if none)."""
    form = page.get_form(MultiValueDict(draft.data), None, page=page, uploaded=draft.files)
    for name, field in form.fields.items():
        if getattr(field, "role", "") == "email" or getattr(field, "question_type", "") == "email":
            return (draft.data.get(name) or [""])[0]
    return ""


@sensitive_variables()
def save_for_later(page, request, window):
    """GET: the email address to send the link to; POST: saves the draft, emails the link."""
    draft = drafts.get(request, page)
    all_steps = steps.steps_of(page)
    if not draft.data or (
        all_steps[0].is_eligibility and not steps.is_complete(page, request, all_steps[0], draft)
    ):
        return SeeOther(page.step_url(request, all_steps[0].slug))
    context = {
        "window": window,
        "keeps_until": saved_drafts.expiry_for(page),
        "saved_days": settings.APPLICATION_SAVED_DRAFT_DAYS,
        "back_url": next_url(page, request, all_steps, draft),
    }
    if request.method != "POST":
        form = SaveForLaterForm(initial={"email": draft_email(page, draft)})
        return render(page, request, TEMPLATES["save"], {**context, "form": form})
    form = SaveForLaterForm(request.POST)
    if not form.is_valid():
        return render(page, request, TEMPLATES["save"], {**context, "form": form})
    if not draft.token:
        drafts.save(request, page, draft)  # gives it its token
    saved_draft = saved_drafts.save(page, draft, form.cleaned_data["email"])
    applicant_tasks.enqueue(applicant_tasks.send_resume_link, saved_draft.pk)
    request.session[saved_key(page)] = saved_draft.pk
    return SeeOther(page.step_url(request, "saved"))


def saved(page, request, window):
    """GET: the link is on its way, to which address, and until when the application is kept."""
    from forms.models import SavedDraft

    saved_draft = SavedDraft.objects.filter(pk=request.session.get(saved_key(page)), page_id=page.pk).first()
    if saved_draft is None:
        return SeeOther(page.step_url(request))
    context = {"window": window, "saved_draft": saved_draft, "no_closing_date": not page.closes_at}
    return render(page, request, TEMPLATES["saved"], context)


def resume(page, request, link):
    """GET on an emailed link (``resume/?link=…``: Wagtail's page paths cannot hold a signed
    token's colons): puts the saved application back in this session and carries on."""
    if request.method == "POST":
        return HttpResponseNotAllowed(["GET"])
    try:
        saved_draft = saved_drafts.from_token(page, link)
    except links.LinkInvalid:
        return render(page, request, TEMPLATES["link_problem"], {}, status=400)
    draft = drafts.Draft(data=saved_draft.data, files=saved_draft.files, token=saved_draft.draft_token)
    drafts.save(request, page, draft)
    return SeeOther(next_url(page, request, steps.steps_of(page), draft))

"""The steps of an application (GOV.UK pattern): start page → eligibility questions → question
steps → check your answers → confirmation, with Save and come back later.

Every step re-checks the window on the server, for GET and POST; a POST longer than the form
can need is refused before its body is read (413); POSTs are rate-limited per session and
per client address; every response is ``Cache-Control: private, no-store``; answers never
reach the URL, the logs or error reports (``sensitive_post_parameters`` and
``sensitive_variables``). Each POST that succeeds redirects (post/redirect/get). A step is
only reached once every step before it is complete (``forms.steps``): a request for a later
step is sent back, reading and saving nothing.
"""

from math import ceil

from django.conf import settings
from django.http import Http404, HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.datastructures import MultiValueDict
from django.views.decorators.debug import sensitive_variables

from forms import (
    applicants,
    drafts,
    eligibility,
    ratelimit,
    saved_drafts,
    steps,
    uploads,
)
from forms.choices import FieldSection
from forms.fields import HONEYPOT_FIELD
from forms.references import new_reference
from forms.submission import (
    AlreadyApplied,
    FormClosed,
    UploadMissing,
    applicant_value,
    confirm,
    previous_application,
)

TEMPLATES = {
    "step": "application_forms/application_form_step.html",
    "check": "application_forms/check_answers.html",
    "not_eligible": "application_forms/not_eligible.html",
    "rate_limited": "application_forms/rate_limited.html",
}
RETURN_TO_CHECK = "check"  # the ``change`` query value (and ``return`` field) of a Change link


#: Room for multipart's boundaries and part headers (at most 1,000 fields) beyond the answers.
MULTIPART_ALLOWANCE = 256 * 1024


class SeeOther(HttpResponseRedirect):
    status_code = 303


def serve_step(page, request, step):
    """Answers one request to the form page or one of its steps."""
    request.sensitive_post_parameters = "__ALL__"
    if request.method not in ("GET", "HEAD", "POST"):
        return HttpResponseNotAllowed(["GET", "POST"])
    if request.method == "POST" and body_too_large(page, request):
        response = too_large(page, request, step)  # before anything reads the body
    elif step == "confirmation":  # shown even after closing: its application was saved in time
        response = confirmation(page, request)
    else:
        response = window_step(page, request, step)
    add_never_cache_headers(response)
    patch_cache_control(response, private=True, no_store=True)
    return response


def content_length(request):
    """The body's length as the request declares it (Django reads no more than this, 0 if unreadable)."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def body_too_large(page, request):
    """True when the POST is longer than the form can need: each file at its limit, the rest at Django's."""
    files = sum(1 for field in page.get_questions() if field.field_type == "file")
    limit = files * settings.APPLICATION_UPLOAD_MAX_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return content_length(request) > limit + MULTIPART_ALLOWANCE


def too_large(page, request, slug):
    """413: the step with what the draft holds; nothing of the refused POST was read or saved."""
    window = page.window_state()
    all_steps = steps.steps_of(page)
    step, position = steps.find(all_steps, slug)
    if not window.is_open:
        return render(page, request, None, {"window": window, "too_large": True}, status=413)
    if step is None:
        return start(page, request, window, status=413, too_large=True)
    draft = drafts.get(request, page)
    form = steps.form_for(page, request, step, draft)
    extra = {"too_large": True, "answers_kept": bool(draft.data), "upload_limit": uploads.limit_in_mb()}
    return render_step(page, request, window, all_steps, position, form, draft, status=413, **extra)


def window_step(page, request, step):
    """A step that needs the form to be open: the state page otherwise, for GET and POST."""
    window = page.window_state()
    if not window.is_open:
        return render(page, request, None, {"window": window})
    if request.method == "POST" and not ratelimit.allow(request):
        return rate_limited(page, request, window)
    if step == "start":
        return start(page, request, window)
    if step == "check":
        return check(page, request, window) if request.method != "POST" else submit(page, request, window)
    if step in ("save", "saved", "resume"):
        from forms import flow_saved

        return flow_saved.serve(page, request, window, step)
    return question_step(page, request, window, step)


def rate_limited(page, request, window):
    """429: what the session keeps (answers saved before this POST) and when to try again."""
    wait = ratelimit.retry_after()
    context = {
        "window": window,
        "answers_kept": bool(drafts.get(request, page).data),
        "minutes": ceil(wait / 60),
    }
    response = render(page, request, TEMPLATES["rate_limited"], context, status=429)
    response["Retry-After"] = str(wait)
    return response


def render(page, request, template, extra, status=200):
    """A page of the flow, with ``form_url``: the form's URL on the site the request came to
    (``page.url`` names the first site serving the page, another host where a programme has its
    own; a form posting there is refused by the content security policy)."""
    context = page.get_context(request)
    context["form_url"] = page.step_url(request)
    context.update(extra)
    return TemplateResponse(request, template or page.get_template(request), context, status=status)


def next_url(page, request, all_steps, draft):
    """Where to carry on: the first step not complete, or check your answers."""
    blocker = steps.first_incomplete(page, request, all_steps, draft)
    return page.step_url(request, blocker.slug if blocker else "check")


def start(page, request, window, status=200, **extra):
    """GET: the start page: what you need, how long it takes, when you will hear, and the steps."""
    if request.method == "POST" and status == 200:
        return HttpResponseNotAllowed(["GET"])
    draft = drafts.get(request, page)
    all_steps = steps.steps_of(page)
    context = {
        "window": window,
        "progress": steps.progress(page, request, all_steps, draft),
        "started": bool(draft.data),
        "saved_days": settings.APPLICATION_SAVED_DRAFT_DAYS,
        "start_url": next_url(page, request, all_steps, draft)
        if draft.data
        else page.step_url(request, all_steps[0].slug),
        **extra,
    }
    return render(page, request, None, context, status=status)


def render_step(page, request, window, all_steps, position, form, draft, status=200, **extra):
    step = all_steps[position]
    changing = extra.pop("changing", False)
    if changing:
        back = page.step_url(request, "check")
    else:
        back = page.step_url(request, all_steps[position - 1].slug if position else "")
    context = {
        "window": window,
        "form": form,
        "uploaded": draft.files,
        "draft_token": draft.token,
        "step": step,
        "step_number": position + 1,
        "step_count": len(all_steps),
        "back_url": back,
        "changing": changing,
        "can_save": not step.is_eligibility,
        "action_url": page.step_url(request, step.slug),
    }
    context.update(extra)
    return render(page, request, TEMPLATES["step"], context, status=status)


def not_eligible(page, request, window, reasons):
    """The "You cannot apply" page: the draft, its uploads and any saved copy are deleted first."""
    drafts.forget(request, page)
    programme = page.get_programme()
    context = {
        "reasons": reasons,
        "window": window,
        "programme": programme,
        "news_url": f"{programme.url}news/" if programme else "",
    }
    return render(page, request, TEMPLATES["not_eligible"], context)


@sensitive_variables()
def question_step(page, request, window, slug):
    """GET: one step's questions; POST: validate them on their own, keep them, go to the next step."""
    all_steps = steps.steps_of(page)
    step, position = steps.find(all_steps, slug)
    if step is None:
        raise Http404
    draft = drafts.get(request, page)
    if blocker := steps.first_incomplete(page, request, all_steps[:position], draft):
        return SeeOther(page.step_url(request, blocker.slug))
    if request.method != "POST":
        form = steps.form_for(page, request, step, draft)
        changing = request.GET.get("change") == RETURN_TO_CHECK
        return render_step(page, request, window, all_steps, position, form, draft, changing=changing)
    if request.POST.get(HONEYPOT_FIELD):
        return fake_success(page, request)
    if already_confirmed(request, page, request.POST.get(drafts.TOKEN_FIELD)):
        return SeeOther(page.step_url(request, "confirmation"))
    form = steps.form_for(page, request, step, draft, request.POST, request.FILES)
    if step.is_eligibility:
        return eligibility_answered(page, request, window, all_steps, form, draft)
    return step_answered(page, request, window, all_steps, position, form, draft)


def changing_answer(request):
    return request.POST.get("return") == RETURN_TO_CHECK


@sensitive_variables()
def eligibility_answered(page, request, window, all_steps, form, draft):
    """Keeps eligible answers; anything else keeps nothing (not eligible: the draft goes too)."""
    if not form.is_valid():
        return render_step(
            page, request, window, all_steps, 0, form, draft, changing=changing_answer(request)
        )
    if reasons := eligibility.reasons_not_eligible(page, form.cleaned_data):
        return not_eligible(page, request, window, reasons)
    draft.data.update(steps.answers_of_step(form, request.POST))
    drafts.save(request, page, draft)
    if changing_answer(request):
        return SeeOther(page.step_url(request, "check"))
    return SeeOther(page.step_url(request, all_steps[1].slug if len(all_steps) > 1 else "check"))


@sensitive_variables()
def step_answered(page, request, window, all_steps, position, form, draft):
    """Keeps the step's answers and files (valid or not); then the next step, or back to check."""
    valid = form.is_valid()
    draft.data.update(steps.answers_of_step(form, request.POST))
    try:
        stored = uploads.store_uploads(form)
    except uploads.StorageUnavailable:  # the page keeps the answers (a 5xx saves no session)
        return render_step(
            page, request, window, all_steps, position, form, draft, status=503, service_problem=True
        )
    uploads.discard_ids(drafts.add_files(draft, stored))
    form.uploaded = draft.files
    drafts.save(request, page, draft)
    if request.POST.get("action") == "save":
        return SeeOther(page.step_url(request, "save"))
    if not valid:
        changing = changing_answer(request)
        return render_step(page, request, window, all_steps, position, form, draft, changing=changing)
    last = position == len(all_steps) - 1
    following = "check" if last or changing_answer(request) else all_steps[position + 1].slug
    return SeeOther(page.step_url(request, following))


def full_form(page, request, draft):
    """The whole form bound to the draft's answers (check your answers and the confirm step)."""
    form = page.get_form(MultiValueDict(draft.data), None, page=page, user=request.user, uploaded=draft.files)
    form.is_valid()
    return form


def ready_to_check(page, request, window, draft):
    """A response when the draft cannot be checked yet, else None: the not eligible page if the
    eligibility answers no longer meet a rule (a date rule, a day later), or a redirect to the
    start or the first step not complete."""
    if not draft.data:
        return SeeOther(page.step_url(request, "confirmation" if drafts.confirmed(request, page) else ""))
    all_steps = steps.steps_of(page)
    if all_steps[0].is_eligibility:
        form = steps.form_for(page, request, all_steps[0], draft, draft.data)
        if form.is_valid() and (reasons := eligibility.reasons_not_eligible(page, form.cleaned_data)):
            return not_eligible(page, request, window, reasons)
    if blocker := steps.first_incomplete(page, request, all_steps, draft):
        return SeeOther(page.step_url(request, blocker.slug))
    return None


def earlier_application(page, request, form):
    """What check your answers says when this email already applied to the form, else None.

    The reference is shown only to a session signed in (on Your applications) with that
    address: anyone can type an address, so anyone else is sent to sign in to see it.
    """
    email = applicant_value(form, "email")
    application = previous_application(page, email)
    if application is None:
        return None
    owner = applicants.signed_in_email(request) == applicants.normalise(email)
    return {
        "reference": application.reference if owner else "",
        "allowed": page.allow_duplicate_applications,
    }


@sensitive_variables()
def check(page, request, window):
    """GET: the answers to check, each with a change link, and the button that sends them."""
    draft = drafts.get(request, page)
    if not_ready := ready_to_check(page, request, window, draft):
        return not_ready
    form = full_form(page, request, draft)
    if not form.is_valid():
        return SeeOther(page.step_url(request, steps.steps_of(page)[0].slug))
    if reasons := eligibility.reasons_not_eligible(page, form.cleaned_data):
        return not_eligible(page, request, window, reasons)
    all_steps = steps.steps_of(page)
    rows = answer_rows(page, request, form, draft, all_steps)
    context = {
        "window": window,
        "rows": rows,
        "has_equality": any(row["equality"] for row in rows),
        "draft_token": draft.token,
        "back_url": page.step_url(request, all_steps[-1].slug),
        "earlier": earlier_application(page, request, form),
    }
    return render(page, request, TEMPLATES["check"], context)


@sensitive_variables()
def submit(page, request, window):
    """POST from check your answers: saves the application once, then shows the confirmation."""
    token = request.POST.get(drafts.TOKEN_FIELD, "")
    if already_confirmed(request, page, token):
        return SeeOther(page.step_url(request, "confirmation"))
    draft = drafts.get(request, page)
    if not draft.data or not token or token != draft.token:
        return SeeOther(page.step_url(request))
    if not_ready := ready_to_check(page, request, window, draft):
        return not_ready
    form = full_form(page, request, draft)
    if not form.is_valid():
        return SeeOther(page.step_url(request, steps.steps_of(page)[0].slug))
    if reasons := eligibility.reasons_not_eligible(page, form.cleaned_data):
        return not_eligible(page, request, window, reasons)
    try:
        application = confirm(page, form, draft)
    except FormClosed as closed:
        return render(page, request, None, {"window": closed.window})
    except AlreadyApplied:
        return SeeOther(page.step_url(request, "check"))  # which says so
    except UploadMissing:
        draft.files = {}
        drafts.save(request, page, draft)
        return SeeOther(next_url(page, request, steps.steps_of(page), draft))
    saved_drafts.delete_for(page, token)
    drafts.mark_confirmed(request, page, token, application.pk)
    return SeeOther(page.step_url(request, "confirmation"))


def already_confirmed(request, page, token):
    confirmed = drafts.confirmed(request, page)
    return bool(token and confirmed and confirmed["token"] == token)


def confirmation(page, request):
    """GET: the reference of the application this session confirmed (refresh-safe)."""
    from forms.models import Application

    confirmed = drafts.confirmed(request, page)
    application = (
        confirmed and Application.objects.filter(pk=confirmed["application"], page_id=page.pk).first()
    )
    if not application:
        return SeeOther(page.step_url(request))
    return page.render_landing_page(request, application)


def fake_success(page, request):
    """What a bot that filled the honeypot sees: a confirmation, with nothing stored."""
    fake = page.get_submission_class()(reference=new_reference(page.reference_prefix), page=page)
    return page.render_landing_page(request, fake)


def answer_rows(page, request, form, draft, all_steps):
    """Rows of check your answers: whether an equality question, label, answer, change link."""
    from forms.forms_data import display_answer

    step_of = {name: step.slug for step in all_steps for name in step.names}
    rows = []
    for bound in form:
        field = bound.field
        if field.question_type in ("honeypot", "hidden") or bound.name not in step_of:
            continue
        if field.question_type == "file":
            answer = draft.files.get(bound.name, {}).get("name", "")
        else:
            answer = display_answer(form.cleaned_data.get(bound.name), field.question_type)
        anchor = f"{bound.auto_id}_0" if field.question_type in ("radio", "checkboxes") else bound.auto_id
        change = page.step_url(request, step_of[bound.name])
        rows.append(
            {
                "equality": field.section == FieldSection.EQUALITY,
                "label": bound.label,
                "answer": answer,
                "href": f"{change}?change={RETURN_TO_CHECK}#{anchor}",
            }
        )
    return rows

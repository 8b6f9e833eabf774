"""The steps of an application (GOV.UK pattern): questions → check your answers → confirmation.

Every step re-checks the window on the server, for GET and POST; a POST longer than the form
can need is refused before its body is read (413); POSTs are rate-limited per session and
per client address; every response is ``Cache-Control: private, no-store``; answers never
reach the URL, the logs or error reports (``sensitive_post_parameters`` and
``sensitive_variables``). Each POST that succeeds redirects (post/redirect/get).
"""

from math import ceil

from django.conf import settings
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.datastructures import MultiValueDict
from django.views.decorators.debug import sensitive_variables

from forms import drafts, eligibility, ratelimit, uploads
from forms.choices import FieldSection
from forms.fields import HONEYPOT_FIELD
from forms.references import new_reference
from forms.submission import FormClosed, UploadMissing, confirm

TEMPLATES = {
    "check": "application_forms/check_answers.html",
    "not_eligible": "application_forms/not_eligible.html",
    "rate_limited": "application_forms/rate_limited.html",
}


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
        response = too_large(page, request)  # before anything reads the body
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
    files = sum(1 for field in page.get_form_fields() if field.field_type == "file")
    limit = files * settings.APPLICATION_UPLOAD_MAX_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return content_length(request) > limit + MULTIPART_ALLOWANCE


def too_large(page, request):
    """413: the form with what the draft holds; nothing of the refused POST was read or saved."""
    window = page.window_state()
    if not window.is_open:
        return render(page, request, None, {"window": window}, status=413)
    draft = drafts.get(request, page)
    form = new_form(page, request, draft)
    extra = {"too_large": True, "answers_kept": bool(draft.data), "upload_limit": uploads.limit_in_mb()}
    return render_questions(page, request, window, form, draft, status=413, **extra)


def window_step(page, request, step):
    """A step that needs the form to be open: the state page otherwise, for GET and POST."""
    window = page.window_state()
    if not window.is_open:
        response = render(page, request, None, {"window": window})
    elif request.method == "POST" and not ratelimit.allow(request):
        response = rate_limited(page, request, window)
    elif step == "check":
        response = check(page, request, window) if request.method != "POST" else submit(page, request, window)
    else:
        response = questions(page, request, window)
    return response


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


def not_eligible(page, request, window, form, draft):
    """The "You cannot apply" page when the answers break an eligibility rule, else None.

    The attempt's files are deleted at once; its answers stay in the draft (so they can be
    changed) until it expires, ``APPLICATION_DRAFT_HOURS`` after this change.
    """
    if not (reasons := eligibility.reasons_not_eligible(page, form.cleaned_data)):
        return None
    uploads.discard_ids(draft.file_ids)
    draft.files = {}
    drafts.save(request, page, draft)
    context = {"reasons": reasons, "window": window, "draft_hours": settings.APPLICATION_DRAFT_HOURS}
    return render(page, request, TEMPLATES["not_eligible"], context)


def render(page, request, template, extra, status=200):
    context = page.get_context(request)
    context.update(extra)
    return TemplateResponse(request, template or page.get_template(request), context, status=status)


def render_questions(page, request, window, form, draft, status=200, **extra):
    context = {"window": window, "form": form, "uploaded": draft.files, "draft_token": draft.token}
    context.update(extra)
    return render(page, request, None, context, status=status)


def new_form(page, request, draft, data=None, files=None):
    """The form, bound to ``data`` (a POST, or a draft's answers) or filled from the draft."""
    if data is not None and not isinstance(data, MultiValueDict):
        data = MultiValueDict(data)
    form = page.get_form(data, files, page=page, user=request.user, uploaded=draft.files)
    if data is None:
        form.initial.update(drafts.initial_from(draft, form))
    return form


@sensitive_variables()
def questions(page, request, window):
    """GET: the questions (with earlier answers); POST: validate, keep answers and files, go to check."""
    draft = drafts.get(request, page)
    if request.method != "POST":
        return render_questions(page, request, window, new_form(page, request, draft), draft)
    if request.POST.get(HONEYPOT_FIELD):
        return fake_success(page, request)
    if already_confirmed(request, page, request.POST.get(drafts.TOKEN_FIELD)):
        return SeeOther(page.step_url(request, "confirmation"))
    form = new_form(page, request, draft, request.POST, request.FILES)
    valid = form.is_valid()
    draft.data = drafts.answers_from_post(form, request.POST)
    try:
        stored = uploads.store_uploads(form)
    except uploads.StorageUnavailable:  # the page keeps the answers (a 5xx saves no session)
        return render_questions(page, request, window, form, draft, status=503, service_problem=True)
    uploads.discard_ids(drafts.add_files(draft, stored))
    form.uploaded = draft.files
    drafts.save(request, page, draft)
    if not valid:
        return render_questions(page, request, window, form, draft)
    if refusal := not_eligible(page, request, window, form, draft):
        return refusal
    return SeeOther(page.step_url(request, "check"))


@sensitive_variables()
def check(page, request, window):
    """GET: the answers to check, each with a change link, and the button that sends them."""
    draft = drafts.get(request, page)
    if not draft.data:
        return SeeOther(page.step_url(request, "confirmation" if drafts.confirmed(request, page) else ""))
    form = new_form(page, request, draft, draft.data)
    if not form.is_valid():
        return render_questions(page, request, window, form, draft)
    if refusal := not_eligible(page, request, window, form, draft):
        return refusal
    rows = answer_rows(page, request, form, draft)
    context = {
        "window": window,
        "rows": rows,
        "has_equality": any(row["equality"] for row in rows),
        "draft_token": draft.token,
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
    form = new_form(page, request, draft, draft.data)
    if not form.is_valid():
        return render_questions(page, request, window, form, draft)
    if refusal := not_eligible(page, request, window, form, draft):
        return refusal
    try:
        application = confirm(page, form, draft)
    except FormClosed as closed:
        return render(page, request, None, {"window": closed.window})
    except UploadMissing:
        draft.files = {}
        drafts.save(request, page, draft)
        return render_questions(page, request, window, new_form(page, request, draft, draft.data), draft)
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


def answer_rows(page, request, form, draft):
    """Rows of check your answers: whether an equality question, label, answer, change link."""
    from forms.forms_data import display_answer

    rows = []
    base = page.step_url(request)
    for bound in form:
        field = bound.field
        if field.question_type in ("honeypot", "hidden"):
            continue
        if field.question_type == "file":
            answer = draft.files.get(bound.name, {}).get("name", "")
        else:
            answer = display_answer(form.cleaned_data.get(bound.name), field.question_type)
        anchor = f"{bound.auto_id}_0" if field.question_type in ("radio", "checkboxes") else bound.auto_id
        rows.append(
            {
                "equality": field.section == FieldSection.EQUALITY,
                "label": bound.label,
                "answer": answer,
                "href": f"{base}#{anchor}",
            }
        )
    return rows

"""An application in progress, held server-side in the (database-backed) session.

The session keeps, per form page: the raw answers (re-validated at every step), the
uploaded files already in private storage (not yet linked to an application) and the
one-time token the confirm step uses. After confirming, only the token and the
application's id stay, so a repeated confirm shows the same application.
"""

import secrets
from dataclasses import dataclass, field

from forms.fields import HONEYPOT_FIELD

TOKEN_FIELD = "token"  # noqa: S105 (the name of a form field, not a secret)


@dataclass
class Draft:
    data: dict = field(default_factory=dict)  # {field name: [raw values]}
    files: dict = field(default_factory=dict)  # {field name: {"id", "name", "size"}}
    token: str = ""


def draft_key(page):
    return f"rtw-application-{page.pk}"


def confirmed_key(page):
    return f"rtw-confirmed-{page.pk}"


def get(request, page):
    """The session's draft for ``page`` (its files are checked when linked, at confirm)."""
    stored = request.session.get(draft_key(page)) or {}
    return Draft(data=stored.get("data", {}), files=stored.get("files", {}), token=stored.get("token", ""))


def save(request, page, draft):
    if not draft.token:
        draft.token = secrets.token_urlsafe(24)
    request.session[draft_key(page)] = {"data": draft.data, "files": draft.files, "token": draft.token}


def answers_from_post(form, post):
    """The raw values of the form's questions from a POST (no token, honeypot or CSRF token)."""
    names = [name for name in form.fields if name != HONEYPOT_FIELD and name not in form.file_field_names]
    return {name: post.getlist(name) for name in names if name in post}


def add_files(draft, stored):
    """Records newly stored files in the draft; returns the replaced ones (to delete)."""
    replaced = []
    for name, application_file in stored.items():
        if name in draft.files:
            replaced.append(draft.files[name]["id"])
        draft.files[name] = {
            "id": application_file.pk,
            "name": application_file.original_name,
            "size": application_file.size,
        }
    return replaced


def initial_from(draft, form):
    """The draft's answers as initial values for an unbound form (to change an answer)."""
    initial = {}
    for name, values in draft.data.items():
        if name in form.fields:
            multiple = getattr(form.fields[name].widget, "allow_multiple_selected", False)
            initial[name] = values if multiple else (values[0] if values else "")
    return initial


def mark_confirmed(request, page, token, application_pk):
    request.session.pop(draft_key(page), None)
    request.session[confirmed_key(page)] = {"token": token, "application": application_pk}


def confirmed(request, page):
    """{"token", "application"} of the application this session confirmed, or None."""
    return request.session.get(confirmed_key(page))

"""An application in progress, held server-side in the (database-backed) session.

The session keeps, per form page: the raw answers (re-validated at every step), the
uploaded files already in private storage (not yet linked to an application) and the
one-time token the confirm step uses. After confirming, only the token and the
application's id stay, so a repeated confirm shows the same application.

A draft expires ``APPLICATION_DRAFT_HOURS`` after its last change: each save sets the
session to expire then (the daily purge clears expired sessions) and marks the draft's
uploads active (the purge deletes unlinked uploads inactive for as long).
"""

import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.forms import MultiWidget
from django.utils import timezone

TOKEN_FIELD = "token"  # noqa: S105 (the name of a form field, not a secret)


@dataclass
class Draft:
    data: dict = field(default_factory=dict)  # {field name: [raw values]}
    files: dict = field(default_factory=dict)  # {field name: {"id", "name", "size"}}
    token: str = ""

    @property
    def file_ids(self):
        """The ids of the draft's uploads (ApplicationFile rows not yet linked to an application)."""
        return [info["id"] for info in self.files.values()]


DRAFT_KEY_PREFIX = "rtw-application-"


def draft_key(page):
    return f"{DRAFT_KEY_PREFIX}{page.pk}"


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
    request.session.set_expiry(settings.APPLICATION_DRAFT_HOURS * 3600)
    if draft.files:
        from forms.models import ApplicationFile

        ApplicationFile.objects.filter(pk__in=draft.file_ids, application__isnull=True).update(
            draft_active_at=timezone.now()
        )


def forget(request, page):
    """Deletes the session's draft for ``page`` with its uploads (and any copy saved to come back to)."""
    from forms import saved_drafts, uploads

    draft = get(request, page)
    saved_uploads = saved_drafts.delete_for(page, draft.token)
    uploads.discard_ids(sorted(set(draft.file_ids) | set(saved_uploads)))
    request.session.pop(draft_key(page), None)


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
            widget = form.fields[name].widget
            multiple = getattr(widget, "allow_multiple_selected", False) or isinstance(widget, MultiWidget)
            initial[name] = values if multiple else (values[0] if values else "")
    return initial


def mark_confirmed(request, page, token, application_pk):
    request.session.pop(draft_key(page), None)
    request.session[confirmed_key(page)] = {"token": token, "application": application_pk}


def confirmed(request, page):
    """{"token", "application"} of the application this session confirmed, or None."""
    return request.session.get(confirmed_key(page))


def drafts_in(session_data):
    """The drafts held in one session's decoded data."""
    return [
        Draft(data=stored.get("data", {}), files=stored.get("files", {}), token=stored.get("token", ""))
        for key, stored in session_data.items()
        if key.startswith(DRAFT_KEY_PREFIX) and isinstance(stored, dict)
    ]


def has_address(draft, email):
    """Whether one of the draft's answers is this email address (case and spaces ignored)."""
    wanted = email.strip().casefold()
    return any(str(value).strip().casefold() == wanted for values in draft.data.values() for value in values)


def session_keys_with_address(email):
    """Keys of the unexpired (database) sessions holding a draft with this email address as an answer."""
    from django.contrib.sessions.models import Session

    keys = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if any(has_address(draft, email) for draft in drafts_in(session.get_decoded())):
            keys.append(session.session_key)
    return keys

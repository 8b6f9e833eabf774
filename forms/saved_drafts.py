"""Save and come back later: a draft kept with the applicant's email address until the form closes.

Saving copies the session's draft (answers and uploads) to a SavedDraft row and emails a
signed link (``forms.links``, purpose ``resume``) naming the row and its secret. The link
works while the row exists: opening it copies the draft back into the session. The row,
with its uploads, goes when the application is sent, or when the form closes (the purge:
``expired``). A form with no closing time keeps saved drafts ``APPLICATION_SAVED_DRAFT_DAYS``.
"""

import datetime as dt

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from forms import links, personal_data, retention


def expiry_for(page, now=None):
    """When a draft saved now is deleted: the form's closing time, else the saved-draft period."""
    now = now or timezone.now()
    return page.closes_at or now + dt.timedelta(days=settings.APPLICATION_SAVED_DRAFT_DAYS)


def save(page, draft, email):
    """Saves (or updates) the draft's copy with ``email``; its uploads are kept with it. Returns the row."""
    from forms.models import ApplicationFile, SavedDraft

    saved, _ = SavedDraft.objects.update_or_create(
        page=page,
        draft_token=draft.token,
        defaults={"email": email, "data": draft.data, "files": draft.files, "expires_at": expiry_for(page)},
    )
    ApplicationFile.objects.filter(saved_draft=saved).exclude(pk__in=draft.file_ids).update(saved_draft=None)
    ApplicationFile.objects.filter(pk__in=draft.file_ids, application__isnull=True).update(saved_draft=saved)
    return saved


def link_token(saved):
    return links.make_token(links.LinkPurpose.RESUME, {"id": saved.pk, "secret": saved.secret})


def from_token(page, token):
    """The unexpired SavedDraft of ``page`` a resume link names, else LinkInvalid."""
    from forms.models import SavedDraft

    payload = links.read_token(links.LinkPurpose.RESUME, token)
    saved = SavedDraft.objects.filter(
        pk=payload.get("id"), secret=str(payload.get("secret", "")), page_id=page.pk
    ).first()
    if saved is None or expired(timezone.now()).filter(pk=saved.pk).exists():
        raise links.LinkInvalid
    return saved


def delete_for(page, draft_token):
    """Deletes the saved copy of a draft (sent or abandoned); returns the ids of its unlinked uploads
    (the caller keeps or discards them: they may be the session draft's too)."""
    from forms.models import ApplicationFile, SavedDraft

    if not draft_token:
        return []
    rows = SavedDraft.objects.filter(page_id=page.pk, draft_token=draft_token)
    ids = list(
        ApplicationFile.objects.filter(saved_draft__in=rows, application__isnull=True).values_list(
            "pk", flat=True
        )
    )
    rows.delete()
    return ids


def expired(now):
    """Saved drafts of a form whose closing time has passed (its current one, should editors move
    it), or, for a form with no closing time, past their own expiry."""
    from forms.models import SavedDraft

    return SavedDraft.objects.filter(
        Q(page__closes_at__lt=now) | Q(page__closes_at__isnull=True, expires_at__lte=now)
    )


def delete(rows):
    """Deletes saved drafts' uploads (objects first), then the drafts whose uploads all went."""
    from forms.models import ApplicationFile, SavedDraft

    ids = list(rows.values_list("pk", flat=True))
    files = retention.delete_unlinked_files(
        ApplicationFile.objects.filter(saved_draft_id__in=ids, application__isnull=True)
    )
    waiting = ApplicationFile.objects.filter(saved_draft_id__in=ids, application__isnull=True)
    kept = set(waiting.values_list("saved_draft_id", flat=True))
    count, _ = SavedDraft.objects.filter(pk__in=ids).exclude(pk__in=kept).delete()
    return personal_data.Deleted(count=count, kept=len(kept) + files.kept)


def notice():
    days = settings.APPLICATION_SAVED_DRAFT_DAYS
    return [
        "An application you saved to come back to later (its answers and files, and the email address "
        "we sent the link to): until the form closes, or, for a form with no closing date, "
        f"{days} days after you last saved it. It is deleted as soon as you send it."
    ]


def export(rows):
    from django.utils.text import get_valid_filename

    from forms.models import ApplicationFile

    records, files = [], []
    for saved in rows.order_by("pk"):
        records.append(
            {
                "form": saved.page.title,
                "saved_at": saved.saved_at.isoformat(),
                "expires_at": saved.expires_at.isoformat(),
                "answers": saved.data,
                "files": [info["name"] for info in saved.files.values()],
            }
        )
        for item in ApplicationFile.objects.filter(saved_draft=saved, application__isnull=True):
            files.append((f"saved/{item.pk}-{get_valid_filename(item.original_name)}", item.file.name))
    return personal_data.Exported(records=records, files=files)

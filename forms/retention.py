"""Deleting applicants' data: the one delete path for applications and their files, and the purge.

Files always go first and rows after them: a row whose file could not be deleted is kept,
with its file, for the next run, so nothing is left in storage without a row pointing at it.
``delete_stored_files`` is the one place applicants' files leave the private storage.

The purge (``manage.py purge_expired_data`` and the ``purge_expired_data`` task) walks the
kinds of personal data registered in ``forms.personal_data``, deleting what is due in
batches, each batch in its own transaction (so a stopped run resumes where it stopped),
with the batch's rows locked and locked rows skipped (so two runs at once share the work
and never count a row twice), and records each run with its counts, never with names.
"""

import dataclasses
import datetime as dt
import logging
from collections import Counter
from importlib import import_module

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry

from forms import page_cache, personal_data
from forms.storage import private_storage

logger = logging.getLogger(__name__)

BATCH_SIZE = 500
NO_PROGRAMME = "none"


def delete_stored_files(names):
    """Deletes these objects from the private storage; returns the set of names it could not delete.

    Uses the storage's ``delete_many`` (one S3 request per 1,000 keys) where it has one, and
    ``delete`` name by name otherwise. Deleting an object that is already gone succeeds.
    """
    storage = private_storage()
    names = [name for name in names if name]
    if hasattr(storage, "delete_many"):
        try:
            return set(storage.delete_many(names))
        except Exception as error:
            logger.warning("Could not delete %s stored file(s): %s", len(names), type(error).__name__)
            return set(names)
    failed = set()
    for name in names:
        try:
            storage.delete(name)
        except Exception as error:
            logger.warning("Could not delete a stored file: %s", type(error).__name__)
            failed.add(name)
    return failed


def delete_applications(queryset):
    """Deletes applications with their files (first), equality answers, notes and status history.

    An application one of whose files could not be deleted is kept (with the rows of its
    files still in storage) for the next run. Its audit entries keep their action and the
    reference, and lose their data. Cached pages are checked once per form, not per row
    (``forms.page_cache.checked_once_per_form``). Returns a ``personal_data.Deleted``.
    """
    from forms.models import Application, ApplicationFile

    files = list(
        ApplicationFile.objects.filter(application__in=queryset).values_list("application_id", "file")
    )
    failed = delete_stored_files([name for _, name in files])
    kept = {application_id for application_id, name in files if name in failed}
    # The rows of the objects that went, unlinked first so that the cascade's clean-up
    # (forms.deletion.delete_cascaded_file) does not ask the storage to delete them again.
    gone = ApplicationFile.objects.filter(application__in=queryset).exclude(file__in=failed)
    gone_ids = list(gone.values_list("pk", flat=True))
    ApplicationFile.objects.filter(pk__in=gone_ids).update(application=None)
    ApplicationFile.objects.filter(pk__in=gone_ids).delete()
    ids = list(queryset.exclude(pk__in=kept).values_list("pk", flat=True))
    scrub_audit_entries(Application, ids)
    going = Application.objects.filter(pk__in=ids)
    with page_cache.checked_once_per_form(going):
        _, per_model = going.delete()
    return personal_data.Deleted(count=per_model.get(Application._meta.label, 0), kept=len(kept))


def delete_unlinked_files(queryset):
    """Deletes uploads of drafts (objects first, then the rows of the objects that went)."""
    files = list(queryset.values_list("pk", "file"))
    failed = delete_stored_files([name for _, name in files])
    gone = [pk for pk, name in files if name not in failed]
    queryset.model.objects.filter(pk__in=gone, application__isnull=True).delete()
    return personal_data.Deleted(count=len(gone), kept=len(files) - len(gone))


#: The folder of the private storage holding applicants' uploads (ApplicationFile's upload_to).
UPLOADS_FOLDER = "applications"


def stored_upload_pages():
    """The stored uploads a page at a time, as [(name, last modified)]: 1,000 a page (one list
    request each) from S3; from a local folder, ``BATCH_SIZE`` a page."""
    storage = private_storage()
    if hasattr(storage, "listed_pages"):
        yield from storage.listed_pages(UPLOADS_FOLDER)
        return
    try:
        _folders, names = storage.listdir(UPLOADS_FOLDER)
    except FileNotFoundError:  # a local folder nothing was ever uploaded to
        return
    names = [f"{UPLOADS_FOLDER}/{name}" for name in names]
    for start in range(0, len(names), BATCH_SIZE):
        yield [(name, storage.get_modified_time(name)) for name in names[start : start + BATCH_SIZE]]


def orphans_in(page, cutoff):
    """The uploads of a ``stored_upload_pages`` page no ApplicationFile row points at, stored before
    ``cutoff`` (so an upload being saved this moment is never one)."""
    from forms.models import ApplicationFile

    names = [name for name, _ in page]
    known = set(ApplicationFile.objects.filter(file__in=names).values_list("file", flat=True))
    return [name for name, modified in page if name not in known and modified < cutoff]


def delete_orphaned_uploads(cutoff):
    """Deletes stored uploads with no row, older than ``cutoff``, a page of the listing at a time;
    returns a ``personal_data.Deleted``."""
    deleted = kept = 0
    for page in stored_upload_pages():
        orphans = orphans_in(page, cutoff)
        failed = delete_stored_files(orphans)
        deleted, kept = deleted + len(orphans) - len(failed), kept + len(failed)
    return personal_data.Deleted(count=deleted, kept=kept)


def scrub_audit_entries(model, ids):
    """Audit entries of these rows keep their action, time, user and label (the reference), not their data."""
    if ids:
        # The model Wagtail logs these rows in (applications have their own, see reviews.models).
        log_model = log_action_registry.get_log_model_for_model(model) or ModelLogEntry
        log_model.objects.filter(
            content_type=ContentType.objects.get_for_model(model, for_concrete_model=False),
            object_id__in=[str(pk) for pk in ids],
        ).update(data={})


@dataclasses.dataclass
class KindCounts:
    """What a purge did (or, on a dry run, would do) to one kind: per programme id, and in total."""

    deleted: Counter = dataclasses.field(default_factory=Counter)
    kept: int = 0  # rows whose files could not be deleted, left for the next run
    held: int = 0  # rows past their retention that a hold keeps

    def as_data(self):
        return {"deleted": sum(self.deleted.values()), "by_programme": dict(self.deleted), "kept": self.kept}


def due_by_programme(kind, now):
    """{programme id or "none": rows due} for a dry run."""
    if not kind.programme:
        return Counter({NO_PROGRAMME: personal_data.due(kind, now).count()})
    rows = personal_data.due(kind, now).order_by().values(kind.programme).annotate(rows=Count("pk"))
    return Counter({str(row[kind.programme] or NO_PROGRAMME): row["rows"] for row in rows})


def purge_kind(kind, now, batch_size=BATCH_SIZE, progress=None):
    """Deletes the due rows of ``kind`` in committed batches; returns its KindCounts."""
    counts = KindCounts(held=personal_data.held(kind, now).count())
    last_pk = 0
    while batch := next_batch(kind, now, last_pk, batch_size, counts):
        last_pk = batch[-1]
        if progress:
            progress(len(batch))
    return counts


def next_batch(kind, now, after_pk, batch_size, counts):
    """Locks, deletes and counts the next batch of due rows after ``after_pk``; returns its ids."""
    programme = kind.programme or "pk"
    with transaction.atomic():
        rows = personal_data.due(kind, now).filter(pk__gt=after_pk).order_by("pk")
        if connection.features.has_select_for_update_skip_locked:
            rows = rows.select_for_update(skip_locked=True, of=("self",))
        batch = list(rows.values_list("pk", programme)[:batch_size])
        if not batch:
            return []
        ids = [pk for pk, _ in batch]
        result = kind.delete(kind.model.objects.filter(pk__in=ids))
        gone = set(ids) - set(kind.model.objects.filter(pk__in=ids).values_list("pk", flat=True))
    for pk, programme_id in batch:
        if pk in gone:
            counts.deleted[str(programme_id) if kind.programme and programme_id else NO_PROGRAMME] += 1
    counts.kept += result.kept
    return ids


def clear_expired_sessions(now):
    """Django's ``clearsessions``: deletes expired sessions (drafts' answers with them); returns how many."""
    engine = import_module(settings.SESSION_ENGINE)
    before = expired_session_count(now)
    engine.SessionStore.clear_expired()
    return before


def expired_session_count(now):
    if not settings.SESSION_ENGINE.endswith((".db", ".cached_db")):
        return 0
    from django.contrib.sessions.models import Session

    return Session.objects.filter(expire_date__lt=now).count()


def purgeable_kinds():
    return [kind for kind in personal_data.kinds() if kind.expired is not None]


def dry_run(now=None):
    """{kind name: Counter(programme id → rows due)}, plus the expired sessions; deletes nothing."""
    now = now or timezone.now()
    result = {kind.name: due_by_programme(kind, now) for kind in purgeable_kinds()}
    result["sessions"] = Counter({NO_PROGRAMME: expired_session_count(now)})
    return result


def purge(now=None, batch_size=BATCH_SIZE, progress_factory=None):
    """Runs the purge: expired sessions, then each kind's due rows; records and returns the PurgeRun."""
    from forms.models import PurgeRun

    now = now or timezone.now()
    run = PurgeRun.objects.create(started_at=timezone.now())
    counts = {"sessions": {"deleted": clear_expired_sessions(now), "by_programme": {}, "kept": 0}}
    for kind in purgeable_kinds():
        progress = progress_factory(kind, personal_data.due(kind, now).count()) if progress_factory else None
        kind_counts = purge_kind(kind, now, batch_size, progress)
        counts[kind.name] = kind_counts.as_data()
        counts[kind.name]["held"] = kind_counts.held
    orphans = delete_orphaned_uploads(draft_cutoff(now))
    counts["orphaned_uploads"] = {"deleted": orphans.count, "by_programme": {}, "kept": orphans.kept}
    run.finished_at = timezone.now()
    run.counts = counts
    run.save(update_fields=["finished_at", "counts"])
    log(instance=run, action="application_forms.purge", data=counts)
    return run


def draft_cutoff(now):
    """Drafts (answers and uploads) with no activity since this time have expired."""
    return now - dt.timedelta(hours=settings.APPLICATION_DRAFT_HOURS)


def expired_draft_uploads(now):
    from forms.models import ApplicationFile

    # A saved draft's uploads wait for it (see forms.saved_drafts): it deletes them when it expires.
    return ApplicationFile.objects.filter(
        application__isnull=True, saved_draft__isnull=True, draft_active_at__lt=draft_cutoff(now)
    )


def expired_applications(now):
    """Applications whose form closed more than its retention period ago (or, for a form with no
    closing time, sent more than that long ago)."""
    from dateutil.relativedelta import relativedelta

    from forms.models import Application, ApplicationFormPage

    due = Q(pk__in=[])
    for page in ApplicationFormPage.objects.only("pk", "closes_at", "retention_months"):
        if page.closes_at:
            if page.retention_ends() <= now:
                due |= Q(page_id=page.pk)
        else:
            due |= Q(page_id=page.pk, submit_time__lte=now - relativedelta(months=page.retention_months))
    return Application.objects.filter(due)

"""Erasure: everything kept about an email address, across programmes, deleted at an officer's request.

Rows, their files in private storage, search index entries, drafts and their sessions go;
the audit log keeps each entry's action and the reference, and loses its data. Erasure is
refused while an application is in an active stage of recruitment unless the officer
confirms. Each request is audited with the references and counts, never the address.
"""

from dataclasses import dataclass

from wagtail.log_actions import log
from wagtail.search import index

from forms import personal_data
from forms.models import ACTIVE_STAGES
from reviews.models import DataProtectionRequest, DataRequestAction


@dataclass(frozen=True)
class Found:
    counts: list  # [(kind, rows)] for kinds with rows
    references: list
    active: list  # references of applications in an active stage

    @property
    def empty(self):
        return not self.counts


def preview(email):
    """What erasing the address would delete, and which of its applications are still in recruitment."""
    counts = [(kind, kind.for_email(email).count()) for kind in personal_data.kinds()]
    applications = personal_data.get("applications").for_email(email)
    return Found(
        counts=[(kind, rows) for kind, rows in counts if rows],
        references=sorted(applications.values_list("reference", flat=True)),
        active=sorted(applications.filter(status__in=ACTIVE_STAGES).values_list("reference", flat=True)),
    )


def erase(email, user):
    """Deletes every kind's rows for the address (rows hanging off others first); audits it.

    Returns the DataProtectionRequest, whose ``counts`` say what went ({kind: rows}) and which
    rows were kept because their file could not be deleted ({"kept": {kind: rows}}).
    """
    found = preview(email)
    counts, kept = {}, {}
    for kind in reversed(personal_data.kinds()):
        rows = kind.for_email(email)
        remove_from_search(rows)
        result = kind.delete(rows)
        if result.count:
            counts[kind.name] = result.count
        if result.kept:
            kept[kind.name] = result.kept
    request = DataProtectionRequest.objects.create(
        action=DataRequestAction.ERASURE,
        user=user,
        references=found.references,
        counts={**counts, "kept": kept},
    )
    log(instance=request, action="reviews.erasure", user=user, data={"counts": counts, "kept": kept})
    return request


def remove_from_search(rows):
    """Removes rows of a searchable model from the search index (applications are not indexed)."""
    if issubclass(rows.model, index.Indexed):
        for row in rows.iterator():
            index.remove_object(row)


def erased(request):
    """[(label, rows)] of what an erasure deleted, in registry order."""
    return [
        (kind.label, request.counts[kind.name])
        for kind in personal_data.kinds()
        if kind.name in request.counts
    ]

"""The registry of personal data: one entry (a DataKind) for each kind of personal data kept.

Each entry says how to find its rows for an email address (subject access and erasure), how
to export them, how to delete them with their files, when they expire (the daily purge) and
what the privacy notice says about them. Apps register their kinds in ``AppConfig.ready()``;
the purge, the subject access zip, erasure and the privacy notice only ever go through this
registry, so a new kind of personal data (a plan, a pool profile) is one ``register()`` call.

A higher layer can also hold a lower layer's rows past their retention ("keep until"): a
hold is a function of the time giving a ``Q`` on the kind's model; rows it matches wait.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from functools import reduce
from operator import or_

from django.db.models import Model, Q, QuerySet


@dataclass(frozen=True)
class Exported:
    """What a subject access zip holds for one kind: JSON records and files."""

    records: list[dict] = field(default_factory=list)
    files: list[tuple[str, str]] = field(default_factory=list)  # (path in the zip, private storage name)


@dataclass(frozen=True)
class Deleted:
    """The outcome of deleting some rows: how many went, and how many wait for the next run."""

    count: int = 0
    kept: int = 0


@dataclass(frozen=True)
class DataKind:
    """One kind of personal data, and everything the data-protection tools need to know about it."""

    name: str  # a stable key, used in audit entries and the zip ("applications")
    label: str  # for people ("Applications")
    model: type[Model]
    for_email: Callable[[str], QuerySet]  # the rows holding this address's data
    export: Callable[[QuerySet], Exported]
    delete: Callable[[QuerySet], Deleted]  # deletes rows and their files (files first)
    notice: Callable[[], list[str]]  # how long it is kept: sentences for the privacy notice
    expired: Callable[[datetime], QuerySet] | None = None  # None: it goes with its parent row
    programme: str | None = None  # the lookup to its programme, for counts per programme
    shared_with: str = ""  # who outside the programme team sees it ("" for nobody)


_kinds: dict[str, DataKind] = {}
_holds: dict[str, list[Callable[[datetime], Q]]] = {}


def register(kind):
    """Adds a kind of personal data (registering a name again replaces it)."""
    _kinds[kind.name] = kind


def register_hold(name, hold):
    """Keeps rows of kind ``name`` matching ``hold(now)`` past their retention, until it no longer matches."""
    _holds.setdefault(name, []).append(hold)


def kinds():
    """Every registered kind, in registration order (parents before the rows that go with them)."""
    return list(_kinds.values())


def get(name):
    return _kinds[name]


def due(kind, now):
    """The rows of ``kind`` past their retention at ``now`` that no hold keeps."""
    rows = kind.expired(now)
    holds = [hold(now) for hold in _holds.get(kind.name, [])]
    return rows.exclude(reduce(or_, holds)) if holds else rows


def held(kind, now):
    """The rows of ``kind`` past their retention that a hold keeps for now."""
    holds = [hold(now) for hold in _holds.get(kind.name, [])]
    return kind.expired(now).filter(reduce(or_, holds)) if holds else kind.expired(now).none()


def delete_rows(rows):
    """``delete`` for rows that have no files of their own: deletes them, says how many went."""
    count, _ = rows.model.objects.filter(pk__in=list(rows.values_list("pk", flat=True))).delete()
    return Deleted(count=count)

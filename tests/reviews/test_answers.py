"""One wording for an answer: check your answers, the admin's inspect page and exports agree."""

import csv
import datetime as dt
import decimal
import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from forms.factories import ApplicationFormFieldFactory
from forms.forms_data import display_answer
from reviews.dashboard import programme_figures

from .conftest import make_application

pytestmark = pytest.mark.django_db

# Question label, type, the answer as the form cleans it, and as it is stored (JSON).
QUESTIONS = [
    ("When did you last practise?", "date", dt.date(2019, 3, 1), "2019-03-01"),
    (
        "When could you start?",
        "datetime",
        dt.datetime(2026, 7, 1, 8, 30, tzinfo=dt.UTC),
        "2026-07-01T08:30:00Z",
    ),
    ("I am registered", "checkbox", True, True),
    ("Areas of practice", "checkboxes", ["Adults", "Children"], ["Adults", "Children"]),
    ("Years of experience", "number", decimal.Decimal("5.0"), "5.0"),
]
SHOWN = {
    "When did you last practise?": "01/03/2019",
    "When could you start?": "01/07/2026 09:30",  # UK summer time
    "I am registered": "Yes",
    "Areas of practice": "Adults, Children",
    "Years of experience": "5",
}


@pytest.fixture
def typed_answers(site):
    extra = {}
    for order, (label, field_type, _, stored) in enumerate(QUESTIONS, start=10):
        field = ApplicationFormFieldFactory(
            page=site["form_a"],
            label=label,
            field_type=field_type,
            choices="Adults\nChildren",
            sort_order=order,
        )
        extra[field.clean_name] = stored
    return make_application(site["form_a"], site["a"], reference="CBSW-0500", extra=extra, why="")


def test_check_your_answers_wording_is_the_shared_one():
    assert {label: display_answer(cleaned, kind) for label, kind, cleaned, _ in QUESTIONS} == SHOWN


def test_inspect_page_shows_stored_answers_in_the_same_wording(client, reviewer_a, typed_answers):
    client.force_login(reviewer_a)
    html = client.get(f"/admin/applications/inspect/{typed_answers.pk}/").content.decode()
    shown = dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd>([^<]*)</dd>", html))
    assert {label: shown.get(label) for label in SHOWN} == SHOWN
    assert shown["Why do you want to return?"] == "—"


def test_export_shows_stored_answers_in_the_same_wording(client, reviewer_a, typed_answers):
    client.force_login(reviewer_a)
    text = b"".join(client.get("/admin/applications/", {"export": "csv"}).streaming_content).decode()
    header, row = list(csv.reader(io.StringIO(text[1:])))
    record = dict(zip(header, row, strict=True))
    assert {label: record[label] for label in SHOWN} == SHOWN
    assert record["Why do you want to return?"] == ""


def test_dashboard_counts_a_forms_application_limit_in_the_form_pages_own_query(site):
    site["form_a"].places = 3
    site["form_a"].save()
    make_application(site["form_a"], site["a"])
    with CaptureQueriesContext(connection) as captured:
        figures = programme_figures(site["a"])
    assert figures.limit_left == 2
    counts = [
        query["sql"]
        for query in captured
        if "COUNT(" in query["sql"].upper() and "GROUP BY" not in query["sql"].upper()
    ]
    assert counts == [], "places taken come with the form page (with_places_taken), not counted apart"

"""Reviewers read answers as the applicant was asked them: labels, never field names, and UK dates."""

import csv
import io
import re

import pytest

from forms.factories import ApplicationFormFieldFactory
from forms.models import EqualityMonitoring

from .conftest import make_application
from .test_exports import xlsx_rows

pytestmark = pytest.mark.django_db

LEFT = "When did you last practise as a social worker?"


@pytest.fixture
def answered(site):
    """An application with a date answer (as the date boxes store it), the consent and equality answers."""
    form = site["form_a"]
    form.consent_label = "I agree to the privacy notice"
    form.save()
    left = ApplicationFormFieldFactory(page=form, label=LEFT, field_type="date", sort_order=10)
    age = ApplicationFormFieldFactory(
        page=form, label="What is your age?", field_type="radio", section="equality", choices="25 to 34"
    )
    application = make_application(
        form,
        site["a"],
        reference="CBSW-0700",
        extra={left.clean_name: "2023-03-15", "privacy_consent": True, "old_question": "Kept"},
    )
    EqualityMonitoring.objects.create(application=application, answers={age.clean_name: "25 to 34"})
    return application


def shown(html):
    return dict(re.findall(r"<dt>([^<]+)</dt>\s*<dd>([^<]*)</dd>", html))


def test_the_application_page_shows_labels_and_uk_dates(client, admin_user, answered):
    client.force_login(admin_user)
    html = client.get(f"/admin/applications/inspect/{answered.pk}/").content.decode()
    answers = shown(html)
    assert answers[LEFT] == "15/03/2023"
    assert answers["I agree to the privacy notice"] == "Yes"
    assert answers["What is your age?"] == "25 to 34"
    assert answers["Old question (question since removed)"] == "Kept"
    assert "privacy_consent" not in html and "what_is_your_age" not in html and "2023-03-15" not in html


def test_the_csv_and_xlsx_exports_show_labels_and_uk_dates(client, admin_user, answered):
    client.force_login(admin_user)
    text = b"".join(client.get("/admin/applications/", {"export": "csv"}).streaming_content).decode()
    header, *rows = list(csv.reader(io.StringIO(text[1:])))
    record = dict(zip(header, next(row for row in rows if row[0] == "CBSW-0700"), strict=True))
    assert record[LEFT] == "15/03/2023"
    assert record["Equality monitoring: What is your age?"] == "25 to 34"
    assert not [column for column in header if "_" in column]
    xlsx = xlsx_rows(client.get("/admin/applications/", {"export": "xlsx"}))
    assert xlsx[0] == header
    assert "15/03/2023" in next(row for row in xlsx if row[0] == "CBSW-0700")


def test_the_listing_shows_submitted_times_in_uk_format(client, admin_user, answered):
    client.force_login(admin_user)
    html = client.get("/admin/applications/").content.decode()
    assert re.search(r"<td>\d\d/\d\d/\d{4} \d\d:\d\d</td>", html)

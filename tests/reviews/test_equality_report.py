"""The equality report: counts by equality answer and pipeline stage, small numbers suppressed."""

import csv
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from forms import retention
from forms.choices import EqualityRetention, FieldSection
from forms.factories import ApplicationFormFieldFactory
from forms.models import Application, EqualityMonitoring
from reviews.equality_report import SUPPRESSED, suppress
from reviews.models import StatusChange
from tests.reviews.conftest import make_application, make_group, make_user

ETHNICITY = ["Asian", "Black", "Mixed", "White", "Other ethnic group"]


@pytest.fixture
def equality_reviewer(django_user_model, site):
    group = make_group("Equality", [site["a"]], ("view_application", "view_equality_data"))
    return make_user(django_user_model, "equality-reviewer", group)


def add_equality_question(form):
    ApplicationFormFieldFactory(
        page=form,
        label="Ethnic group",
        field_type="radio",
        choices="\n".join(ETHNICITY),
        required=False,
        section=FieldSection.EQUALITY,
        sort_order=10,
    )


def applicants(site, answers_and_statuses):
    for number, (answer, status) in enumerate(answers_and_statuses):
        application = make_application(
            site["form_a"],
            site["a"],
            email=f"person{number}@example.org",
            status=status,
            reference=f"EQ-{number}",
        )
        EqualityMonitoring.objects.create(application=application, answers={"ethnic_group": answer})


def report_cells(client, programme):
    """Every count cell of the HTML report, as text."""
    from bs4 import BeautifulSoup

    html = client.get(reverse("equality_report", args=[programme.pk])).content.decode()
    return [cell.get_text(strip=True) for cell in BeautifulSoup(html, "html.parser").select("table td")]


def test_primary_and_secondary_suppression_hide_what_a_total_would_reveal():
    cells, totals = suppress([[12, 3], [20, 9], [7, 8]])
    # 3 is under 5. Its row total (15) would reveal it, so 12 goes too; then 12's column (39)
    # would reveal 12, so 7 goes; 3's column (20) would reveal 3, so 8 goes. Every line with a
    # hidden cell now has two.
    assert cells == [[None, None, 15], [20, 9, 29], [None, None, 15]]
    assert totals == [39, 20, 59]


def test_a_small_total_is_hidden_and_does_not_leave_a_single_hidden_cell():
    cells, totals = suppress([[6, 2], [9, 0]])
    assert cells == [[None, None, 8], [None, None, 9]]
    assert totals == [None, None, 17]


def test_programme_with_3_applicants_shows_no_number_at_all(client, site, equality_reviewer):
    add_equality_question(site["form_a"])
    applicants(site, [("Asian", "received"), ("White", "eligible"), ("White", "placed")])
    client.force_login(equality_reviewer)
    cells = report_cells(client, site["a"])
    assert cells and set(cells) == {SUPPRESSED}
    csv_text = client.get(reverse("equality_report", args=[site["a"].pk]), {"format": "csv"}).content.decode()
    counts = [row[1:] for row in csv.reader(csv_text.splitlines()[1:]) if row and row[1] != "Applied"]
    assert len(counts) == 1 + len(ETHNICITY) + 3  # all applicants, each answer, another, none, total
    assert {value for row in counts for value in row} == {SUPPRESSED}


def test_counts_are_by_furthest_stage_reached(client, site, equality_reviewer):
    add_equality_question(site["form_a"])
    applicants(
        site, [("White", "received")] * 6 + [("White", "unsuccessful")] * 5 + [("Asian", "shortlisted")] * 7
    )
    for application in Application.objects.filter(status="unsuccessful"):
        StatusChange.objects.create(application=application, from_status="eligible", to_status="shortlisted")
    client.force_login(equality_reviewer)
    csv_lines = client.get(
        reverse("equality_report", args=[site["a"].pk]), {"format": "csv"}
    ).content.decode()
    rows = {line.split(",")[0]: line.split(",")[1:] for line in csv_lines.splitlines() if line}
    # Applied, Eligible, Shortlisted, Offered, Placed, Total
    assert rows["White"][0] == "6" and rows["White"][2] == "5" and rows["White"][5] == "11"
    assert rows["Asian"][2] == "7"


def test_the_report_needs_the_equality_permission_and_the_programme(
    client, site, reviewer_a, equality_reviewer
):
    client.force_login(reviewer_a)  # may see applications, not equality answers
    assert client.get(reverse("equality_report", args=[site["a"].pk])).status_code == 403
    assert client.get(reverse("equality_programmes")).status_code == 403
    client.force_login(equality_reviewer)
    assert client.get(reverse("equality_report", args=[site["b"].pk])).status_code == 403
    assert client.get(reverse("equality_report", args=[site["a"].pk])).status_code == 200


def test_freezing_keeps_the_counts_and_the_purge_then_deletes_the_answers(client, site, equality_reviewer):
    add_equality_question(site["form_a"])
    applicants(site, [("White", "received")] * 6)
    form = site["form_a"]
    form.opens_at, form.closes_at = (
        timezone.now() - dt.timedelta(days=30),
        timezone.now() - dt.timedelta(days=1),
    )
    form.save()
    site["signup_a"].delete()  # council sign-ups are not in the report
    client.force_login(equality_reviewer)
    client.post(reverse("equality_report", args=[site["a"].pk]))
    retention.purge()
    assert not EqualityMonitoring.objects.exists()
    assert Application.objects.count() == 6  # the applications are kept for their own period
    assert "6" in report_cells(client, site["a"])


def test_answers_kept_with_the_applications_stay_after_freezing(client, site, equality_reviewer):
    add_equality_question(site["form_a"])
    applicants(site, [("White", "received")] * 6)
    form = site["form_a"]
    form.closes_at, form.equality_retention = (
        timezone.now() - dt.timedelta(days=1),
        EqualityRetention.WITH_APPLICATIONS,
    )
    form.save()
    client.force_login(equality_reviewer)
    client.post(reverse("equality_report", args=[site["a"].pk]))
    retention.purge()
    assert EqualityMonitoring.objects.count() == 6


def test_a_report_cannot_be_frozen_while_a_form_is_open(client, site, equality_reviewer):
    client.force_login(equality_reviewer)
    response = client.post(reverse("equality_report", args=[site["a"].pk]), follow=True)
    assert "only once every application form of the programme has closed" in response.content.decode()

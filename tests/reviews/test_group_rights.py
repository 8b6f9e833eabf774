"""A right on a programme comes from one group granting both (issue 8, finding 2).

A reviewer in group A (social work: every right) and group B (STEM: one right only) must
hold on STEM only what group B grants: a permission from A never reaches B's programme.
"""

import io

import openpyxl
import pytest
from django.urls import reverse
from wagtail.contrib.forms.utils import get_forms_for_user
from wagtail.models import GroupPagePermission

from forms.models import Application, EqualityMonitoring
from reviews.models import ApplicationNote

from .conftest import attach_cv, denied, download, listed, make_group, make_user

pytestmark = pytest.mark.django_db

LIST = "/admin/applications/"
EVERY_RIGHT = (
    "view_application",
    "change_application",
    "delete_application",
    "export_application",
    "view_equality_data",
)


def exported(client, spreadsheet_format="csv"):
    """The export's cells as one text (XLSX unzipped and read, so text search means something)."""
    response = client.get(LIST, {"export": spreadsheet_format})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    if spreadsheet_format == "csv":
        return content.decode()
    rows = openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)
    return "\n".join(",".join(str(cell or "") for cell in row) for row in rows)


@pytest.fixture
def stem_reader(django_user_model, site, apps):
    """Group A: social work with every right; group B: STEM, view only."""
    social_work = make_group("Social work team", [site["a"]], EVERY_RIGHT)
    stem = make_group("STEM readers", [site["b"]], ("view_application",))
    EqualityMonitoring.objects.create(application=apps["b1"], answers={"ethnicity": "Secret-STEM-answer"})
    return make_user(django_user_model, "mixed", social_work, stem)


@pytest.fixture
def stem_changer(django_user_model, site, apps):
    """Group A: social work, view only; group B: STEM with every right except view."""
    social_work = make_group("Social work readers", [site["a"]], ("view_application",))
    stem = make_group(
        "STEM clerks", [site["b"]], tuple(name for name in EVERY_RIGHT if name != "view_application")
    )
    return make_user(django_user_model, "clerk", social_work, stem)


def test_view_only_group_gives_no_status_change_on_its_programme(client, stem_reader, apps):
    client.force_login(stem_reader)
    url = reverse("application_status", args=[apps["b1"].pk])
    assert denied(client.post(url, {"to_status": "eligible"}))
    apps["b1"].refresh_from_db()
    assert apps["b1"].status == "received"
    client.post(reverse("application_status", args=[apps["a1"].pk]), {"to_status": "eligible"})
    apps["a1"].refresh_from_db()
    assert apps["a1"].status == "eligible"


def test_view_only_group_gives_no_status_form_or_delete_button_on_inspect(client, stem_reader, apps):
    client.force_login(stem_reader)
    stem = client.get(f"{LIST}inspect/{apps['b1'].pk}/").content.decode()
    social_work = client.get(f"{LIST}inspect/{apps['a1'].pk}/").content.decode()
    assert "Change status" in social_work and f"{LIST}delete/{apps['a1'].pk}/" in social_work
    assert "Change status" not in stem
    assert f"{LIST}delete/{apps['b1'].pk}/" not in stem


def test_view_only_group_gives_no_bulk_status_change(client, stem_reader, apps):
    client.force_login(stem_reader)
    ids = [apps["a1"].pk, apps["b1"].pk]
    assert denied(client.post(reverse("application_bulk_status"), {"ids": ids, "to_status": "eligible"}))
    assert set(Application.objects.filter(pk__in=ids).values_list("status", flat=True)) == {"received"}


def test_view_only_group_gives_no_notes(client, stem_reader, apps):
    client.force_login(stem_reader)
    assert denied(client.post(reverse("application_note", args=[apps["b1"].pk]), {"text": "Called"}))
    assert not ApplicationNote.objects.exists()


@pytest.mark.parametrize("spreadsheet_format", ["csv", "xlsx"])
def test_view_only_group_gives_no_export_of_its_programme(client, stem_reader, spreadsheet_format):
    client.force_login(stem_reader)
    listing = client.get(LIST).content.decode()
    assert "STEM-0001" in listing
    assert "Exports hold only the applications of Come Back to Social Work." in listing
    content = exported(client, spreadsheet_format)
    assert "CBSW-0001" in content
    assert "STEM-0001" not in content and "Rosalind" not in content


def test_view_only_group_gives_no_delete(client, stem_reader, site, apps):
    client.force_login(stem_reader)
    client.post(f"{LIST}delete/{apps['b1'].pk}/")
    url = reverse("wagtailforms:delete_submissions", args=[site["form_b"].pk])
    client.post(f"{url}?selected-submissions={apps['b1'].pk}")
    assert Application.objects.filter(pk=apps["b1"].pk).exists()


def test_equality_answers_come_only_from_a_group_granting_them_on_the_programme(client, stem_reader, apps):
    client.force_login(stem_reader)
    assert "Secret-EQ-answer" in client.get(f"{LIST}inspect/{apps['a1'].pk}/").content.decode()
    stem = client.get(f"{LIST}inspect/{apps['b1'].pk}/").content.decode()
    assert "Secret-STEM-answer" not in stem and "Equality monitoring" not in stem


def test_exported_equality_answers_come_only_from_a_group_granting_them(
    client, django_user_model, site, apps
):
    """Exports STEM (group B) with equality answers granted on social work only (group A)."""
    equality = make_group("Social work equality", [site["a"]], ("view_application", "view_equality_data"))
    exporters = make_group("STEM exporters", [site["b"]], ("view_application", "export_application"))
    EqualityMonitoring.objects.create(application=apps["b1"], answers={"ethnicity": "Secret-STEM-answer"})
    client.force_login(make_user(django_user_model, "exporter", equality, exporters))
    content = exported(client)
    assert "STEM-0001" in content
    assert "Secret-STEM-answer" not in content and "Equality monitoring" not in content
    assert "CBSW-0001" not in content


def test_change_only_group_gives_no_listing_of_its_programme(client, stem_changer, site):
    client.force_login(stem_changer)
    assert listed(client.get(LIST)) == {"CBSW-0001", "CBSW-0002"}
    assert listed(client.get(LIST, {"programme": site["b"].pk, "q": "STEM"})) == set()
    listing = client.get(LIST).content.decode()
    assert "STEM ReCharge" not in listing
    assert "Export CSV" not in listing, "exporting STEM needs viewing it: nothing listed may be exported"


def test_change_only_group_gives_no_inspect_or_file_of_its_programme(client, stem_changer, apps):
    cv_a, cv_b = attach_cv(apps["a1"]), attach_cv(apps["b1"])
    client.force_login(stem_changer)
    assert client.get(f"{LIST}inspect/{apps['b1'].pk}/").status_code == 404
    assert client.get(reverse("application_file", args=[cv_b.pk])).status_code == 404
    assert download(client.get(reverse("application_file", args=[cv_a.pk])))[0].startswith("attachment")


def test_change_only_group_gives_no_dashboard_figures_of_its_programme(client, stem_changer):
    client.force_login(stem_changer)
    html = client.get("/admin/").content.decode()
    panel = html[html.index('id="programme-applications-section"') :]
    assert "Come Back to Social Work" in panel and "STEM ReCharge" not in panel


def test_change_only_group_gives_no_form_in_wagtails_forms_listing(stem_changer, site):
    for group in stem_changer.groups.all():
        GroupPagePermission.objects.create(group=group, page=site["a"].get_parent(), permission_type="change")
    pages = set(get_forms_for_user(stem_changer).values_list("pk", flat=True))
    assert site["form_a"].pk in pages and site["form_b"].pk not in pages

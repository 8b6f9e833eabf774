"""Reports → Site history shows entries about applications of the user's programmes only, in the
page and in its CSV and XLSX downloads (issue 8, finding 2)."""

import io
from importlib import import_module

import openpyxl
import pytest
from django.apps import apps as django_apps
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from forms.models import Application
from reviews.models import ApplicationLogEntry

pytestmark = pytest.mark.django_db

HISTORY = "/admin/reports/site-history/"


def act_on(client, user, application, to_status):
    """The user views the application and changes its status (two audit entries)."""
    client.force_login(user)
    assert client.get(f"/admin/applications/inspect/{application.pk}/").status_code == 200
    # Followed, so that the confirmation message is shown now and not on a later page.
    client.post(reverse("application_status", args=[application.pk]), {"to_status": to_status}, follow=True)


def body(response):
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def xlsx_text(data):
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    return " ".join(str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell)


@pytest.fixture
def history(client, reviewer_a, reviewer_b, apps):
    """Reviewer B works on STEM-0001, reviewer A on CBSW-0001; then A is logged in."""
    act_on(client, reviewer_b, apps["b1"], "eligible")
    act_on(client, reviewer_a, apps["a1"], "eligible")
    return client


def test_application_entries_are_kept_with_their_programme(history, site, apps):
    entries = ApplicationLogEntry.objects.filter(object_id=str(apps["b1"].pk))
    assert {entry.action for entry in entries} == {
        "application_forms.view",
        "application_forms.change_status",
    }
    assert {entry.programme_id for entry in entries} == {site["b"].pk}
    assert log_registry.get_log_model_for_model(Application) is ApplicationLogEntry


def test_a_reviewer_sees_their_programmes_entries_and_none_of_another(history):
    html = body(history.get(HISTORY)).decode()
    assert "CBSW-0001" in html and "Changed the status from Received to Eligible" in html
    assert "STEM-0001" not in html
    assert "reviewer-b" not in html  # nor, in the user filter, who acted on the other programme


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_the_downloads_hold_the_same_entries(history, export):
    data = body(history.get(HISTORY, {"export": export}))
    text = data.decode("utf-8-sig") if export == "csv" else xlsx_text(data)
    assert "CBSW-0001" in text and "reviewer-a" in text
    assert "STEM-0001" not in text and "reviewer-b" not in text


def test_entries_stay_with_their_programme_once_the_application_is_deleted(history, reviewer_a, apps):
    Application.objects.filter(pk=apps["b1"].pk).delete()
    Application.objects.filter(pk=apps["a1"].pk).delete()
    html = body(history.get(HISTORY)).decode()
    assert "CBSW-0001" in html and "STEM-0001" not in html


def test_a_superuser_sees_every_programme(history, admin_user):
    history.force_login(admin_user)
    html = body(history.get(HISTORY)).decode()
    assert "CBSW-0001" in html and "STEM-0001" in html


def test_a_user_without_the_view_permission_sees_no_application_entries(history, django_user_model, site):
    from .conftest import make_group, make_user

    outsider = make_user(django_user_model, "outsider", make_group("Programme only", [site["a"]], ()))
    history.force_login(outsider)
    html = body(history.get(HISTORY)).decode()
    assert "CBSW-0001" not in html and "STEM-0001" not in html


def test_the_application_history_view_lists_its_entries(history, apps):
    html = body(history.get(f"/admin/applications/history/{apps['a1'].pk}/")).decode()
    assert "Changed the status from Received to Eligible" in html and "Viewed the application" in html


def test_entries_logged_before_the_move_follow_their_programme(site, apps):
    """Migration 0002 moves Wagtail's generic entries about applications into the new table."""
    migration = import_module("reviews.migrations.0002_application_log_entries")
    content_type = ContentType.objects.get_for_model(Application)
    for application in (apps["a1"], apps["b1"]):
        ModelLogEntry.objects.create(
            content_type=content_type,
            object_id=str(application.pk),
            label=application.reference,
            action="application_forms.view",
            timestamp=timezone.now(),
        )
    migration.move_entries(django_apps, None)
    assert not ModelLogEntry.objects.filter(content_type=content_type).exists()
    moved = dict(ApplicationLogEntry.objects.values_list("label", "programme_id"))
    assert moved == {"CBSW-0001": site["a"].pk, "STEM-0001": site["b"].pk}

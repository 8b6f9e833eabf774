"""Audit log entries for each action, visible in the admin; CV downloads local and on S3."""

import importlib
import json
from urllib.parse import parse_qs, urlparse

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.urls import reverse
from wagtail.log_actions import registry as log_registry
from wagtail.models import PageLogEntry

from forms.models import Application, ApplicationFile

from .conftest import PDF_BYTES, attach_cv, download, make_user

pytestmark = pytest.mark.django_db


def entries(action, application=None):
    found = log_registry.get_log_model_for_model(Application).objects.filter(action=action)
    if application is not None:
        found = found.filter(object_id=str(application.pk))
    return found


def test_viewing_an_application_is_logged(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    client.get(f"/admin/applications/inspect/{apps['a1'].pk}/")
    entry = entries("application_forms.view", apps["a1"]).get()
    assert entry.user == reviewer_a


def test_a_refused_view_is_not_logged_as_a_view(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    client.get(f"/admin/applications/inspect/{apps['b1'].pk}/")
    assert not entries("application_forms.view").exists()


def test_changing_a_status_is_logged_with_from_and_to(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    client.post(reverse("application_status", args=[apps["a1"].pk]), {"to_status": "eligible"})
    entry = entries("application_forms.change_status", apps["a1"]).get()
    assert entry.user == reviewer_a
    assert (entry.data["from"], entry.data["to"]) == ("received", "eligible")
    assert entry.message == "Changed the status from Received to Eligible"


def test_bulk_status_change_logs_each_application(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    client.post(
        reverse("application_bulk_status"), {"ids": [apps["a1"].pk, apps["a2"].pk], "to_status": "withdrawn"}
    )
    assert entries("application_forms.change_status").count() == 2


def test_adding_a_note_is_logged(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    client.post(reverse("application_note", args=[apps["a1"].pk]), {"text": "Phoned"})
    assert entries("application_forms.add_note", apps["a1"]).get().user == reviewer_a


def test_exporting_is_logged_on_the_programme(client, reviewer_a, site, apps):
    client.force_login(reviewer_a)
    b"".join(
        client.get("/admin/applications/", {"export": "csv", "status__exact": "eligible"}).streaming_content
    )
    entry = PageLogEntry.objects.get(action="application_forms.export")
    assert entry.page_id == site["a"].pk and entry.user == reviewer_a
    assert entry.data["format"] == "csv" and entry.data["rows"] == 1
    assert entry.message == "Exported 1 applications as CSV"


def test_export_log_records_the_filters_but_never_the_search_text(client, reviewer_a, apps):
    """Issue 8, finding 4: the raw query string put searched names and emails in the audit log."""
    client.force_login(reviewer_a)
    params = {"export": "csv", "q": "grace@example.org", "status__exact": "eligible", "o": "2"}
    b"".join(client.get("/admin/applications/", params).streaming_content)
    entry = PageLogEntry.objects.get(action="application_forms.export")
    assert entry.data == {
        "format": "csv",
        "rows": 1,
        "filters": {"status__exact": "eligible", "search": "a search term"},
    }
    assert "grace" not in json.dumps(entry.data)


def test_earlier_export_entries_lose_their_search_text(site, reviewer_a):
    migration = importlib.import_module("reviews.migrations.0003_export_log_without_search_terms")
    entry = PageLogEntry.objects.log_action(
        site["a"],
        "application_forms.export",
        user=reviewer_a,
        data={"format": "xlsx", "rows": 3, "query": "q=someone%40example.org&status__exact=received"},
    )
    migration.forget_search_terms(django_apps, None)
    entry.refresh_from_db()
    assert entry.data == {
        "format": "xlsx",
        "rows": 3,
        "filters": {"status__exact": "received", "search": "a search term"},
    }


def test_downloading_a_cv_is_logged(client, reviewer_a, apps):
    cv = attach_cv(apps["a1"])
    client.force_login(reviewer_a)
    download(client.get(reverse("application_file", args=[cv.pk])))
    entry = entries("application_forms.download_file", apps["a1"]).get()
    assert entry.data == {"file": cv.pk} and entry.user == reviewer_a


def test_deleting_an_application_is_logged_and_removes_its_file(
    client, django_user_model, groups, apps, django_capture_on_commit_callbacks
):
    from django.contrib.auth.models import Permission

    groups["a"].permissions.add(Permission.objects.get(codename="delete_application"))
    cv = attach_cv(apps["a1"])
    stored = cv.file.name
    storage = cv.file.storage
    user = make_user(django_user_model, "deleter", groups["a"])
    client.force_login(user)
    url = f"/admin/applications/delete/{apps['a1'].pk}/"
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(url).status_code == 302
    assert not Application.objects.filter(pk=apps["a1"].pk).exists()
    assert not ApplicationFile.objects.filter(pk=cv.pk).exists()
    assert not storage.exists(stored)
    entry = entries("wagtail.delete", apps["a1"]).get()
    assert entry.user == user


def test_reviewer_without_delete_permission_cannot_delete(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    response = client.post(f"/admin/applications/delete/{apps['a1'].pk}/")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert Application.objects.filter(pk=apps["a1"].pk).exists()


def test_deleting_another_programmes_application_is_not_found(client, django_user_model, groups, apps):
    from django.contrib.auth.models import Permission

    groups["a"].permissions.add(Permission.objects.get(codename="delete_application"))
    client.force_login(make_user(django_user_model, "deleter", groups["a"]))
    assert client.post(f"/admin/applications/delete/{apps['b1'].pk}/").status_code == 404
    assert Application.objects.filter(pk=apps["b1"].pk).exists()


def test_audit_entries_are_visible_in_the_applications_history(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    client.get(f"/admin/applications/inspect/{apps['a1'].pk}/")
    client.post(reverse("application_status", args=[apps["a1"].pk]), {"to_status": "eligible"})
    html = client.get(f"/admin/applications/history/{apps['a1'].pk}/").content.decode()
    assert "Viewed the application" in html
    assert "Changed the status from Received to Eligible" in html


def test_audit_entries_are_visible_in_site_history(client, admin_user, apps):
    client.force_login(admin_user)
    client.get(f"/admin/applications/inspect/{apps['a1'].pk}/")
    html = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "Viewed the application" in html


def test_history_of_another_programmes_application_is_refused(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert client.get(f"/admin/applications/history/{apps['b1'].pk}/").status_code == 404


@pytest.mark.skipif(bool(settings.AWS_STORAGE_BUCKET_NAME), reason="local storage only")
def test_local_cv_is_streamed_as_an_attachment(client, reviewer_a, apps):
    cv = attach_cv(apps["a1"], original_name="Ada CV.pdf")
    client.force_login(reviewer_a)
    response = client.get(reverse("application_file", args=[cv.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="CBSW-0001-Ada_CV.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.s3
def test_s3_cv_redirects_to_a_signed_url_valid_five_minutes_at_most(client, reviewer_a, apps):
    import requests

    cv = attach_cv(apps["a1"], original_name="Ada CV.pdf")
    client.force_login(reviewer_a)
    response = client.get(reverse("application_file", args=[cv.pk]))
    assert response.status_code == 302
    url = response["Location"]
    query = parse_qs(urlparse(url).query)
    expires = int(query.get("X-Amz-Expires", query.get("Expires", ["0"]))[0])
    assert 0 < expires <= 300
    assert "attachment" in query["response-content-disposition"][0]
    fetched = requests.get(url, timeout=10)
    assert fetched.status_code == 200 and fetched.content == PDF_BYTES
    assert "CBSW-0001-Ada_CV.pdf" in fetched.headers["Content-Disposition"]
    unsigned = url.split("?")[0]
    assert requests.get(unsigned, timeout=10).status_code == 403

"""Uploads: recognised by content, size-limited, scanned when clamd is set, stored privately."""

import datetime as dt
import os
import socket

import pytest
import requests
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from forms.models import Application, ApplicationFile
from forms.storage import private_storage

from .conftest import EICAR, PDF_BYTES, PNG_BYTES, answers, apply, docx_bytes, odt_bytes, pdf

pytestmark = pytest.mark.django_db


def stored_objects():
    """The keys under applications/ in the private storage (local folder or S3)."""
    try:
        return set(private_storage().listdir("applications")[1])
    except FileNotFoundError:
        return set()


@pytest.mark.parametrize(
    "name,content",
    [
        ("cv.pdf", PDF_BYTES),
        ("CV.DOCX", docx_bytes()),
        ("cv.odt", odt_bytes()),
        ("cv.txt", "I worked as a social worker for 12 years – Leeds.\n".encode()),
        ("notes.txt", "I managed <10 staff, budgets > £1m and a team of 3<4.\n".encode()),
    ],
)
def test_allowed_kinds_are_accepted(client, form_page, name, content):
    response = apply(client, form_page, cv=pdf(name, content, "application/octet-stream"))
    assert response.status_code == 303
    assert Application.objects.get().files.get().original_name == name


@pytest.mark.parametrize(
    "upload,message",
    [
        (pdf("cv.pdf", PNG_BYTES, "application/pdf"), "must be a PDF, Word (DOCX), OpenDocument"),
        (
            pdf("cv.pdf", b"<!DOCTYPE html><html><script>alert(1)</script></html>", "application/pdf"),
            "must be",
        ),
        (pdf("cv.txt", b"<html><body onload=alert(1)></body></html>", "text/plain"), "must be"),
        (pdf("cv.pdf.exe", PDF_BYTES, "application/pdf"), "must be"),
        (pdf("cv.pdf", b"", "application/pdf"), "is empty"),
        (pdf("cv.docx", b"PK\x03\x04not really a zip", "application/octet-stream"), "must be"),
        (pdf("cv.txt", b"\x00\x01\x02binary", "text/plain"), "must be"),
        (pdf("cv.pdf", b"MZ\x90\x00\x03" + b"\x00" * 60, "application/pdf"), "must be"),
    ],
    ids=[
        "png-named-pdf",
        "html-as-pdf",
        "html-as-txt",
        "pdf-exe",
        "zero-bytes",
        "fake-zip",
        "binary-txt",
        "exe",
    ],
)
def test_spoofed_or_empty_files_get_a_clear_error_and_nothing_is_stored(client, form_page, upload, message):
    before = stored_objects()
    response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert '<a href="#id_your_cv">' in html
    assert ApplicationFile.objects.count() == 0
    assert stored_objects() == before
    assert Application.objects.count() == 0


TEXT = "I worked as a social worker for 12 years.\n" * 50  # past the first kilobyte


@pytest.mark.parametrize(
    "markup",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<SVG/onload=alert(1)>",
        "<!-- a comment --><p>hello</p>",
        "<!DOCTYPE html>",
        "<?xml version='1.0'?>",
    ],
)
def test_a_text_file_with_markup_anywhere_is_refused(client, form_page, markup):
    upload = pdf("cv.txt", (TEXT + markup + TEXT).encode(), "text/plain")
    response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": upload})
    assert "must be plain text, without HTML or other markup" in response.content.decode()
    assert ApplicationFile.objects.count() == 0


POLYGLOT = PDF_BYTES + b"<html><body><script>alert(document.domain)</script></body></html>\n"


@pytest.mark.s3
def test_s3_objects_carry_the_detected_type_and_download_as_attachments(client, form_page):
    apply(client, form_page, cv=pdf("cv.pdf", POLYGLOT, "text/html"))
    stored = ApplicationFile.objects.get()
    storage = private_storage()
    head = storage.bucket.Object(f"{storage.location}/{stored.file.name}")  # HEAD of the object
    assert head.content_type == "application/pdf"
    assert head.content_disposition == "attachment"
    assert requests.get(stored.file.url, timeout=10).headers["Content-Type"] == "application/pdf"


@override_settings(APPLICATION_UPLOAD_MAX_BYTES=1024 * 1024)
def test_files_over_the_size_limit_are_refused(client, form_page):
    big = PDF_BYTES + b"0" * (1024 * 1024)
    response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf("cv.pdf", big)})
    assert "must be smaller than 1 MB" in response.content.decode()
    assert ApplicationFile.objects.count() == 0


def test_files_are_stored_under_a_server_key_not_the_applicants_name(client, form_page):
    apply(client, form_page, cv=pdf("Amira Khan CV.pdf"))
    stored = ApplicationFile.objects.get()
    assert stored.file.name.startswith("applications/")
    assert "Amira" not in stored.file.name
    assert stored.content_type == "application/pdf"
    assert private_storage().open(stored.file.name).read() == PDF_BYTES


def test_private_files_are_not_served_by_the_site(settings, client, form_page):
    apply(client, form_page)
    key = ApplicationFile.objects.get().file.name
    for url in (f"/media/{key}", f"/media/private/{key}", f"/private-media/{key}", f"/{key}"):
        assert client.get(url).status_code == 404


@pytest.mark.s3
def test_s3_private_objects_need_a_signed_url(client, form_page):
    apply(client, form_page)
    stored = ApplicationFile.objects.get()
    signed = stored.file.url
    assert "Signature=" in signed or "X-Amz-Signature=" in signed
    unsigned = signed.split("?")[0]
    assert requests.get(unsigned, timeout=10).status_code == 403
    assert requests.get(signed, timeout=10).content == PDF_BYTES


def test_uploads_stay_unlinked_until_the_application_is_confirmed(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert ApplicationFile.objects.get().application is None


def test_orphaned_uploads_are_cleaned_after_the_grace_period(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    orphan = ApplicationFile.objects.get()
    key = orphan.file.name.split("/")[-1]
    apply(client, form_page)
    linked = Application.objects.get().files.get()
    ApplicationFile.objects.update(draft_active_at=timezone.now() - dt.timedelta(days=3))
    call_command("clean_application_uploads", "--hours", "48", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert list(ApplicationFile.objects.all()) == [linked]
    assert key not in stored_objects()


def closed_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def s3_down_storages(settings):
    from botocore.config import Config

    storages = dict(settings.STORAGES)
    storages["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "rtw-down",
            "endpoint_url": f"http://127.0.0.1:{closed_port()}",
            "access_key": "testing",
            "secret_key": "testing",
            "location": "private",
            "default_acl": "private",
            "client_config": Config(retries={"max_attempts": 1}, connect_timeout=1, read_timeout=1),
        },
    }
    return storages


def test_s3_down_shows_try_again_keeping_answers_with_no_row_and_no_object(settings, client, form_page):
    before = stored_objects()
    with override_settings(STORAGES=s3_down_storages(settings)):
        response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert response.status_code == 503
    html = response.content.decode()
    assert "try again" in html
    assert 'value="Amira Khan"' in html
    assert Application.objects.count() == 0
    assert stored_objects() == before
    # The attempt's row (written before the object) stays unlinked until the clean-up.
    assert not ApplicationFile.objects.filter(application__isnull=False).exists()
    call_command("clean_application_uploads", "--hours", "0", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert ApplicationFile.objects.count() == 0
    # The storage is back: the applicant selects the file again and carries on.
    assert apply(client, form_page).status_code == 303


def clamd_port():
    """The test clamd's port; when it is down, fail under make test (which starts it), else skip."""
    port = int(os.environ.get("CLAMD_TEST_PORT", "3399"))
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        reason = f"clamd is not running on 127.0.0.1:{port} (scripts/services.sh ensure_clamd)"
        if os.environ.get("CLAMD_REQUIRED") == "1":
            pytest.fail(f"{reason}, and CLAMD_REQUIRED=1 says it must be")
        pytest.skip(reason)
    return port


def test_clamd_refuses_the_eicar_test_file(client, form_page):
    with override_settings(CLAMD_HOST="127.0.0.1", CLAMD_PORT=clamd_port()):
        response = client.post(
            form_page.url + "step-1/", {**answers(), "your_cv": pdf("cv.txt", EICAR, "text/plain")}
        )
    assert "contains a virus" in response.content.decode()
    assert ApplicationFile.objects.count() == 0


def test_clamd_passes_a_clean_file(client, form_page):
    with override_settings(CLAMD_HOST="127.0.0.1", CLAMD_PORT=clamd_port()):
        assert apply(client, form_page).status_code == 303


@override_settings(CLAMD_HOST="127.0.0.1")
def test_clamd_configured_but_down_refuses_the_upload(client, form_page):
    with override_settings(CLAMD_PORT=closed_port()):
        response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert "could not be checked for viruses" in response.content.decode()
    assert ApplicationFile.objects.count() == 0


def test_an_upload_cleaned_before_confirming_is_asked_for_again(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    token = client.get(form_page.url + "check/").context["draft_token"]
    ApplicationFile.objects.all().delete()
    response = client.post(form_page.url + "check/", {"token": token})
    assert response["Location"] == form_page.url + "step-1/"
    html = client.get(response["Location"]).content.decode()
    assert 'type="file" name="your_cv"' in html and "You uploaded" not in html
    assert client.get(form_page.url + "check/")["Location"] == form_page.url + "step-1/"
    assert Application.objects.count() == 0


class KeptButReportedFailed:
    """Private storage as an S3 outage can leave it: the object lands, its answer is lost, deletes fail."""

    def __init__(self, storage):
        self.storage = storage

    def save(self, name, content):
        self.storage.save(name, content)
        raise ConnectionError("the answer to the upload was lost")

    def delete(self, name):
        raise ConnectionError("S3 unreachable")

    def delete_many(self, names):
        raise ConnectionError("S3 unreachable")

    def __getattr__(self, name):
        return getattr(self.storage, name)


def test_an_upload_stored_while_reported_failed_keeps_its_row_until_the_clean_up_deletes_both(
    client, form_page, monkeypatch
):
    from forms import retention, uploads

    before = stored_objects()
    failing = KeptButReportedFailed(private_storage())
    monkeypatch.setattr(uploads, "private_storage", lambda: failing)
    monkeypatch.setattr(retention, "private_storage", lambda: failing)
    response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert response.status_code == 503
    assert "try again" in response.content.decode()
    left = {f"applications/{name}" for name in stored_objects() - before}
    assert left  # the storage kept it and could not delete it
    assert set(ApplicationFile.objects.values_list("file", flat=True)) == left
    monkeypatch.undo()
    call_command("clean_application_uploads", "--hours", "0", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert not stored_objects() - before
    assert not ApplicationFile.objects.exists()


def test_the_clean_up_deletes_stored_files_no_row_points_at_once_as_old_as_a_draft(client, form_page):
    from django.core.files.base import ContentFile

    apply(client, form_page)
    linked = ApplicationFile.objects.get().file.name.split("/")[-1]
    orphan = private_storage().save("applications/orphan-cv.pdf", ContentFile(PDF_BYTES)).split("/")[-1]
    call_command("clean_application_uploads", "--hours", "48", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert {linked, orphan} <= stored_objects()  # too recent: it may be an upload being saved
    call_command("clean_application_uploads", "--hours", "0", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert orphan not in stored_objects()
    assert linked in stored_objects()
    assert Application.objects.get().files.get().file.name.endswith(linked)

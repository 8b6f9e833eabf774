"""Script and markup in every applicant field and file name stay text everywhere we show them."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from forms.models import EqualityMonitoring

from .conftest import attach_cv, download, make_application

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"


@pytest.fixture
def hostile(site):
    application = make_application(
        site["form_a"],
        site["a"],
        name=SCRIPT,
        email=f"{SCRIPT}@example.org",
        why=SCRIPT,
        reference="CBSW-0666",
        extra={"your_cv": SCRIPT, SCRIPT: SCRIPT},
    )
    EqualityMonitoring.objects.create(application=application, answers={SCRIPT: SCRIPT})
    attach_cv(application, original_name=f'{SCRIPT}"; filename="evil.exe.pdf')
    return application


def assert_escaped(html):
    assert SCRIPT not in html
    assert "<script>alert" not in html and "<img src=x" not in html
    assert ESCAPED in html


def test_listing_escapes_applicant_fields(client, reviewer_a, hostile):
    client.force_login(reviewer_a)
    assert_escaped(client.get("/admin/applications/").content.decode())
    assert_escaped(client.get("/admin/applications/", {"q": SCRIPT[:20]}).content.decode())


def test_inspect_view_escapes_answers_keys_equality_and_file_names(client, reviewer_a, groups, hostile):
    groups["a"].permissions.add(Permission.objects.get(codename="view_equality_data"))
    client.force_login(reviewer_a)
    html = client.get(f"/admin/applications/inspect/{hostile.pk}/").content.decode()
    assert_escaped(html)
    assert html.count(ESCAPED) >= 6  # name, answers, unknown key and value, equality, file name


def test_messages_escape_applicant_data(client, reviewer_a, hostile, site):
    from forms.models import Application

    Application.objects.filter(pk=hostile.pk).update(reference="<b>R1</b>")
    client.force_login(reviewer_a)
    response = client.post(
        reverse("application_status", args=[hostile.pk]), {"to_status": "placed"}, follow=True
    )
    html = response.content.decode()
    assert "<b>R1</b>" not in html and "&lt;b&gt;R1&lt;/b&gt; cannot move" in html
    response = client.post(
        reverse("application_bulk_status"),
        {"ids": [hostile.pk], "to_status": "eligible", "next": "/admin/applications/"},
        follow=True,
    )
    html = response.content.decode()
    assert "<b>R1</b>" not in html and "&lt;b&gt;R1&lt;/b&gt;" in html


def test_email_preview_escapes_applicant_data(client, reviewer_a, hostile):
    client.force_login(reviewer_a)
    html = client.post(
        reverse("application_status", args=[hostile.pk]),
        {"to_status": "eligible", "send_email": "1", "expected_status": "received", "note": SCRIPT},
    ).content.decode()
    assert_escaped(html)


def test_export_keeps_markup_as_plain_text(client, reviewer_a, hostile):
    client.force_login(reviewer_a)
    text = b"".join(client.get("/admin/applications/", {"export": "csv"}).streaming_content).decode()
    assert SCRIPT.replace('"', '""') in text  # CSV-quoted, not interpreted: a spreadsheet shows the text


def test_downloaded_file_name_is_made_safe(client, reviewer_a, hostile):
    client.force_login(reviewer_a)
    cv = hostile.files.get()
    disposition, body = download(client.get(reverse("application_file", args=[cv.pk])))
    match = re.fullmatch(r'attachment; filename="([^"]+)"', disposition)
    assert match, disposition
    assert re.fullmatch(r"CBSW-0666-[A-Za-z0-9._-]+", match.group(1))
    assert body is None or body.startswith(b"%PDF")

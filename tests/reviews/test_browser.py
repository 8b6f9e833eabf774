"""A reviewer in Debian's Chromium: logs in, filters, opens an application, moves it on, downloads the CV."""

import re

import pytest
from django.contrib.auth.models import Permission

from forms.models import Application
from reviews.models import StatusChange
from tests.conftest import axe_violations

from .conftest import PDF_BYTES, attach_cv, build_site, make_application, make_group, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "pass-word-123"
# Wagtail's own admin chrome (sidebar, header) is not ours to fix: axe runs on our content.
OUR_CONTENT = "main"


@pytest.fixture
def reviewer_setup(live_server, live_home_page, django_user_model):
    site = build_site(live_home_page)
    group = make_group("Come Back to Social Work reviewers", [site["a"]])
    make_group("STEM ReCharge reviewers", [site["b"]])
    reviewer = make_user(django_user_model, "reviewer", group)
    first = make_application(
        site["form_a"], site["a"], name="Ada Lovelace", reference="CBSW-0001", status="eligible"
    )
    make_application(site["form_a"], site["a"], name="Grace Hopper", reference="CBSW-0002")
    make_application(
        site["form_b"], site["b"], name="Rosalind Franklin", reference="STEM-0001", status="eligible"
    )
    attach_cv(first, original_name="Ada CV.pdf")
    assert Permission.objects.filter(codename="view_application").exists()
    return {"url": live_server.url, "reviewer": reviewer, "first": first}


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_reviewer_filters_opens_moves_on_and_downloads(browser_page, reviewer_setup):
    page, base = browser_page, reviewer_setup["url"]
    log_in(page, base)
    assert page.locator("#programme-applications-section").is_visible()
    assert axe_violations(page, "#programme-applications-section") == []

    page.goto(base + "/admin/applications/")
    rows = page.locator(".result-list tbody tr")
    assert rows.count() == 2
    assert "STEM-0001" not in page.content()
    assert axe_violations(page, OUR_CONTENT) == []

    page.select_option("#id_filter_status__exact", "eligible")
    page.get_by_role("button", name="Search and filter").click()
    page.wait_for_url(re.compile(r".*status__exact=eligible.*"))
    assert page.locator(".result-list tbody tr").count() == 1

    page.get_by_role("link", name="CBSW-0001").click()
    page.wait_for_url(re.compile(r".*/admin/applications/inspect/\d+/$"))
    assert page.get_by_text("To code again").is_visible()
    assert axe_violations(page, OUR_CONTENT) == []

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download Ada CV.pdf")).click()
    download = download_info.value
    assert download.suggested_filename == "CBSW-0001-Ada_CV.pdf"
    with open(download.path(), "rb") as saved:
        assert saved.read() == PDF_BYTES

    page.get_by_label("Shortlisted").check()
    page.fill("#status-note", "Strong CV")
    page.get_by_role("button", name="Change status").click()
    page.wait_for_load_state()
    assert page.locator("#application-status").inner_text() == "Shortlisted"
    assert page.get_by_text("CBSW-0001 is now Shortlisted.").is_visible()
    page.wait_for_timeout(1500)
    assert axe_violations(page, OUR_CONTENT) == []

    application = Application.objects.get(pk=reviewer_setup["first"].pk)
    assert application.status == "shortlisted"
    assert StatusChange.objects.get().note == "Strong CV"

    page.goto(base + "/admin/applications/?status__exact=shortlisted")
    with page.expect_download() as export_info:
        page.get_by_role("link", name="Export CSV").click()
    with open(export_info.value.path(), encoding="utf-8-sig") as exported:
        lines = exported.read().splitlines()
    assert len(lines) == 2 and lines[1].startswith("CBSW-0001,")


def test_status_email_preview_is_accessible_and_sends_after_confirming(browser_page, reviewer_setup):
    from django.core import mail

    page, base = browser_page, reviewer_setup["url"]
    log_in(page, base)
    page.goto(base + f"/admin/applications/inspect/{reviewer_setup['first'].pk}/")
    page.get_by_label("Shortlisted").check()
    page.get_by_label(re.compile("Email the applicant")).check()
    page.get_by_role("button", name="Change status").click()
    page.wait_for_load_state()
    assert page.locator("#email-subject").inner_text() == "Your application CBSW-0001: Shortlisted"
    assert axe_violations(page, OUR_CONTENT) == []
    assert Application.objects.get(pk=reviewer_setup["first"].pk).status == "eligible"
    page.get_by_role("button", name="Send the email and change the status").click()
    page.wait_for_load_state()
    assert page.locator("#application-status").inner_text() == "Shortlisted"
    assert [message.subject for message in mail.outbox] == ["Your application CBSW-0001: Shortlisted"]


def test_deleting_a_forms_submissions_is_accessible_and_scoped(
    browser_page, reviewer_setup, django_user_model
):
    from django.contrib.auth.models import Group

    group = Group.objects.get(name="Come Back to Social Work reviewers")
    group.permissions.add(Permission.objects.get(codename="delete_application"))
    page, base = browser_page, reviewer_setup["url"]
    first = reviewer_setup["first"]
    other = Application.objects.get(reference="STEM-0001")
    log_in(page, base)
    page.goto(
        f"{base}/admin/forms/submissions/{first.page_id}/delete/?selected-submissions={first.pk}"
        f"&selected-submissions={other.pk}"
    )
    assert page.get_by_text("CBSW-0001").is_visible()
    assert "STEM-0001" not in page.content()
    assert axe_violations(page, OUR_CONTENT) == []
    page.get_by_role("button", name="Yes, delete").click()
    page.wait_for_url(re.compile(r".*/admin/applications/\?form=\d+$"))
    assert not Application.objects.filter(pk=first.pk).exists()
    assert Application.objects.filter(pk=other.pk).exists()

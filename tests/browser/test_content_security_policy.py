"""Debian's Chromium reports no Content-Security-Policy violation on any public page type,
through every state of an application, and the admin still works under its own policy."""

import datetime as dt
import re

import pytest
from django.utils import timezone

from home.models import HomePage, StandardPage
from tests.microsite.csp import video_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

APPLY = "/programmes/come-back-to-social-work/apply/"
PAGES = {
    "home": "/",
    "programme index": "/programmes/",
    "programme": "/programmes/come-back-to-social-work/",
    "council information": "/programmes/come-back-to-social-work/information-for-councils/",
    "article": "/programmes/come-back-to-social-work/return-to-social-work-after-caring/",
    "standard": "/about/",
    "standard with a video": "/watch/",
    "search": "/search/?query=social+work",
    "not found": "/no-such-page/",
    "form open": APPLY,
    "form upcoming": "/programmes/return-to-work-ict/apply/",
    "form closed": "/programmes/stem-recharge/apply/",
}
# Records every violation, enforced or reported, before any of the page's own scripts run.
RECORD = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push(
        `${event.disposition} ${event.effectiveDirective} ${event.blockedURI} `
        + `at ${event.sourceFile}:${event.lineNumber}`
    );
});
"""
STUB_PLAYER = "<!doctype html><title>Video player</title><p>A stand-in for YouTube's player.</p>"


@pytest.fixture
def site_url(live_server, live_demo):
    video_page(HomePage.objects.get(pk=live_demo))
    return live_server.url


@pytest.fixture
def page(browser):
    """A tab recording violations; YouTube's player is answered here, never fetched."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD)
    context.route(
        re.compile(r"https://www\.youtube\.com/.*"),
        lambda route: route.fulfill(status=200, content_type="text/html", body=STUB_PLAYER),
    )
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def violations(page, disposition=""):
    page.wait_for_load_state("load")
    return [line for line in page.evaluate("window.cspViolations") if line.startswith(disposition)]


def test_public_pages_break_no_rule_of_the_policy(page, site_url):
    found = {}
    for name, path in PAGES.items():
        response = page.goto(site_url + path)
        assert "content-security-policy" in response.headers, name
        if recorded := violations(page):
            found[name] = recorded
    assert found == {}
    page.goto(site_url + PAGES["standard with a video"])
    player = page.frame_locator("figure.video iframe")
    assert player.get_by_text("A stand-in for YouTube's player").is_visible()


def continue_to(page, url):
    with page.expect_navigation(url=url):
        page.get_by_role("button", name="Continue").click()
    assert violations(page) == []


def test_every_step_of_an_application_breaks_no_rule_and_the_error_script_still_runs(page, site_url):
    page.goto(site_url + APPLY)
    assert violations(page) == []
    with page.expect_navigation(url="**/eligibility/"):
        page.get_by_role("button", name="Start now").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Continue").click()
    assert page.title().startswith("Error: ")
    # The inline script (allowed by its nonce) moved the focus to the error summary.
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert violations(page) == []

    page.check("#id_are_you_a_qualified_social_worker_0")
    three_years_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    for part, value in zip(
        ("day", "month", "year"), three_years_ago.strftime("%d/%m/%Y").split("/"), strict=True
    ):
        page.fill(f"[name=when_did_you_last_practise_as_a_social_worker_{part}]", value)
    page.check("#id_do_you_have_the_right_to_work_in_the_uk_0")
    continue_to(page, "**/step-1/")
    page.fill("#id_full_name", "Amira Khan")
    page.fill("#id_email_address", "amira@example.org")
    page.fill("#id_postcode", "LS1 1UR")
    continue_to(page, "**/step-2/")
    page.fill("#id_why_do_you_want_to_return", "I am ready to come back.")  # the live word count runs
    page.set_input_files(
        "#id_your_cv",
        files=[{"name": "cv.txt", "mimeType": "text/plain", "buffer": b"Amira Khan, social worker."}],
    )
    continue_to(page, "**/step-3/")
    page.check("#id_privacy_consent")
    continue_to(page, "**/check/")
    with page.expect_navigation(url="**/confirmation/"):
        page.get_by_role("button", name="Accept and send").click()
    assert page.locator(".reference").inner_text()
    assert violations(page) == []


def test_admin_still_edits_and_publishes_a_page_under_its_policy(page, site_url, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", "a-long-test-password-42")
    page.goto(site_url + "/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", "a-long-test-password-42")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    assert violations(page, "enforce") == []
    about = StandardPage.objects.get(slug="about")
    page.goto(f"{site_url}/admin/pages/{about.pk}/edit/")
    assert violations(page, "enforce") == []
    assert violations(page, "report")  # Wagtail's inline scripts, reported but allowed to run
    page.fill("#id_title", "About this site")
    page.get_by_role("button", name="More actions").click()
    page.locator("button[name=action-publish]").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    assert violations(page, "enforce") == []
    about.refresh_from_db()
    assert about.live and about.title == "About this site"

"""Your applications in Debian's Chromium with axe-core: sign in, the list, one application, forms."""

import re

import pytest
from django.core import mail

from demo.loader import load
from tests.conftest import axe_violations

from .conftest import link_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
DEMO_APPLICANT = "catrin.jones@example.org"  # a shortlisted demo application, with a CV


@pytest.fixture
def site_url(live_server, live_home_page):
    load()
    mail.outbox = []
    return live_server.url


def sign_in(page, site_url):
    page.goto(site_url + "/your-applications/")
    page.fill("#id_email", DEMO_APPLICANT)
    with page.expect_navigation(url="**/check-your-email/"):
        page.click("main button[type=submit]")
    page.goto(site_url + link_in(mail.outbox[-1]))


def test_sign_in_pages_have_no_axe_violations_and_errors_take_the_focus(browser_page, site_url):
    page = browser_page
    page.goto(site_url + "/your-applications/")
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert axe_violations(page) == []
    page.fill("#id_email", DEMO_APPLICANT)
    with page.expect_navigation(url="**/check-your-email/"):
        page.click("main button[type=submit]")
    assert page.locator("h1").inner_text() == "Check your email"
    assert axe_violations(page) == []
    page.goto(site_url + "/your-applications/sign-in/not-a-token/")
    assert page.locator("h1").inner_text() == "This link does not work"
    assert axe_violations(page) == []


def test_signed_in_pages_have_no_axe_violations(browser_page, site_url):
    page = browser_page
    sign_in(page, site_url)
    assert page.locator("h1").inner_text() == "Your applications"
    assert "We would like to invite you to an interview" in page.content()
    assert axe_violations(page) == []

    page.click("text=Come Back to Social Work")
    assert page.locator(".caption").inner_text().startswith("Application CBSW-")
    assert axe_violations(page) == []

    page.click("text=Withdraw this application")
    assert page.locator("h1").inner_text().startswith("Are you sure")
    assert axe_violations(page) == []

    page.goto(site_url + "/your-applications/change-phone/")
    page.fill("#id_phone", "not a number")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.title().startswith("Error: ")
    assert axe_violations(page) == []
    page.goto(site_url + "/your-applications/change-email/")
    assert axe_violations(page) == []


def test_applicant_page_fits_a_phone_screen(browser_page, site_url):
    page = browser_page
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, site_url)
    page.click("text=Come Back to Social Work")
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0


def test_plan_page_has_no_axe_violations_saves_by_keyboard_and_prints_without_forms(browser_page, site_url):
    from forms.models import ApplicationFormPage, PlanTemplateItem

    form = ApplicationFormPage.objects.get(slug="apply", title__contains="Social Work")
    if not PlanTemplateItem.objects.filter(page=form).exists():
        PlanTemplateItem.objects.create(page=form, title="ReFresh week", guidance="A week of refreshers.")
    page = browser_page
    sign_in(page, site_url)
    page.get_by_role("link", name="Your development plan for Come Back to Social Work").click()
    assert page.locator("h1").inner_text() == "Your personal development plan"
    assert axe_violations(page) == []

    first = page.locator(".plan-item").first
    first.locator("input[value=doing]").check()
    first.locator("textarea").fill("Booked for May.")
    first.locator("textarea").press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the item's Save button, reached by keyboard
    assert "Saved:" in page.locator(".notification-banner").inner_text()
    assert axe_violations(page) == []

    first = page.locator(".plan-item").first
    first.locator("textarea").evaluate("textarea => textarea.removeAttribute('maxlength')")
    first.locator("textarea").fill("x" * 2001)
    with page.expect_navigation():
        first.locator("button").click()
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert axe_violations(page) == []

    page.emulate_media(media="print")
    assert not page.locator(".plan-item form").first.is_visible()
    assert not page.locator(".site-header").is_visible()
    assert page.locator(".plan-item .print-only").first.is_visible()


def test_talent_pool_pages_have_no_axe_violations(browser_page, site_url):
    from forms.models import ApplicationFormPage, PoolProfile

    ApplicationFormPage.objects.filter(slug="apply").update(offer_talent_pool=True)
    # The demo put this applicant in the pool; here she has not joined it yet.
    PoolProfile.objects.filter(application__applicant_email=DEMO_APPLICANT).delete()
    # The form's own pool question (on its last step) is checked with axe by the step-by-step
    # browser tests in tests/forms/test_browser.py, and unticked by tests/forms/applicants/test_pool.py.
    page = browser_page
    sign_in(page, site_url)
    page.get_by_role("link", name=re.compile(r"^Come Back to Social Work\W+application")).click()
    page.click("text=Join the talent pool")
    assert page.locator("h1").inner_text() == "Join the talent pool"
    assert axe_violations(page) == []
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    assert axe_violations(page) == []

    page.check("text=London")
    page.fill("#id_skills_summary", "Child protection and court work.")
    page.check("#id_consent")
    with page.expect_navigation():
        page.click("main button[type=submit]")
    assert "You have joined the talent pool." in page.content()
    assert axe_violations(page) == []
    page.click("text=Leave the talent pool")
    assert axe_violations(page) == []

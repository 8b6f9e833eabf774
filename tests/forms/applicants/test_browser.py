"""Your applications in Debian's Chromium with axe-core: sign in, the list, one application, forms."""

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

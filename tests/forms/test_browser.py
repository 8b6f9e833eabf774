"""An application in Debian's Chromium, by keyboard only, with axe-core on every step."""

import datetime as dt

import pytest
from django.utils import timezone

from forms.models import Application
from tests.conftest import axe_violations, load_demo

from .conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
APPLY = "/programmes/come-back-to-social-work/apply/"
CLOSED = "/programmes/stem-recharge/apply/"


@pytest.fixture
def site_url(live_server, live_home_page):
    load_demo()
    Application.objects.all().delete()  # the demo's own applications; count only the test's
    return live_server.url


def focused(page, attribute="name"):
    return page.evaluate(f"document.activeElement.getAttribute('{attribute}')")


def tab_to(page, name, limit=120):
    """Presses Tab until the element named ``name`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(page) == name:
            return
    raise AssertionError(f"Tab never reached {name}")


def tab_to_button(page, text, limit=120):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.tagName") == "BUTTON" and text in page.evaluate(
            "document.activeElement.textContent"
        ):
            return
    raise AssertionError(f"Tab never reached the {text} button")


def type_into(page, name, text):
    tab_to(page, name)
    page.keyboard.type(text)


def test_applicant_completes_an_application_by_keyboard_with_no_axe_violations(
    browser_page, site_url, tmp_path
):
    page = browser_page
    page.goto(site_url + APPLY)
    assert axe_violations(page) == []

    # Sending the empty form: the error summary gets the focus.
    tab_to_button(page, "Continue")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.title().startswith("Error: ")
    assert focused(page, "data-error-summary") is not None
    assert page.locator(".error-summary a").count() >= 6
    assert axe_violations(page) == []

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_full_name"
    page.evaluate("document.activeElement.blur()")

    type_into(page, "full_name", "Amira Khan")
    type_into(page, "email_address", "amira@example.org")
    type_into(page, "postcode", "LS1 1UR")
    tab_to(page, "are_you_a_qualified_social_worker")
    page.keyboard.press("Space")
    three_years_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    type_into(page, "when_did_you_last_practise_as_a_social_worker", three_years_ago.strftime("%d/%m/%Y"))
    tab_to(page, "do_you_have_the_right_to_work_in_the_uk")
    page.keyboard.press("Space")
    type_into(page, "why_do_you_want_to_return", "I miss the work and I am ready to come back.")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)
    tab_to(page, "your_cv")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(cv))
    tab_to(page, "what_is_your_age")
    page.keyboard.press("ArrowDown")
    tab_to(page, "privacy_consent")
    page.keyboard.press("Space")
    tab_to_button(page, "Continue")
    with page.expect_navigation(url="**/check/"):
        page.keyboard.press("Enter")

    assert page.locator("h1").inner_text().startswith("Check your answers")
    assert "Amira Khan" in page.content()
    assert axe_violations(page) == []
    tab_to_button(page, "Accept and send")
    with page.expect_navigation(url="**/confirmation/"):
        page.keyboard.press("Enter")

    reference = Application.objects.get().reference
    assert page.locator(".reference").inner_text() == reference
    assert axe_violations(page) == []


def test_closed_form_has_no_axe_violations(browser_page, site_url):
    browser_page.goto(site_url + CLOSED)
    assert "Applications closed" in browser_page.content()
    assert axe_violations(browser_page) == []


def test_not_eligible_page_has_no_axe_violations(browser_page, site_url):
    page = browser_page
    page.goto(site_url + APPLY)
    page.fill("#id_full_name", "Amira Khan")
    page.fill("#id_email_address", "amira@example.org")
    page.fill("#id_postcode", "LS1 1UR")
    page.check("#id_are_you_a_qualified_social_worker_1")
    page.fill("#id_when_did_you_last_practise_as_a_social_worker", "01/01/2001")
    page.check("#id_do_you_have_the_right_to_work_in_the_uk_0")
    page.fill("#id_why_do_you_want_to_return", "Ready")
    page.set_input_files(
        "#id_your_cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )
    page.check("#id_privacy_consent")
    with page.expect_navigation():
        page.click(".application-form button[type=submit]")
    assert "You cannot apply" in page.content()
    assert axe_violations(page) == []

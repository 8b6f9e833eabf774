"""An application in Debian's Chromium, by keyboard only, with axe-core on every state: start page,
each step and its errors, check, save and return, not eligible, duplicate, confirmation."""

import datetime as dt

import pytest
from django.utils import timezone

from forms.models import Application
from tests.conftest import axe_violations

from .conftest import PDF_BYTES

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
APPLY = "/programmes/come-back-to-social-work/apply/"
CLOSED = "/programmes/stem-recharge/apply/"


@pytest.fixture
def site_url(live_server, live_demo):
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


def press_enter_and_wait(page, url=None):
    with page.expect_navigation(url=url) if url else page.expect_navigation():
        page.keyboard.press("Enter")


def send_empty_step_and_check_errors(page):
    """Continue with nothing answered: the error summary, focused, and no axe violations."""
    tab_to_button(page, "Continue")
    press_enter_and_wait(page)
    assert page.title().startswith("Error: ")
    assert focused(page, "data-error-summary") is not None
    assert axe_violations(page) == []
    page.evaluate("document.activeElement.blur()")


def three_years_ago():
    return (timezone.localdate() - dt.timedelta(days=3 * 365)).strftime("%d/%m/%Y")


def test_applicant_completes_an_application_by_keyboard_with_no_axe_violations(
    browser_page, site_url, tmp_path
):
    page = browser_page
    page.goto(site_url + APPLY)
    assert "Start now" in page.content()
    assert axe_violations(page) == []  # the start page
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip() == "Start now":
            break
    press_enter_and_wait(page, "**/eligibility/")

    # Step 1: the eligibility questions alone.
    assert page.locator("h1").inner_text() == "Check you can apply"
    assert axe_violations(page) == []
    send_empty_step_and_check_errors(page)
    tab_to(page, "are_you_a_qualified_social_worker")
    page.keyboard.press("Space")
    for part, value in zip(("day", "month", "year"), three_years_ago().split("/"), strict=True):
        type_into(page, f"when_did_you_last_practise_as_a_social_worker_{part}", value)
    tab_to(page, "do_you_have_the_right_to_work_in_the_uk")
    page.keyboard.press("Space")
    tab_to_button(page, "Continue")
    press_enter_and_wait(page, "**/step-1/")

    # Step 2: your details.
    assert axe_violations(page) == []
    send_empty_step_and_check_errors(page)
    type_into(page, "full_name", "Amira Khan")
    type_into(page, "email_address", "amira@example.org")
    type_into(page, "postcode", "LS1 1UR")
    tab_to_button(page, "Continue")
    press_enter_and_wait(page, "**/step-2/")

    # Step 3: your experience, with the CV.
    assert axe_violations(page) == []
    send_empty_step_and_check_errors(page)
    type_into(page, "why_do_you_want_to_return", "I miss the work and I am ready to come back.")
    cv = tmp_path / "cv.pdf"
    cv.write_bytes(PDF_BYTES)
    tab_to(page, "your_cv")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(cv))
    tab_to_button(page, "Continue")
    press_enter_and_wait(page, "**/step-3/")

    # Step 4: about you, equality monitoring, the talent pool (asked, never ticked for them) and consent.
    assert page.locator("#talent-pool-heading").is_visible()
    assert not page.locator("#id_talent_pool").is_checked()
    assert axe_violations(page) == []
    send_empty_step_and_check_errors(page)
    tab_to(page, "what_is_your_age")
    page.keyboard.press("ArrowDown")
    tab_to(page, "privacy_consent")
    page.keyboard.press("Space")
    tab_to_button(page, "Continue")
    press_enter_and_wait(page, "**/check/")

    assert page.locator("h1").inner_text().startswith("Check your answers")
    assert "Amira Khan" in page.content() and "cv.pdf" in page.content()
    assert axe_violations(page) == []
    tab_to_button(page, "Accept and send")
    press_enter_and_wait(page, "**/confirmation/")

    reference = Application.objects.get().reference
    assert page.locator(".reference").inner_text() == reference
    assert axe_violations(page) == []


def test_closed_form_has_no_axe_violations(browser_page, site_url):
    browser_page.goto(site_url + CLOSED)
    assert "Applications closed" in browser_page.content()
    assert axe_violations(browser_page) == []


def answer_eligibility(page, last_practised):
    page.check("#id_are_you_a_qualified_social_worker_0")
    for part, value in zip(("day", "month", "year"), last_practised.split("/"), strict=True):
        page.fill(f"#id_when_did_you_last_practise_as_a_social_worker_{part}", value)
    page.check("#id_do_you_have_the_right_to_work_in_the_uk_0")
    with page.expect_navigation():
        page.click("text=Continue")


def test_not_eligible_page_has_no_axe_violations_and_asks_for_no_upload(browser_page, site_url):
    page = browser_page
    page.goto(site_url + APPLY + "eligibility/")
    assert page.locator("input[type=file]").count() == 0
    answer_eligibility(page, "01/01/2001")
    assert "You cannot apply" in page.content()
    assert "news" in page.locator("a", has_text="Read news from").get_attribute("href")
    assert axe_violations(page) == []


def fill_to_cv_step(page, site_url):
    page.goto(site_url + APPLY + "eligibility/")
    answer_eligibility(page, three_years_ago())
    page.fill("#id_full_name", "Amira Khan")
    page.fill("#id_email_address", "amira@example.org")
    page.fill("#id_postcode", "LS1 1UR")
    with page.expect_navigation(url="**/step-2/"):
        page.click("text=Continue")
    page.fill("#id_why_do_you_want_to_return", "Ready")
    page.set_input_files(
        "#id_your_cv", files=[{"name": "cv.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}]
    )


def test_save_and_return_then_a_second_application_is_refused_with_no_axe_violations(
    browser, browser_page, site_url
):
    from django.core import mail

    page = browser_page
    fill_to_cv_step(page, site_url)
    with page.expect_navigation(url="**/save/"):
        page.click("text=Save and come back later")
    assert axe_violations(page) == []  # save: the email address
    with page.expect_navigation(url="**/saved/"):
        page.click("text=Send me the link")
    assert "Your answers have been saved" in page.content()
    assert axe_violations(page) == []  # saved
    link = mail.outbox[-1].body.split("resume/?link=")[1].split()[0]

    elsewhere = browser.new_context().new_page()
    elsewhere.goto(site_url + APPLY + "resume/?link=" + link)
    assert elsewhere.url.endswith("/step-3/")
    assert axe_violations(elsewhere) == []  # back from the link
    elsewhere.check("#id_privacy_consent")
    with elsewhere.expect_navigation(url="**/check/"):
        elsewhere.click("text=Continue")
    with elsewhere.expect_navigation(url="**/confirmation/"):
        elsewhere.click("text=Accept and send")
    assert Application.objects.count() == 1

    again = browser.new_context().new_page()
    fill_to_cv_step(again, site_url)
    with again.expect_navigation(url="**/step-3/"):
        again.click("text=Continue")
    again.check("#id_privacy_consent")
    with again.expect_navigation(url="**/check/"):
        again.click("text=Continue")
    assert "You have already applied with this email address" in again.content()
    assert again.locator("text=Accept and send").count() == 0
    assert axe_violations(again) == []  # duplicate
    assert Application.objects.count() == 1

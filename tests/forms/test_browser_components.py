"""GOV.UK components in Debian's Chromium: the date boxes with an error and the live word count, axe-clean."""

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations

from .test_browser import APPLY, site_url, three_years_ago  # noqa: F401 - site_url is a fixture

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LEFT = "#id_when_did_you_last_practise_as_a_social_worker"


def fill_date(page, day, month, year):
    for part, value in (("day", day), ("month", month), ("year", year)):
        page.fill(f"{LEFT}_{part}", value)


def continue_to(page, url):
    with page.expect_navigation(url=url):
        page.click(".application-form button[value=continue]")


@pytest.mark.usefixtures("site_url")
def test_the_date_boxes_show_their_error_and_the_word_count_is_live(browser_page, live_server):
    page = browser_page
    blocked = []
    page.on("console", lambda message: "Content Security" in message.text and blocked.append(message.text))
    page.goto(live_server.url + APPLY + "eligibility/")
    page.check("#id_are_you_a_qualified_social_worker_0")
    page.check("#id_do_you_have_the_right_to_work_in_the_uk_0")
    fill_date(page, "1", "1", "2099")
    continue_to(page, "**/eligibility/")
    assert "Date you left social work must be in the past" in page.locator(".error-summary").inner_text()
    assert page.locator(f"{LEFT}_year").input_value() == "2099"  # the boxes keep what was typed
    assert axe_violations(page) == []
    page.click(".error-summary a")
    assert page.evaluate("document.activeElement.id") == f"{LEFT[1:]}_day"

    fill_date(page, *three_years_ago().split("/"))
    continue_to(page, "**/step-1/")
    page.fill("#id_full_name", "Amira Khan")
    page.fill("#id_email_address", "amira@example.org")
    page.fill("#id_postcode", "LS1 1UR")
    continue_to(page, "**/step-2/")

    status = page.locator(".character-count__status")
    assert status.inner_text() == "You have 300 words remaining"  # the script ran under the CSP
    assert blocked == []
    page.fill("#id_why_do_you_want_to_return", "I miss the work")
    assert status.inner_text() == "You have 296 words remaining"
    page.fill("#id_why_do_you_want_to_return", "word " * 301)
    assert status.inner_text() == "You have 1 word too many"
    # read out by the live region once typing pauses
    expect(page.locator(".character-count__sr-status")).to_have_text("You have 1 word too many")
    assert axe_violations(page) == []
    continue_to(page, "**/step-2/")
    assert "Why you want to return must be 300 words or fewer" in page.locator(".error-summary").inner_text()
    assert page.locator(".character-count__status").inner_text() == "You have 1 word too many"
    assert axe_violations(page) == []

"""GOV.UK components in Debian's Chromium: the live word count and the date boxes with an error, axe-clean."""

import pytest
from playwright.sync_api import expect

from tests.conftest import axe_violations

from .test_browser import APPLY, site_url  # noqa: F401 - the demo on the live server (a fixture)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
LEFT = "#id_when_did_you_last_practise_as_a_social_worker"


@pytest.mark.usefixtures("site_url")
def test_the_word_count_is_live_and_the_date_boxes_show_their_error(browser_page, live_server):
    page = browser_page
    blocked = []
    page.on(
        "console",
        lambda message: blocked.append(message.text) if "Content Security" in message.text else None,
    )
    page.goto(live_server.url + APPLY)
    status = page.locator(".character-count__status")
    assert status.inner_text() == "You have 300 words remaining"  # the script ran under the CSP
    assert blocked == []
    page.fill("#id_why_do_you_want_to_return", "I miss the work")
    assert status.inner_text() == "You have 296 words remaining"
    page.fill("#id_why_do_you_want_to_return", "word " * 301)
    assert status.inner_text() == "You have 1 word too many"
    # read out once typing pauses
    expect(page.locator(".character-count__sr-status")).to_have_text("You have 1 word too many")
    assert axe_violations(page) == []

    page.fill(f"{LEFT}_day", "1")
    page.fill(f"{LEFT}_month", "1")
    page.fill(f"{LEFT}_year", "2099")
    with page.expect_navigation():
        page.click(".application-form button[type=submit]")
    summary = page.locator(".error-summary").inner_text()
    assert "Date you left social work must be in the past" in summary
    assert "Why you want to return must be 300 words or fewer" in summary
    assert page.locator(f"{LEFT}_year").input_value() == "2099"  # the boxes keep what was typed
    page.click("text=Date you left social work must be in the past")
    assert page.evaluate("document.activeElement.id") == f"{LEFT[1:]}_day"
    assert axe_violations(page) == []

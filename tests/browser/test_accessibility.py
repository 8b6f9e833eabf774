"""Public pages in Debian's Chromium: axe-core finds no violations; keyboard and reflow work."""

import pytest

from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = {
    "home": "/",
    "programme index": "/programmes/",
    "programme index with a filter error": "/programmes/?profession=astronaut",
    "campaign": "/programmes/come-back-to-social-work/",
    "council information": "/programmes/come-back-to-social-work/information-for-councils/",
    "article": "/programmes/come-back-to-social-work/return-to-social-work-after-caring/",
    "press release": "/programmes/come-back-to-social-work/come-back-to-social-work-launch/",
    "programme news and press releases": "/programmes/come-back-to-social-work/news/",
    "career pathway": "/digital-and-data-career-pathway/",
    "standard": "/accessibility/",
    "search results": "/search/?query=social+work",
    "not found": "/no-such-page/",
}


@pytest.fixture
def site_url(live_server, live_demo):
    """The live server's address, with the demo content loaded."""
    return live_server.url


def test_public_pages_have_no_axe_violations(browser_page, site_url):
    found = {}
    for name, path in PAGES.items():
        response = browser_page.goto(site_url + path)
        assert response.status == (404 if name == "not found" else 200), name
        assert browser_page.locator("h1").count() == 1, name
        violations = axe_violations(browser_page)
        if violations:
            found[name] = violations
    assert found == {}


def test_faq_answers_open_without_violations(browser_page, site_url):
    browser_page.goto(site_url + PAGES["campaign"])
    summaries = browser_page.locator(".faq summary")
    assert summaries.count() >= 3
    summaries.first.click()
    assert browser_page.locator(".faq details").first.get_attribute("open") is not None
    assert axe_violations(browser_page) == []


def test_skip_link_is_first_and_moves_focus_to_main(browser_page, site_url):
    browser_page.goto(site_url + PAGES["campaign"])
    browser_page.keyboard.press("Tab")
    focused = browser_page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    box = browser_page.locator("a.skip-link").bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0
    browser_page.keyboard.press("Enter")
    assert browser_page.evaluate("document.activeElement.id") == "main-content"
    browser_page.keyboard.press("Tab")
    inside_main = browser_page.evaluate(
        "document.getElementById('main-content').contains(document.activeElement)"
    )
    assert inside_main


def test_pages_reflow_without_horizontal_scrolling_at_320_pixels(browser, site_url):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    try:
        too_wide = {}
        for name, path in PAGES.items():
            page.goto(site_url + path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 320:
                too_wide[name] = width
        assert too_wide == {}
    finally:
        context.close()


FOCUS_STYLE = """(element) => {
    const style = getComputedStyle(element);
    return [style.outlineStyle, style.outlineWidth, style.boxShadow, style.backgroundColor].join("|");
}"""


def test_links_buttons_and_fields_show_a_visible_focus_style(browser_page, site_url):
    browser_page.goto(site_url + PAGES["programme index"])
    for selector in ("main a.button, main .card__title a", "button[type=submit]", "select#id_profession"):
        element = browser_page.locator(selector).first
        before = element.evaluate(FOCUS_STYLE)
        element.focus()
        after = element.evaluate(FOCUS_STYLE)
        assert after != before, selector
        outline_style, outline_width, box_shadow, _ = after.split("|")
        visible_outline = outline_style not in ("none", "") and outline_width not in ("0px", "")
        assert visible_outline or box_shadow != "none", selector

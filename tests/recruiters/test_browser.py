"""The recruiter area in Debian's Chromium with axe-core, through the whole "done when" flow:
the demo recruiter finds a demo candidate by a skills word and expresses interest, the
candidate shares their contact details from their page, the recruiter then sees them."""

import pytest
from django.core import mail

from demo.loader import load
from demo.people import DEMO_RECRUITER
from tests.conftest import axe_violations
from tests.forms.applicants.conftest import link_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a demo passphrase for the browser"  # noqa: S105 - test data
CANDIDATE = "grace.lin@example.org"


@pytest.fixture
def site_url(live_server, live_home_page, django_user_model):
    load()
    recruiter = django_user_model.objects.get(username=DEMO_RECRUITER["email"])
    recruiter.set_password(PASSWORD)
    recruiter.save()
    mail.outbox = []
    return live_server.url


def submit(page, selector="main form:not([role=search]) button[type=submit]"):
    with page.expect_navigation():
        page.locator(selector).last.click()


def no_violations(page):
    assert page.locator("h1").count() == 1
    assert axe_violations(page) == []


def recruiter_signs_in(page, site_url):
    page.goto(site_url + "/recruiters/")
    assert page.locator("h1").inner_text() == "Sign in to search the talent pool"
    submit(page)
    assert page.title().startswith("Error: ")
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    no_violations(page)
    page.fill("#id_username", DEMO_RECRUITER["email"])
    page.fill("#id_password", PASSWORD)
    submit(page)
    assert page.locator("h1").inner_text() == "Search the talent pool"
    no_violations(page)


def test_recruiter_area_and_the_candidate_answer_have_no_axe_violations(browser, browser_page, site_url):
    page = browser_page
    recruiter_signs_in(page, site_url)
    page.select_option("#id_profession", "social-work")
    page.fill("#id_words", "Mandarin")
    submit(page, "main form.filters button[type=submit]")
    assert "1 candidate found" in page.content()
    no_violations(page)
    page.locator(".search-results a").first.click()
    assert "Mandarin speaker" in page.content()
    no_violations(page)
    submit(page)  # no message yet
    assert page.title().startswith("Error: ")
    no_violations(page)
    page.fill("#id_message", "We have a children's social work role in Leeds.")
    submit(page)
    assert page.locator("h1").inner_text().startswith("Interest in candidate")
    no_violations(page)

    candidate = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    try:
        candidate.goto(site_url + "/your-applications/")
        candidate.fill("#id_email", CANDIDATE)
        submit(candidate)
        candidate.goto(site_url + link_in(mail.outbox[-1]))
        candidate.get_by_role("link", name="Come Back to Social Work").first.click()
        assert "children's social work role in Leeds" in candidate.content()
        no_violations(candidate)
        candidate.click("text=Share my contact details with Leeds City Council")
        no_violations(candidate)
        submit(candidate)
        assert "You have shared your contact details" in candidate.content()
        no_violations(candidate)
    finally:
        candidate.context.close()

    page.reload()
    assert CANDIDATE in page.content() and "Grace Lin" in page.content()
    no_violations(page)
    page.check("text=Interviewed")
    submit(page)
    assert "The outcome has been saved." in page.content()
    no_violations(page)
    page.click("text=Your organisation's interests")
    no_violations(page)
    page.goto(site_url + "/recruiters/set-password/x/y/")
    no_violations(page)

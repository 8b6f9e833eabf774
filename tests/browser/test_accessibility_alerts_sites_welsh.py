"""The alerts pages, the Welsh pages and a programme on its own host name: no axe-core violations."""

import datetime as dt

import pytest
from django.utils import timezone
from wagtail.models import Site

from demo.loader import PROGRAMME_SITE, load_programme_site
from forms import alerts, links
from forms.models import AlertSubscription
from tests.conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_url(live_server, live_welsh_demo):
    return live_server.url


def alert_pages():
    subscription = AlertSubscription.objects.create(email="amira@example.org")
    confirm = alerts.token_for(links.LinkPurpose.CONFIRM_ALERT, subscription)
    unsubscribe = alerts.token_for(links.LinkPurpose.UNSUBSCRIBE, subscription)
    return {
        "alerts": "/alerts/",
        "alerts in Welsh": "/cy/alerts/",
        "alerts check email": "/alerts/check-your-email/",
        "alerts confirmed": f"/alerts/confirm/{confirm}/",
        "unsubscribe": f"/alerts/unsubscribe/{unsubscribe}/",
        "link problem": "/alerts/confirm/nonsense/",
        "Welsh programme": "/cy/programmes/come-back-to-social-work/",
        "Welsh form": "/cy/programmes/come-back-to-social-work/apply/",
        "Welsh form's first step": "/cy/programmes/come-back-to-social-work/apply/eligibility/",
    }


def test_new_pages_have_no_axe_violations(browser_page, site_url):
    found = {}
    for name, path in alert_pages().items():
        browser_page.goto(site_url + path)
        assert browser_page.locator("h1").count() == 1, name
        if violations := axe_violations(browser_page):
            found[name] = violations
    assert found == {}


def test_forms_with_errors_have_no_axe_violations(browser_page, site_url):
    found = {}
    for name, path, button in (
        ("alerts with errors", "/alerts/", "Send me a confirmation link"),
        ("Welsh form with errors", "/cy/programmes/come-back-to-social-work/apply/eligibility/", "Parhau"),
    ):
        browser_page.goto(site_url + path)
        browser_page.get_by_role("button", name=button).click()
        assert browser_page.locator(".error-summary").count() == 1, name
        if violations := axe_violations(browser_page):
            found[name] = violations
    assert found == {}
    assert browser_page.locator("html").get_attribute("lang") == "cy"


WELSH_FORM = "/cy/programmes/come-back-to-social-work/apply/"


def continue_in_welsh(page, url):
    with page.expect_navigation(url=url):
        page.get_by_role("button", name="Parhau").click()


def test_the_welsh_check_your_answers_page_has_no_axe_violations(browser_page, site_url):
    page = browser_page
    page.goto(site_url + WELSH_FORM + "eligibility/")
    page.check("#id_are_you_a_qualified_social_worker_0")
    three_years_ago = timezone.localdate() - dt.timedelta(days=3 * 365)
    for part in ("day", "month", "year"):
        page.fill(
            f"[name=when_did_you_last_practise_as_a_social_worker_{part}]",
            str(getattr(three_years_ago, part)),
        )
    page.check("#id_do_you_have_the_right_to_work_in_the_uk_0")
    continue_in_welsh(page, "**/step-1/")
    page.fill("#id_full_name", "Amira Khan")
    page.fill("#id_email_address", "amira@example.org")
    page.fill("#id_postcode", "CF10 1AA")
    continue_in_welsh(page, "**/step-2/")
    page.fill("#id_why_do_you_want_to_return", "Rwy'n colli'r gwaith.")
    assert page.locator(".character-count__status").inner_text() == "Mae gennych 297 gair ar ôl"
    page.set_input_files(
        "#id_your_cv",
        files=[
            {"name": "cv.txt", "mimeType": "text/plain", "buffer": b"Amira Khan, gweithiwr cymdeithasol."}
        ],
    )
    continue_in_welsh(page, "**/step-3/")
    page.check("#id_privacy_consent")
    continue_in_welsh(page, "**/check/")
    assert page.locator("h1").inner_text() == "Gwiriwch eich atebion cyn anfon eich cais"
    assert page.locator("html").get_attribute("lang") == "cy"
    assert axe_violations(page) == []


def test_unsubscribed_page_has_no_axe_violations(browser_page, site_url):
    path = alert_pages()["unsubscribe"]
    browser_page.goto(site_url + path)
    browser_page.get_by_role("button", name="Stop these emails").click()
    assert browser_page.locator("h1").inner_text() == "You will not get these emails any more"
    assert axe_violations(browser_page) == []


def test_the_programme_on_its_own_host_name_has_no_axe_violations(browser_page, live_server, site_url):
    load_programme_site()
    port = int(live_server.url.rsplit(":", 1)[1])
    Site.objects.filter(hostname=PROGRAMME_SITE["hostname"]).update(port=port)
    browser_page.goto(f"http://{PROGRAMME_SITE['hostname']}:{port}/")
    assert browser_page.locator("h1").inner_text() == "Come Back to Social Work"
    assert browser_page.locator("img.site-header__logo").count() == 1
    header = browser_page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
    assert header == "rgb(74, 37, 112)"  # #4a2570 from the site's settings
    assert axe_violations(browser_page) == []

"""The alerts pages, the Welsh pages and a programme on its own host name: no axe-core violations."""

import pytest
from wagtail.models import Site

from demo.loader import PROGRAMME_SITE, load_programme_site
from demo.welsh import welsh_programme
from forms import alerts, links
from forms.models import AlertSubscription
from tests.conftest import axe_violations, load_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site_url(live_server, live_home_page):
    load_demo()
    welsh_programme()
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

"""An editor in Debian's Chromium starts a new intake, publishes it, and visitors see the programme
page with its past cohort; the date pickers keep what the editor typed. axe-core finds no violations."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.models import ApplicationFormPage
from tests.conftest import axe_violations
from tests.forms.conftest import make_form_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

UK = ZoneInfo("Europe/London")
PASSWORD = "pass-word-123"
OUR_CONTENT = "main"  # Wagtail's own admin chrome is not ours to fix


@pytest.fixture
def editor_setup(live_server, live_home_page, django_user_model):
    index = ProgrammeIndexPageFactory(parent=live_home_page, slug="programmes")
    campaign = CampaignPageFactory(parent=index, title="Back to planning", slug="back-to-planning", places=30)
    now = dt.datetime.now(tz=UK)
    make_form_page(
        campaign,
        title="Apply to this year's intake",
        opens_at=now - dt.timedelta(days=60),
        closes_at=now - dt.timedelta(days=2),
    )
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    return {"url": live_server.url, "campaign": campaign}


def log_in(page, base):
    page.goto(base + "/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))


def test_an_editor_starts_and_publishes_a_new_intake(browser_page, editor_setup):
    page, base, campaign = browser_page, editor_setup["url"], editor_setup["campaign"]
    log_in(page, base)
    page.goto(f"{base}/admin/programmes/{campaign.pk}/new-intake/")
    assert axe_violations(page, OUR_CONTENT) == []
    page.fill("#id_months", "0")
    page.get_by_role("button", name="Create the draft intake").click()
    page.get_by_text("Ensure this value is greater than or equal to 1.").wait_for()
    assert axe_violations(page, OUR_CONTENT) == []
    page.fill("#id_title", "Apply to next year's intake")
    page.fill("#id_months", "12")
    page.get_by_role("button", name="Create the draft intake").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    page.get_by_text("is a draft copy of").wait_for()

    new = ApplicationFormPage.objects.get(title="Apply to next year's intake")
    assert not new.live
    new.save_revision().publish()
    page.context.clear_cookies()  # as a visitor (an editor's page starts with Wagtail's user bar)
    page.goto(base + "/programmes/back-to-planning/")
    assert page.locator("h2", has_text="Past cohorts").is_visible()
    assert page.get_by_text("Opening soon").is_visible()
    assert axe_violations(page) == []


def test_the_date_picker_keeps_a_date_it_cannot_read_for_the_server_to_judge(browser_page, editor_setup):
    page, base, campaign = browser_page, editor_setup["url"], editor_setup["campaign"]
    form_page = ApplicationFormPage.objects.child_of(campaign).get()
    log_in(page, base)
    page.goto(f"{base}/admin/pages/{form_page.pk}/edit/")
    field = page.locator("#id_closes_at")
    field.fill("next Tuesday")
    page.locator("#id_opens_at").focus()  # leaving the field used to put today's date in it
    assert field.input_value() == "next Tuesday"
    page.get_by_role("button", name="Save draft").click()
    page.get_by_text("Enter a valid date/time.").first.wait_for()
    form_page.refresh_from_db()
    assert form_page.closes_at is not None and form_page.closes_at.date() < dt.date.today()

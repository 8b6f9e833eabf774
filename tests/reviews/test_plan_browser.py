"""A reviewer reads an applicant's development plan, gives feedback and adds an item, with axe-core."""

import pytest
from playwright.sync_api import expect

from forms.models import PlanItem, PlanTemplateItem
from tests.conftest import axe_violations

from .test_browser import log_in, reviewer_setup  # noqa: F401 - the fixture

# Our content, not Wagtail's chrome or its messages (their contrast is Wagtail's to fix).
PLAN_CONTENT = "#development-plan"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reviewer_gives_feedback_and_adds_an_item_with_no_axe_violations(
    browser_page,
    reviewer_setup,  # noqa: F811 - the fixture imported above
):
    page, base, first = browser_page, reviewer_setup["url"], reviewer_setup["first"]
    PlanTemplateItem.objects.create(page_id=first.page_id, title="ReFresh week", guidance="Refreshers.")
    log_in(page, base)
    page.goto(f"{base}/admin/applications/inspect/{first.pk}/")
    with page.expect_navigation():
        page.click("text=Open the applicant's development plan")
    expect(page.locator(PLAN_CONTENT)).to_contain_text("ReFresh week")
    assert axe_violations(page, PLAN_CONTENT) == []

    page.fill("textarea[name=feedback]", "Book early: places go fast.")
    with page.expect_navigation():
        page.get_by_role("button", name="Save feedback on ReFresh week").click()
    page.fill("#id_add-title", "Shadow a team for a day")
    with page.expect_navigation():
        page.get_by_role("button", name="Add the item").click()
    assert "Shadow a team for a day" in page.content()
    assert axe_violations(page, PLAN_CONTENT) == []
    assert PlanItem.objects.get(title="ReFresh week").reviewer_feedback == "Book early: places go fast."
    assert PlanItem.objects.get(title="Shadow a team for a day").added_by == reviewer_setup["reviewer"]

"""The personal development plan: copied from the programme's template, kept by the applicant,
commented on by the programme's reviewers, open for a number of months after closing."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from wagtail.log_actions import registry as log_action_registry

from forms.models import PlanItem, PlanTemplateItem
from tests.reviews.conftest import make_group, make_user

from .conftest import AMIRA, ESCAPED, SCRIPT, sign_in

pytestmark = pytest.mark.django_db
PLAN = "/your-applications/CBSW-AAAA-1111/plan/"
UK = ZoneInfo("Europe/London")
CLOSES = dt.datetime(2026, 3, 31, 23, 59, tzinfo=UK)


def application_log():
    """The model Wagtail keeps applications' audit entries in."""
    from forms.models import Application

    return log_action_registry.get_log_model_for_model(Application)


@pytest.fixture
def template(site):
    form = site["form"]
    form.closes_at = CLOSES
    form.save()
    return [
        PlanTemplateItem.objects.create(
            page=form,
            sort_order=0,
            title="ReFresh week",
            guidance="A week of refresher sessions.",
            link_url="https://example.org/refresh",
            link_text="Book your ReFresh week",
        ),
        PlanTemplateItem.objects.create(page=form, sort_order=1, title="HCPC re-registration support"),
    ]


@pytest.fixture
def during():
    with time_machine.travel(CLOSES - dt.timedelta(days=10), tick=False):
        yield


@pytest.fixture
def reviewers(django_user_model, site):
    social_work = make_group("Social work reviewers", [site["social_work"]])
    stem = make_group("STEM reviewers", [site["stem"]])
    viewers = make_group("Social work viewers", [site["social_work"]], codenames=("view_application",))
    return {
        "social_work": make_user(django_user_model, "sw", social_work),
        "stem": make_user(django_user_model, "stem", stem),
        "viewer": make_user(django_user_model, "viewer", viewers),
    }


def item(title):
    return PlanItem.objects.get(title=title)


def save_item(client, plan_item, status, notes=""):
    """Posts one item's form as the plan page sends it."""
    prefix = f"item-{plan_item.pk}"
    return client.post(
        f"{PLAN}{plan_item.pk}/", {f"{prefix}-status": status, f"{prefix}-applicant_notes": notes}
    )


def test_the_plan_starts_with_the_programmes_items_copied_once(client, made, template, during):
    sign_in(client, AMIRA)
    html = client.get(PLAN).content.decode()
    assert "Your personal development plan" in html
    assert "ReFresh week" in html and "A week of refresher sessions." in html
    assert '<a href="https://example.org/refresh">Book your ReFresh week</a>' in html
    assert "HCPC re-registration support" in html
    client.get(PLAN)
    assert PlanItem.objects.filter(application=made["amira"]).count() == 2
    assert not PlanItem.objects.filter(application=made["bob"]).exists()  # nobody opened Bob's yet

    PlanTemplateItem.objects.create(page=template[0].page, sort_order=2, title="13 weeks' training")
    assert "13 weeks&#x27; training" in client.get(PLAN).content.decode()
    assert PlanItem.objects.filter(application=made["amira"]).count() == 3


def test_the_applicant_keeps_track_of_each_item_with_a_status_and_notes(client, made, template, during):
    sign_in(client, AMIRA)
    client.get(PLAN)
    refresh = item("ReFresh week")
    response = save_item(client, refresh, "doing", "Booked for May.")
    assert (response.status_code, response["Location"]) == (303, f"{PLAN}#item-{refresh.pk}")
    refresh.refresh_from_db()
    assert (refresh.status, refresh.applicant_notes) == ("doing", "Booked for May.")
    html = client.get(PLAN).content.decode()
    assert "Saved: ReFresh week." in html
    assert '<strong class="tag tag--doing">Doing</strong>' in html
    assert "Booked for May." in html


def test_notes_too_long_show_an_error_beside_the_item_and_save_nothing(client, made, template, during):
    sign_in(client, AMIRA)
    client.get(PLAN)
    refresh = item("ReFresh week")
    response = save_item(client, refresh, "done", "x" * 2001)
    html = response.content.decode()
    assert response.status_code == 200 and html.count("Error:") >= 2
    assert f'<a href="#id_item-{refresh.pk}-applicant_notes">Your notes must be 2,000 characters' in html
    assert "x" * 2001 in html  # what they typed is kept
    assert item("ReFresh week").status == "to-do"


def test_the_plan_closes_its_months_after_the_closing_date_and_says_so(client, made, template):
    sign_in(client, AMIRA)
    with time_machine.travel(CLOSES + dt.timedelta(days=180), tick=False):  # 27 September: 6 months on
        html = client.get(PLAN).content.decode()
        assert "Your plan is open until 30 September 2026" in html
        assert "<form" in html.split("<main")[1]
    with time_machine.travel(dt.datetime(2026, 10, 1, 1, 0, tzinfo=dt.UTC), tick=False):
        html = client.get(PLAN).content.decode()
        assert "Your plan ended on 30 September 2026" in html
        assert 'class="plan-item__form"' not in html
        refresh = item("ReFresh week")
        response = client.get(save_item(client, refresh, "done")["Location"])
        assert "Your plan has ended, so it can no longer be changed." in response.content.decode()
        assert item("ReFresh week").status == "to-do"


def test_editors_choose_how_many_months_the_plan_stays_open(client, made, template):
    form = template[0].page
    form.plan_months = 3
    form.save()
    sign_in(client, AMIRA)
    with time_machine.travel(dt.datetime(2026, 7, 1, 9, 0, tzinfo=dt.UTC), tick=False):
        assert "Your plan ended on 30 June 2026" in client.get(PLAN).content.decode()


def test_without_a_closing_date_the_plan_counts_from_the_application(made, site):
    from forms import plans
    from forms.models import Application, ApplicationFormPage

    ApplicationFormPage.objects.filter(pk=site["form"].pk).update(closes_at=None)
    Application.objects.filter(pk=made["amira"].pk).update(
        submit_time=dt.datetime(2026, 1, 31, 10, 0, tzinfo=UK)
    )
    application = Application.objects.get(pk=made["amira"].pk)
    form_page = plans.form_page_of(application)
    assert form_page.closes_at is None
    assert plans.ends_at(application, form_page) == dt.datetime(2026, 7, 31, 10, 0, tzinfo=UK)
    with time_machine.travel(dt.datetime(2026, 7, 31, 10, 1, tzinfo=UK), tick=False):
        assert not plans.is_open(application, form_page)


def test_reviewers_of_the_programme_give_feedback_and_add_items_the_applicant_sees(
    client, made, template, during, reviewers
):
    reviewer = Client()
    reviewer.force_login(reviewers["social_work"])
    url = f"/admin/applications/{made['amira'].pk}/plan/"
    page = reviewer.get(url)
    assert page.status_code == 200 and "ReFresh week" in page.content.decode()
    refresh = item("ReFresh week")
    reviewer.post(url, {"item": refresh.pk, "feedback": "Good choice: book early."})
    reviewer.post(url, {"add-title": "Shadow a team for a day", "add-guidance": "Ask your mentor."})
    assert application_log().objects.filter(action__startswith="application_forms.plan_").count() == 2

    sign_in(client, AMIRA)
    html = client.get(PLAN).content.decode()
    assert "Feedback from the programme team" in html and "Good choice: book early." in html
    assert "Shadow a team for a day" in html and "Added by the programme team" in html


def test_reviewers_of_another_programme_or_without_change_cannot_touch_the_plan(
    made, template, reviewers, during
):
    url = f"/admin/applications/{made['amira'].pk}/plan/"
    stem = Client()
    stem.force_login(reviewers["stem"])
    assert stem.get(url).status_code == 404
    assert stem.post(url, {"add-title": "Sneaky"}).status_code == 404
    viewer = Client()
    viewer.force_login(reviewers["viewer"])
    assert viewer.get(url).status_code == 200
    refused = viewer.post(url, {"add-title": "Sneaky"})  # Wagtail: back to the dashboard with a message
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    signup = f"/admin/applications/{made['signup'].pk}/plan/"
    sw = Client()
    sw.force_login(reviewers["social_work"])
    assert sw.get(signup).status_code == 404
    assert not PlanItem.objects.filter(title="Sneaky").exists()


def test_another_applicants_plan_and_items_are_not_found(client, made, template, during):
    sign_in(client, "bob@example.org")
    client.get("/your-applications/CBSW-BBBB-3333/plan/")
    bobs = PlanItem.objects.filter(application=made["bob"]).first()
    client.post("/your-applications/sign-out/")
    sign_in(client, AMIRA)
    assert client.get("/your-applications/CBSW-BBBB-3333/plan/").status_code == 404
    assert client.post(f"/your-applications/CBSW-BBBB-3333/plan/{bobs.pk}/", {}).status_code == 404
    assert save_item(client, bobs, "done").status_code == 404
    bobs.refresh_from_db()
    assert bobs.status == "to-do"


def test_markup_in_notes_feedback_and_items_is_shown_as_text(client, made, template, during, reviewers):
    reviewer = Client()
    reviewer.force_login(reviewers["social_work"])
    url = f"/admin/applications/{made['amira'].pk}/plan/"
    reviewer.get(url)
    refresh = item("ReFresh week")
    reviewer.post(url, {"item": refresh.pk, "feedback": SCRIPT})
    reviewer.post(url, {"add-title": SCRIPT, "add-guidance": SCRIPT, "add-link_text": SCRIPT})
    sign_in(client, AMIRA)
    save_item(client, refresh, "done", SCRIPT)
    for html in (client.get(PLAN).content.decode(), reviewer.get(url).content.decode()):
        assert "<script>alert" not in html and "<img src=x" not in html
        assert html.count(ESCAPED) >= 3

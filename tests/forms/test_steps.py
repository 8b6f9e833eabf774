"""The form in steps: start page, eligibility first, one step per page break, check your answers
with change links, save and come back later, one application per email address.

Every limit is also tried with direct POSTs that skip the browser (and the steps before).
"""

import datetime as dt
import re

import pytest
import time_machine
from django.core import mail
from django.test import Client

from forms import drafts, retention
from forms.models import Application, ApplicationFile, SavedDraft
from forms.steps import steps_of

from .conftest import apply, make_form_page, pdf, post_steps

pytestmark = pytest.mark.django_db

START = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)
OPENS = dt.datetime(2026, 11, 1, 9, 0, tzinfo=dt.UTC)
CLOSES = dt.datetime(2026, 12, 20, 17, 0, tzinfo=dt.UTC)

STEPPED_FIELDS = [
    ("Your details", "page_break", {}),
    ("Full name", "singleline", {"role": "name"}),
    ("Email address", "email", {"role": "email"}),
    (
        "Are you a qualified social worker?",
        "radio",
        {
            "choices": "Yes\nNo",
            "eligibility_rule": "answer-in",
            "eligible_answers": "Yes",
            "not_eligible_reason": "This programme is for qualified social workers.",
        },
    ),
    ("Upload your CV", "page_break", {}),
    ("Your CV", "file", {}),
]
ELIGIBLE = {"are_you_a_qualified_social_worker": "Yes"}
NOT_ELIGIBLE = {"are_you_a_qualified_social_worker": "No"}
DETAILS = {"full_name": "Amira Khan", "email_address": "amira@example.org"}


@pytest.fixture
def stepped(programme):
    return make_form_page(
        programme,
        STEPPED_FIELDS,
        slug="apply-in-steps",
        opens_at=OPENS,
        closes_at=CLOSES,
        time_needed="about 10 minutes",
    )


def url(page, step=""):
    return page.url + (f"{step}/" if step else "")


def session_draft(client, page):
    return client.session.get(drafts.draft_key(page))


def to_cv_step(client, page):
    assert client.post(url(page, "eligibility"), ELIGIBLE)["Location"] == url(page, "step-1")
    assert client.post(url(page, "step-1"), DETAILS)["Location"] == url(page, "step-2")


def test_steps_are_eligibility_first_then_one_per_page_break_with_its_title(stepped):
    steps = [(step.slug, step.title, step.names) for step in steps_of(stepped)]
    assert steps == [
        ("eligibility", "Check you can apply", ("are_you_a_qualified_social_worker",)),
        ("step-1", "Your details", ("full_name", "email_address")),
        ("step-2", "Upload your CV", ("your_cv", "privacy_consent")),
    ]


def test_start_page_says_what_you_need_how_long_and_lists_the_steps_then_starts_with_eligibility(
    client, stepped
):
    html = client.get(url(stepped)).content.decode()
    assert "It takes about 10 minutes to fill in." in html
    for title in ("Check you can apply", "Your details", "Upload your CV"):
        assert title in html
    assert f'href="{url(stepped, "eligibility")}"' in html
    assert "Start now" in html
    assert "until applications close" in html
    assert 'name="full_name"' not in html


def test_start_page_refuses_a_post_and_keeps_nothing(client, stepped):
    response = client.post(url(stepped), {**ELIGIBLE, **DETAILS})
    assert response.status_code == 405
    assert session_draft(client, stepped) is None


def test_eligibility_step_asks_only_the_eligibility_questions_and_no_upload(client, stepped):
    html = client.get(url(stepped, "eligibility")).content.decode()
    assert 'name="are_you_a_qualified_social_worker"' in html
    assert 'name="full_name"' not in html and 'type="file"' not in html
    assert "Step 1 of 3" in html or "step 1 of 3" in html
    assert "Save and come back later" not in html


def test_not_eligible_is_told_why_with_the_programme_news_link_and_nothing_is_kept(
    client, stepped, programme
):
    response = client.post(url(stepped, "eligibility"), NOT_ELIGIBLE)
    html = response.content.decode()
    assert response.status_code == 200
    assert "You cannot apply" in html
    assert "This programme is for qualified social workers." in html
    assert f'href="{programme.url}news/"' in html
    assert session_draft(client, stepped) is None
    assert Application.objects.count() == 0


def test_changing_to_a_not_eligible_answer_deletes_the_draft_its_cv_and_its_saved_copy(client, stepped):
    to_cv_step(client, stepped)
    client.post(url(stepped, "step-2"), {"your_cv": pdf(), "action": "save"})
    client.post(url(stepped, "save"), {"email": "amira@example.org"})
    assert ApplicationFile.objects.count() == 1 and SavedDraft.objects.count() == 1
    client.post(url(stepped, "eligibility"), {**NOT_ELIGIBLE, "return": "check"})
    assert session_draft(client, stepped) is None
    assert ApplicationFile.objects.count() == 0
    assert SavedDraft.objects.count() == 0


@pytest.mark.parametrize("step", ["step-1", "step-2", "check", "save"])
def test_a_later_step_posted_without_the_eligibility_step_passed_saves_and_skips_nothing(
    client, stepped, step
):
    data = {**ELIGIBLE, **DETAILS, "privacy_consent": "on", "your_cv": pdf(), "email": "a@example.org"}
    response = client.post(url(stepped, step), data)
    assert response.status_code == 303
    assert response["Location"] in (url(stepped, "eligibility"), url(stepped))
    assert session_draft(client, stepped) is None
    assert not ApplicationFile.objects.exists()
    assert not SavedDraft.objects.exists()
    assert Application.objects.count() == 0


def test_a_step_after_an_incomplete_one_sends_back_to_it_and_keeps_nothing_of_the_post(client, stepped):
    client.post(url(stepped, "eligibility"), ELIGIBLE)
    response = client.post(url(stepped, "step-2"), {"your_cv": pdf(), "privacy_consent": "on"})
    assert response["Location"] == url(stepped, "step-1")
    assert not ApplicationFile.objects.exists()
    assert "privacy_consent" not in session_draft(client, stepped)["data"]


def test_each_step_validates_only_its_own_questions(client, stepped):
    client.post(url(stepped, "eligibility"), ELIGIBLE)
    response = client.post(url(stepped, "step-1"), {"full_name": ""})
    html = response.content.decode()
    assert response.status_code == 200
    assert '<a href="#id_full_name">Enter your full name</a>' in html
    assert "id_your_cv" not in html and "privacy notice" not in html
    assert response.context["back_url"] == url(stepped, "eligibility")


def test_check_your_answers_has_back_and_change_links_to_each_answers_step(client, stepped):
    to_cv_step(client, stepped)
    client.post(url(stepped, "step-2"), {"your_cv": pdf(), "privacy_consent": "on"})
    response = client.get(url(stepped, "check"))
    html = response.content.decode()
    assert response.context["back_url"] == url(stepped, "step-2")
    assert f'href="{url(stepped, "eligibility")}?change=check#id_are_you_a_qualified_social_worker_0"' in html
    assert f'href="{url(stepped, "step-1")}?change=check#id_full_name"' in html
    assert f'href="{url(stepped, "step-2")}?change=check#id_your_cv"' in html


def test_change_goes_to_the_answers_step_and_returns_to_check(client, stepped):
    to_cv_step(client, stepped)
    client.post(url(stepped, "step-2"), {"your_cv": pdf(), "privacy_consent": "on"})
    change = client.get(url(stepped, "step-1") + "?change=check")
    assert 'name="return" value="check"' in change.content.decode()
    assert change.context["back_url"] == url(stepped, "check")
    response = client.post(url(stepped, "step-1"), {**DETAILS, "full_name": "Amira Begum", "return": "check"})
    assert response["Location"] == url(stepped, "check")
    assert "Amira Begum" in client.get(response["Location"]).content.decode()


def test_check_with_a_step_missing_goes_to_that_step(client, stepped):
    to_cv_step(client, stepped)
    assert client.get(url(stepped, "check"))["Location"] == url(stepped, "step-2")


def test_unknown_step_is_a_404(client, stepped):
    assert client.get(url(stepped, "step-9")).status_code == 404
    assert client.get(url(stepped, "step-0")).status_code == 404


def test_steps_are_closed_outside_the_window_and_keep_nothing(client, stepped):
    with time_machine.travel(CLOSES + dt.timedelta(minutes=1), tick=False):
        for step in ("eligibility", "step-1", "save"):
            response = client.post(url(stepped, step), {**ELIGIBLE, **DETAILS})
            assert "Applications closed" in response.content.decode()
    assert session_draft(client, stepped) is None


def path_of(link):
    return "/" + link.split("://", 1)[1].split("/", 1)[1]


def saved_link():
    return re.search(r"https?://\S+/resume/\?link=\S+", mail.outbox[-1].body).group(0)


def test_save_and_come_back_the_next_day_from_the_emailed_link_with_the_cv_and_submit(client, stepped):
    with time_machine.travel(START, tick=False):
        to_cv_step(client, stepped)
        response = client.post(url(stepped, "step-2"), {"your_cv": pdf(), "action": "save"})
        assert response["Location"] == url(stepped, "save")
        save_page = client.get(response["Location"]).content.decode()
        assert 'value="amira@example.org"' in save_page
        assert "until applications close" in save_page
        response = client.post(url(stepped, "save"), {"email": "amira@example.org"})
        assert response["Location"] == url(stepped, "saved")
        saved = client.get(response["Location"]).content.decode()
        assert "amira@example.org" in saved and "20 December 2026" in saved
    email = mail.outbox[-1]
    assert email.to == ["amira@example.org"]
    assert "until applications close at 20 December 2026 at 17:00 (UK time)" in email.body
    link = saved_link()
    with time_machine.travel(START + dt.timedelta(hours=25), tick=False):
        run = retention.purge()  # the next day's purge: the session draft has expired, not the saved one
        assert run.counts["sessions"]["deleted"] == 1 and ApplicationFile.objects.count() == 1
        other_device = Client()
        response = other_device.get(path_of(link))
        assert response.status_code == 303
        assert response["Location"] == url(stepped, "step-2")
        html = other_device.get(response["Location"]).content.decode()
        assert "You uploaded <strong>cv.pdf</strong>" in html
        assert other_device.post(url(stepped, "step-2"), {"privacy_consent": "on"})["Location"] == url(
            stepped, "check"
        )
        token = other_device.get(url(stepped, "check")).context["draft_token"]
        response = other_device.post(url(stepped, "check"), {"token": token})
    application = Application.objects.get()
    assert response["Location"] == url(stepped, "confirmation")
    assert application.files.get().original_name == "cv.pdf"
    assert not SavedDraft.objects.exists()


def save_with_cv(client, page):
    to_cv_step(client, page)
    client.post(url(page, "step-2"), {"your_cv": pdf(), "action": "save"})
    client.post(url(page, "save"), {"email": "amira@example.org"})
    return path_of(saved_link())


def test_saved_draft_and_its_cv_are_deleted_by_the_purge_once_the_form_closes(client, stepped):
    with time_machine.travel(START, tick=False):
        link = save_with_cv(client, stepped)
    with time_machine.travel(CLOSES - dt.timedelta(minutes=1), tick=False):
        retention.purge()
        assert SavedDraft.objects.count() == 1 and ApplicationFile.objects.count() == 1
    with time_machine.travel(CLOSES + dt.timedelta(minutes=1), tick=False):
        run = retention.purge()
        assert run.counts["saved_drafts"]["deleted"] == 1
        assert not SavedDraft.objects.exists() and not ApplicationFile.objects.exists()
        assert "Applications closed" in Client().get(link).content.decode()


def test_a_form_with_no_closing_date_keeps_saved_drafts_the_days_it_says(client, programme, settings):
    settings.APPLICATION_SAVED_DRAFT_DAYS = 30
    page = make_form_page(programme, STEPPED_FIELDS, slug="apply-no-deadline", opens_at=OPENS, closes_at=None)
    with time_machine.travel(START, tick=False):
        link = save_with_cv(client, page)
    assert "30 days after you saved it" in mail.outbox[-1].body
    with time_machine.travel(START + dt.timedelta(days=29), tick=False):
        retention.purge()
        assert Client().get(link).status_code == 303
    with time_machine.travel(START + dt.timedelta(days=30, minutes=1), tick=False):
        retention.purge()
        assert not SavedDraft.objects.exists() and not ApplicationFile.objects.exists()
        assert Client().get(link).status_code == 400


def test_a_changed_or_other_purpose_resume_link_does_not_work(client, stepped):
    from forms import links

    link = save_with_cv(client, stepped)
    other = Client()
    assert other.get(link[:-3] + "x").status_code == 400
    sign_in = links.make_token(links.LinkPurpose.SIGN_IN, {"email": "amira@example.org"})
    response = other.get(url(stepped, "resume"), {"link": sign_in})
    assert response.status_code == 400
    assert "This link does not work" in response.content.decode()
    assert session_draft(other, stepped) is None


def test_save_needs_a_real_email_address(client, stepped):
    to_cv_step(client, stepped)
    response = client.post(url(stepped, "save"), {"email": "not-an-email"})
    assert response.status_code == 200
    assert "Enter an email address in the correct format" in response.content.decode()
    assert not SavedDraft.objects.exists() and not mail.outbox


def test_an_email_that_already_applied_is_told_on_check_and_cannot_submit_twice(client, stepped):
    data = {**ELIGIBLE, **DETAILS, "privacy_consent": "on"}
    assert apply(client, stepped, data).status_code == 303
    first = Application.objects.get()
    again = Client()
    post_steps(again, stepped, {**data, "email_address": "AMIRA@example.org ", "your_cv": pdf()})
    check = again.get(url(stepped, "check"))
    html = check.content.decode()
    assert "You have already applied with this email address" in html
    assert "Accept and send" not in html
    assert first.reference not in html  # not signed in as that address: sign in to see it
    assert 'href="/your-applications/"' in html
    response = again.post(url(stepped, "check"), {"token": check.context["draft_token"]})
    assert response["Location"] == url(stepped, "check")
    assert Application.objects.count() == 1


def test_the_reference_is_shown_to_a_session_signed_in_with_that_address(client, stepped):
    from forms import applicants

    data = {**ELIGIBLE, **DETAILS, "privacy_consent": "on"}
    apply(client, stepped, data)
    reference = Application.objects.get().reference
    session = client.session
    session[applicants.SESSION_KEY] = "amira@example.org"
    session.save()
    post_steps(client, stepped, {**data, "your_cv": pdf()})
    assert reference in client.get(url(stepped, "check")).content.decode()


def test_an_editor_can_allow_a_second_application_from_the_same_address(client, stepped):
    stepped.allow_duplicate_applications = True
    stepped.save()
    data = {**ELIGIBLE, **DETAILS, "privacy_consent": "on"}
    apply(client, stepped, data)
    second = Client()
    response = apply(second, stepped, data)
    assert response["Location"] == url(stepped, "confirmation")
    assert Application.objects.count() == 2


def test_page_breaks_are_not_answers_for_applicants_reviewers_or_exports(client, stepped):
    from forms.views_applicant import answers_of
    from reviews.exports import question_columns
    from reviews.views import answers_with_labels

    apply(client, stepped, {**ELIGIBLE, **DETAILS, "privacy_consent": "on"})
    application = Application.objects.get()
    assert "Your details" not in application.form_data and "your_details" not in application.form_data
    for labels in (
        [label for label, _ in answers_of(application)],
        [label for label, _ in answers_with_labels(application)],
        [label for _, label, _ in question_columns(Application.objects.all())],
    ):
        assert "Full name" in labels
        assert "Your details" not in labels


def test_a_question_added_to_a_step_shows_on_the_next_request(client, stepped):
    from forms.models import ApplicationFormField

    client.get(url(stepped))  # the first page shown makes the site's settings row (a change to the cache)
    assert client.post(url(stepped, "eligibility"), ELIGIBLE)["Location"] == url(stepped, "step-1")
    assert "Phone number" not in client.get(url(stepped, "step-1")).content.decode()
    ApplicationFormField.objects.create(
        page=stepped, label="Phone number", field_type="singleline", sort_order=2
    )
    assert "Phone number" in client.get(url(stepped, "step-1")).content.decode()


def test_a_step_reads_the_questions_once_then_from_the_cache(client, stepped):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def question_queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url(stepped, "eligibility")).status_code == 200
        return [query for query in captured if "applicationformfield" in query["sql"]]

    client.get(url(stepped))  # the first page shown makes the site's settings row (a change to the cache)
    assert question_queries()
    assert question_queries() == []

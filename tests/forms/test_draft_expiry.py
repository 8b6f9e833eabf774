"""Drafts expire 24 hours after their last change, with their files; "You cannot apply" keeps nothing."""

import datetime as dt

import time_machine
from django.contrib.sessions.models import Session

from forms import retention
from forms.models import ApplicationFile
from forms.storage import private_storage
from tests.forms.conftest import answers, make_form_page, pdf
from tests.forms.test_uploads import stored_objects

# Relative to now: the shared form page opened a day before the test run began.
START = dt.datetime.now(dt.UTC).replace(microsecond=0)


def at(hours):
    return time_machine.travel(START + dt.timedelta(hours=hours), tick=False)


def test_not_eligible_keeps_no_cv_or_answer_even_from_a_post_carrying_them(client, programme):
    form = make_form_page(
        programme,
        [
            ("Full name", "singleline", {"role": "name"}),
            ("Email address", "email", {"role": "email"}),
            ("Your CV", "file", {}),
            (
                "Are you a qualified social worker?",
                "radio",
                {"choices": "Yes\nNo", "eligibility_rule": "answer-in", "eligible_answers": "Yes"},
            ),
        ],
    )
    before = stored_objects()
    response = client.post(
        form.url + "eligibility/", {**answers(are_you_a_qualified_social_worker="No"), "your_cv": pdf()}
    )
    html = response.content.decode()
    assert "You cannot apply" in html
    assert not ApplicationFile.objects.exists()
    assert stored_objects() == before
    assert "We have not kept your answers" in html
    assert f"rtw-application-{form.pk}" not in client.session


def test_a_draft_is_there_for_24_hours_after_the_last_change_then_gone(client, form_page):
    with at(0):
        client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    with at(23):
        assert client.get(form_page.url + "check/").status_code == 200  # still there
        client.post(form_page.url + "step-1/", answers(full_name="Amira K Khan"))  # a change
    with at(46):
        assert "Amira K Khan" in client.get(form_page.url + "check/").content.decode()
    with at(48):
        assert client.get(form_page.url + "check/").status_code == 303  # expired: back to the questions


def test_the_purge_deletes_expired_drafts_sessions_and_uploads_and_keeps_active_ones(client, form_page):
    with at(0):
        client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    [stale] = ApplicationFile.objects.all()
    with at(20):
        active_client = client.__class__()
        active_client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf(name="other.pdf")})
    with at(25):
        run = retention.purge()
    assert list(ApplicationFile.objects.values_list("original_name", flat=True)) == ["other.pdf"]
    assert not private_storage().exists(stale.file.name)
    assert run.counts["sessions"]["deleted"] == 1
    assert run.counts["draft_uploads"]["deleted"] == 1
    assert Session.objects.count() == 1

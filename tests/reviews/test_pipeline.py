"""The status pipeline: every allowed and refused transition, forged posts, bulk, notes, emails."""

import pytest
from django.core import mail
from django.urls import reverse

from forms.models import Application, ApplicationStatus, FormPurpose, statuses_for
from reviews.models import StatusChange
from reviews.pipeline import TRANSITIONS, InvalidTransition, change_status

from .conftest import make_application

pytestmark = pytest.mark.django_db

STATUSES = list(statuses_for(FormPurpose.APPLICATION))
PAIRS = [(before, after) for before in STATUSES for after in STATUSES]
ALLOWED = [pair for pair in PAIRS if pair[1] in TRANSITIONS[pair[0]]]
REFUSED = [pair for pair in PAIRS if pair[1] not in TRANSITIONS[pair[0]]]


def test_transition_table_matches_the_agreed_pipeline():
    S = ApplicationStatus
    assert set(TRANSITIONS[S.RECEIVED]) == {S.ELIGIBLE, S.NOT_ELIGIBLE, S.WITHDRAWN}
    assert set(TRANSITIONS[S.ELIGIBLE]) == {S.SHORTLISTED, S.UNSUCCESSFUL, S.WITHDRAWN}
    assert set(TRANSITIONS[S.NOT_ELIGIBLE]) == {S.ELIGIBLE}
    assert set(TRANSITIONS[S.SHORTLISTED]) == {S.INTERVIEW, S.UNSUCCESSFUL, S.WITHDRAWN}
    assert set(TRANSITIONS[S.INTERVIEW]) == {S.OFFERED, S.UNSUCCESSFUL, S.WITHDRAWN}
    assert set(TRANSITIONS[S.OFFERED]) == {S.PLACED, S.UNSUCCESSFUL, S.WITHDRAWN}
    assert TRANSITIONS[S.PLACED] == TRANSITIONS[S.UNSUCCESSFUL] == TRANSITIONS[S.WITHDRAWN] == ()


@pytest.mark.parametrize(("before", "after"), ALLOWED)
def test_allowed_transition_is_applied_and_recorded(site, reviewer_a, before, after):
    application = make_application(site["form_a"], site["a"], status=before)
    changed, change = change_status(application.pk, after, reviewer_a, note="ok")
    assert Application.objects.get(pk=application.pk).status == after
    assert (change.from_status, change.to_status, change.user, change.note) == (
        before,
        after,
        reviewer_a,
        "ok",
    )


@pytest.mark.parametrize(("before", "after"), REFUSED)
def test_refused_transition_changes_nothing(site, reviewer_a, before, after):
    application = make_application(site["form_a"], site["a"], status=before)
    with pytest.raises(InvalidTransition):
        change_status(application.pk, after, reviewer_a)
    assert Application.objects.get(pk=application.pk).status == before
    assert not StatusChange.objects.exists()


def post_status(client, application, **data):
    return client.post(reverse("application_status", args=[application.pk]), data)


def test_reviewer_moves_an_application_with_a_note(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    response = post_status(
        client, apps["a2"], to_status="shortlisted", note="Strong CV", expected_status="eligible"
    )
    assert response.status_code == 302
    apps["a2"].refresh_from_db()
    assert apps["a2"].status == "shortlisted"
    change = StatusChange.objects.get()
    assert (change.user, change.note) == (reviewer_a, "Strong CV")
    history = client.get(response["Location"]).content.decode()
    assert "Eligible → Shortlisted" in history and "Strong CV" in history and "reviewer-a" in history


@pytest.mark.parametrize("forged", ["placed", "offered", "received", "no-such-status", ""])
def test_forged_transition_is_refused_by_the_server(client, reviewer_a, apps, forged):
    client.force_login(reviewer_a)
    response = post_status(client, apps["a1"], to_status=forged, expected_status="received")
    assert response.status_code == 302
    apps["a1"].refresh_from_db()
    assert apps["a1"].status == "received"
    assert not StatusChange.objects.exists()
    assert "cannot move" in client.get(response["Location"]).content.decode()


def test_change_based_on_a_stale_status_is_refused(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    post_status(client, apps["a1"], to_status="withdrawn", expected_status="eligible")
    apps["a1"].refresh_from_db()
    assert apps["a1"].status == "received"


def test_status_change_on_another_programme_is_not_found(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert post_status(client, apps["b1"], to_status="eligible").status_code == 404
    apps["b1"].refresh_from_db()
    assert apps["b1"].status == "received"


def test_reader_without_change_permission_cannot_change_status(client, django_user_model, site, apps):
    from .conftest import make_group, make_user

    reader = make_user(django_user_model, "reader", make_group("Readers", [site["a"]], ("view_application",)))
    client.force_login(reader)
    response = post_status(client, apps["a1"], to_status="eligible")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    apps["a1"].refresh_from_db()
    assert apps["a1"].status == "received"


def test_get_on_the_status_view_is_not_allowed(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert client.get(reverse("application_status", args=[apps["a1"].pk])).status_code == 405


def test_email_is_previewed_before_it_is_sent(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    preview = post_status(
        client, apps["a2"], to_status="shortlisted", expected_status="eligible", send_email="1"
    )
    assert preview.status_code == 200
    html = preview.content.decode()
    assert "Your application CBSW-0002: Shortlisted" in html and "Dear Grace Hopper" in html
    apps["a2"].refresh_from_db()
    assert apps["a2"].status == "eligible" and mail.outbox == []
    confirm = post_status(
        client, apps["a2"], to_status="shortlisted", expected_status="eligible", send_email="1", confirm="1"
    )
    assert confirm.status_code == 302
    apps["a2"].refresh_from_db()
    assert apps["a2"].status == "shortlisted"


def test_confirmed_email_is_sent_through_the_task_queue(
    client, reviewer_a, apps, django_capture_on_commit_callbacks
):
    client.force_login(reviewer_a)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(
            client,
            apps["a2"],
            to_status="unsuccessful",
            expected_status="eligible",
            send_email="1",
            confirm="1",
        )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["grace@example.org"]
    assert message.subject == "Your application CBSW-0002: Unsuccessful"
    assert "has not been successful" in message.body
    assert StatusChange.objects.get().email_sent_at is not None


def test_no_email_without_the_tick(client, reviewer_a, apps, django_capture_on_commit_callbacks):
    client.force_login(reviewer_a)
    with django_capture_on_commit_callbacks(execute=True):
        post_status(client, apps["a1"], to_status="eligible", expected_status="received")
    assert mail.outbox == []


def test_note_is_added_with_its_author(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    response = client.post(
        reverse("application_note", args=[apps["a1"].pk]), {"text": "Called the applicant"}
    )
    assert response.status_code == 302
    note = apps["a1"].notes.get()
    assert (note.text, note.user) == ("Called the applicant", reviewer_a)


def test_note_on_another_programme_is_not_found(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert client.post(reverse("application_note", args=[apps["b1"].pk]), {"text": "x"}).status_code == 404
    assert not apps["b1"].notes.exists()


def bulk(client, ids, to_status):
    return client.post(
        reverse("application_bulk_status"),
        {"ids": [str(pk) for pk in ids], "to_status": to_status, "next": "/admin/applications/"},
    )


def test_bulk_change_moves_those_allowed_and_reports_the_rest(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    response = bulk(client, [apps["a1"].pk, apps["a2"].pk], "shortlisted")
    assert response.status_code == 302
    assert Application.objects.get(pk=apps["a2"].pk).status == "shortlisted"
    assert Application.objects.get(pk=apps["a1"].pk).status == "received"
    page = client.get(response["Location"]).content.decode()
    assert "1 moved to Shortlisted: CBSW-0002" in page
    assert "Not moved (not allowed from their status): CBSW-0001" in page


def test_bulk_change_carrying_another_programmes_id_changes_nothing(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    response = bulk(client, [apps["a1"].pk, apps["b1"].pk], "eligible")
    assert response.status_code in (302, 403) and response.get("Location", "/admin/") == "/admin/"
    assert Application.objects.get(pk=apps["a1"].pk).status == "received"
    assert Application.objects.get(pk=apps["b1"].pk).status == "received"
    assert not StatusChange.objects.exists()


def test_bulk_change_with_a_non_numeric_id_changes_nothing(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    bulk(client, [apps["a1"].pk, "1 OR 1=1"], "eligible")
    assert Application.objects.get(pk=apps["a1"].pk).status == "received"


def test_bulk_redirect_never_leaves_the_site(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    response = client.post(
        reverse("application_bulk_status"),
        {"ids": [apps["a1"].pk], "to_status": "eligible", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/admin/applications/"

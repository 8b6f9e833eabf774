"""Signed in: every application with its status in plain words, answers, CV, withdrawal, contact details."""

import pytest
from django.core import mail
from django.test import Client
from wagtail.log_actions import registry as log_action_registry

from forms.models import Application, StatusWording
from reviews.models import StatusChange

from .conftest import AMIRA, BOB, link_in, sent_to, sign_in

pytestmark = pytest.mark.django_db
HOME = "/your-applications/"


def application_log():
    """The model Wagtail keeps applications' audit entries in."""
    from forms.models import Application

    return log_action_registry.get_log_model_for_model(Application)


def test_each_application_shows_programme_reference_date_and_status_in_plain_words(client, made):
    sign_in(client, AMIRA)
    html = client.get(HOME).content.decode()
    assert "Shortlisted" in html
    assert "You are on the shortlist. We would like to invite you to an interview." in html
    assert "We have received your application. We will look at it soon." in html  # the STEM one
    assert made["amira"].submit_time.strftime("%-d %B %Y") in html


def test_editors_wording_for_a_status_replaces_the_default(client, made, site):
    StatusWording.objects.create(
        page=site["form"], status="shortlisted", wording="We would like to invite you to an interview"
    )
    sign_in(client, AMIRA)
    html = client.get(HOME).content.decode()
    assert "We would like to invite you to an interview" in html
    assert "You are on the shortlist." not in html
    assert "We have received your application." in html  # the STEM form has no wording of its own


def test_council_sign_ups_and_other_peoples_applications_are_not_listed(client, made):
    sign_in(client, AMIRA)
    html = client.get(HOME).content.decode()
    assert "CCBSW-CCCC-4444" not in html and "Leeds City Council" not in html
    assert "CBSW-BBBB-3333" not in html


def test_application_page_shows_answers_read_only_for_people_and_a_cv_to_download(client, made):
    sign_in(client, AMIRA)
    html = client.get("/your-applications/CBSW-AAAA-1111/").content.decode()
    assert "<dt>When did you last practise?</dt><dd>15/03/2022</dd>" in html
    assert "<dt>Why do you want to return?</dt><dd>I miss the work.</dd>" in html
    assert "<input" not in html.split("Your answers")[1].split("Your files")[0]
    cv = made["amira_cv"]
    assert f'href="/your-applications/CBSW-AAAA-1111/files/{cv.pk}/"' in html
    response = client.get(f"/your-applications/CBSW-AAAA-1111/files/{cv.pk}/")
    if response.status_code == 302:  # S3: a signed URL that saves the file
        assert "CBSW-AAAA-1111-amira-cv.pdf" in response["Location"]
    else:
        assert response.status_code == 200
        assert response["Content-Disposition"] == 'attachment; filename="CBSW-AAAA-1111-amira-cv.pdf"'
        assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_withdrawing_asks_first_then_withdraws_logs_and_tells_the_team(
    client, made, django_capture_on_commit_callbacks
):
    sign_in(client, AMIRA)
    page = client.get("/your-applications/CBSW-AAAA-1111/withdraw/").content.decode()
    assert "Are you sure you want to withdraw your application to Come Back to Social Work?" in page
    assert Application.objects.get(pk=made["amira"].pk).status == "shortlisted"

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/your-applications/CBSW-AAAA-1111/withdraw/", follow=True)
    html = response.content.decode()
    assert "You have withdrawn application CBSW-AAAA-1111." in html
    assert "This application has been withdrawn." in html
    assert "Withdraw this application" not in html
    assert Application.objects.get(pk=made["amira"].pk).status == "withdrawn"
    change = StatusChange.objects.get(application=made["amira"])
    assert (change.from_status, change.to_status, change.user) == ("shortlisted", "withdrawn", None)
    entry = application_log().objects.get(action="application_forms.withdraw")
    assert entry.object_id == str(made["amira"].pk) and entry.data == {"from": "shortlisted"}
    (notice,) = sent_to("team@example.org")
    assert "CBSW-AAAA-1111" in notice.subject and "withdrawn" in notice.body


def test_a_final_status_cannot_be_withdrawn(client, made):
    Application.objects.filter(pk=made["amira"].pk).update(status="unsuccessful")
    sign_in(client, AMIRA)
    assert (
        "Withdraw this application" not in client.get("/your-applications/CBSW-AAAA-1111/").content.decode()
    )
    response = client.post("/your-applications/CBSW-AAAA-1111/withdraw/", follow=True)
    assert "This application can no longer be withdrawn." in response.content.decode()
    assert Application.objects.get(pk=made["amira"].pk).status == "unsuccessful"
    assert not StatusChange.objects.exists()


def test_applicants_can_withdraw_from_exactly_the_statuses_the_pipeline_allows():
    from forms.applicants import WITHDRAWABLE
    from reviews.pipeline import TRANSITIONS

    assert {status for status, moves in TRANSITIONS.items() if "withdrawn" in moves} == WITHDRAWABLE


def test_new_phone_number_is_saved_on_every_application_that_asked_for_one(client, made):
    sign_in(client, AMIRA)
    assert "01632 960 001" in client.get(HOME).content.decode()
    response = client.post("/your-applications/change-phone/", {"phone": " 07700  900 982 "}, follow=True)
    assert "Your phone number has been changed." in response.content.decode()
    for key in ("amira", "amira_stem"):
        assert Application.objects.get(pk=made[key].pk).form_data["phone_number"] == "07700 900 982"
    assert Application.objects.get(pk=made["bob"].pk).form_data["phone_number"] == "01632 960 001"
    assert application_log().objects.filter(action="application_forms.update_contact").count() == 2


def test_a_phone_number_with_letters_is_refused_with_an_error(client, made):
    sign_in(client, AMIRA)
    response = client.post("/your-applications/change-phone/", {"phone": "call me maybe"})
    assert '<a href="#id_phone">Enter a phone number, like' in response.content.decode()
    assert Application.objects.get(pk=made["amira"].pk).form_data["phone_number"] == "01632 960 001"


def test_new_email_changes_nothing_until_the_link_sent_to_it_is_opened(client, made):
    sign_in(client, AMIRA)
    response = client.post(
        "/your-applications/change-email/", {"email": "amira.new@example.org"}, follow=True
    )
    assert "We have sent a link to amira.new@example.org." in response.content.decode()
    (message,) = sent_to("amira.new@example.org")
    assert Application.objects.get(pk=made["amira"].pk).applicant_email == AMIRA

    other_browser = Client()
    opened = other_browser.get(link_in(message), follow=True)
    assert "Your email address is now amira.new@example.org." in opened.content.decode()
    for key in ("amira", "amira_stem"):
        application = Application.objects.get(pk=made[key].pk)
        assert application.applicant_email == "amira.new@example.org"
        assert application.form_data["email_address"] == "amira.new@example.org"
    assert Application.objects.get(pk=made["signup"].pk).applicant_email == AMIRA  # not an application
    assert "CBSW-AAAA-1111" in other_browser.get(HOME).content.decode()
    assert "CBSW-AAAA-1111" not in client.get(HOME).content.decode()  # the old address has none now


def test_the_same_email_address_is_refused_as_a_new_one(client, made):
    sign_in(client, AMIRA)
    response = client.post("/your-applications/change-email/", {"email": "AMIRA@example.org"})
    assert "Enter a different email address from the one you use now" in response.content.decode()
    assert mail.outbox == []


def test_signed_out_visitors_are_sent_to_the_sign_in_page(client, made):
    for path in ("CBSW-AAAA-1111/", "CBSW-AAAA-1111/withdraw/", "change-phone/", "change-email/"):
        response = client.get(HOME + path)
        assert (response.status_code, response["Location"]) == (303, HOME)
    assert BOB not in client.get(HOME).content.decode()

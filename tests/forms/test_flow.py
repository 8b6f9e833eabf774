"""The GOV.UK flow: questions → check your answers → confirm → confirmation, with PRG and tokens."""

import logging
import re

import pytest
from django.test import Client

from forms.models import Application, ApplicationFile, EqualityMonitoring
from forms.references import ALPHABET

from .conftest import answers, apply, make_form_page, pdf

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(rf"^CBSW-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}$")


def test_completed_application_is_saved_with_reference_programme_name_email_and_linked_cv(
    client, form_page, programme
):
    response = apply(client, form_page)
    assert response.status_code == 303
    assert response["Location"] == form_page.url + "confirmation/"
    application = Application.objects.get()
    assert REFERENCE.match(application.reference)
    assert application.programme.pk == programme.pk
    assert application.applicant_name == "Amira Khan"
    assert application.applicant_email == "amira@example.org"
    assert application.form_data["full_name"] == "Amira Khan"
    assert application.form_data["privacy_consent"] is True
    assert application.form_data["your_cv"] == "cv.pdf"
    assert "your_website" not in application.form_data
    assert ApplicationFile.objects.get().application == application
    confirmation = client.get(response["Location"])
    assert application.reference in confirmation.content.decode()
    assert "We will be in touch within 10 working days" in confirmation.content.decode()


def test_valid_questions_redirect_to_check_your_answers_with_change_links(client, form_page):
    response = client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert response.status_code == 303
    assert response["Location"] == form_page.url + "check/"
    check = client.get(response["Location"]).content.decode()
    assert "Amira Khan" in check
    assert "cv.pdf" in check
    assert f'href="{form_page.url}step-1/?change=check#id_full_name"' in check
    assert 'Change<span class="visually-hidden"> Full name</span>' in check
    assert Application.objects.count() == 0
    assert ApplicationFile.objects.filter(application__isnull=True).count() == 1


def test_change_link_shows_the_questions_filled_in_with_earlier_answers(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    page = client.get(form_page.url + "step-1/").content.decode()
    assert 'value="Amira Khan"' in page
    assert "You uploaded <strong>cv.pdf</strong>" in page


def test_changing_an_answer_keeps_the_uploaded_cv(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    response = client.post(form_page.url + "step-1/", answers(full_name="Amira Begum"))
    assert response.status_code == 303
    check = client.get(form_page.url + "check/")
    client.post(form_page.url + "check/", {"token": check.context["draft_token"]})
    application = Application.objects.get()
    assert application.applicant_name == "Amira Begum"
    assert application.files.count() == 1


def test_replacing_the_cv_deletes_the_first_upload(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf("first.pdf")})
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf("second.pdf")})
    assert list(ApplicationFile.objects.values_list("original_name", flat=True)) == ["second.pdf"]


def test_double_submit_of_check_your_answers_creates_one_application(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    token = client.get(form_page.url + "check/").context["draft_token"]
    first = client.post(form_page.url + "check/", {"token": token})
    second = client.post(form_page.url + "check/", {"token": token})
    assert first.status_code == second.status_code == 303
    assert second["Location"] == form_page.url + "confirmation/"
    assert Application.objects.count() == 1


def test_refreshing_the_confirmation_shows_the_same_reference(client, form_page):
    apply(client, form_page)
    reference = Application.objects.get().reference
    for _ in range(2):
        assert reference in client.get(form_page.url + "confirmation/").content.decode()
    assert Application.objects.count() == 1


def test_resubmitting_the_questions_with_a_used_token_goes_to_the_same_confirmation(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    token = client.get(form_page.url + "check/").context["draft_token"]
    client.post(form_page.url + "check/", {"token": token})
    again = client.post(form_page.url + "step-1/", {**answers(), "token": token, "your_cv": pdf()})
    assert again["Location"] == form_page.url + "confirmation/"
    assert Application.objects.count() == 1


def test_confirm_without_the_session_token_saves_nothing(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    response = client.post(form_page.url + "check/", {"token": "guessed"})
    assert response.status_code == 303
    assert Application.objects.count() == 0


def test_another_browser_cannot_confirm_with_a_copied_token(client, form_page):
    client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    token = client.get(form_page.url + "check/").context["draft_token"]
    Client().post(form_page.url + "check/", {"token": token})
    assert Application.objects.count() == 0


def test_confirmation_without_an_application_goes_back_to_the_form(client, form_page):
    response = client.get(form_page.url + "confirmation/")
    assert response.status_code == 303
    assert response["Location"] == form_page.url


def test_check_your_answers_without_answers_goes_back_to_the_form(client, form_page):
    response = client.get(form_page.url + "check/")
    assert response["Location"] == form_page.url


@pytest.mark.parametrize("step", ["", "check/", "confirmation/"])
def test_every_step_is_sent_private_no_store(client, form_page, step):
    apply(client, form_page) if step == "confirmation/" else client.post(form_page.url + "step-1/", answers())
    if step == "check/":
        client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    response = client.get(form_page.url + step)
    cache_control = response["Cache-Control"]
    assert "private" in cache_control
    assert "no-store" in cache_control


def test_post_responses_are_private_no_store(client, form_page):
    response = client.post(form_page.url + "step-1/", answers(full_name=""))
    assert "no-store" in response["Cache-Control"]


def test_errors_show_a_summary_linking_to_each_field_and_keep_the_answers(client, form_page):
    response = client.post(form_page.url + "step-1/", answers(full_name="", email_address="not-an-email"))
    assert response.status_code == 200
    html = response.content.decode()
    assert response.context["form"].errors
    assert "<title>Error: " in html
    assert "data-error-summary" in html and 'tabindex="-1"' in html
    assert '<a href="#id_full_name">Enter your full name</a>' in html
    assert '<a href="#id_email_address">Enter an email address in the correct format' in html
    assert '<a href="#id_your_cv">Select a file for “Your CV”</a>' in html
    assert 'id="id_email_address_error"' in html
    assert 'aria-describedby="id_email_address_error"' in html
    assert 'value="not-an-email"' in html
    assert "summary.focus()" in html
    assert Application.objects.count() == 0


def test_a_valid_cv_is_kept_when_other_answers_have_errors(client, form_page):
    response = client.post(form_page.url + "step-1/", {**answers(full_name=""), "your_cv": pdf()})
    assert "You uploaded <strong>cv.pdf</strong>" in response.content.decode()
    response = client.post(form_page.url + "step-1/", answers())
    assert response.status_code == 303


def test_consent_is_required_and_links_the_privacy_notice(client, form_page, home_page):
    from wagtail.models import Site

    from home.models import SiteSettings, StandardPage

    privacy = home_page.add_child(instance=StandardPage(title="Privacy notice", slug="privacy"))
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.privacy_page = privacy
    settings.save()
    response = client.post(form_page.url + "step-1/", {**answers(privacy_consent=""), "your_cv": pdf()})
    html = response.content.decode()
    assert "Tick the box to agree to the privacy notice" in html
    assert 'href="/privacy/"' in html


def test_radio_and_checkbox_groups_are_fieldsets_with_legends(client, programme):
    page = make_form_page(
        programme,
        [
            ("Are you qualified?", "radio", {"choices": "Yes\nNo"}),
            ("Areas", "checkboxes", {"choices": "Adults\nChildren", "required": False}),
        ],
    )
    html = client.get(page.url + "step-1/").content.decode()
    assert html.count('<fieldset class="fieldset"') == 2
    assert '<legend class="fieldset__legend">Are you qualified?</legend>' in html
    assert '<legend class="fieldset__legend">Areas (optional)</legend>' in html
    response = client.post(page.url + "step-1/", {"privacy_consent": "on"})
    assert '<a href="#id_are_you_qualified_0">' in response.content.decode()


def test_personal_fields_have_autocomplete(client, programme):
    page = make_form_page(
        programme,
        [
            ("Full name", "singleline", {"role": "name"}),
            ("Email", "email", {"role": "email"}),
            ("Phone", "singleline", {"role": "phone"}),
            ("Postcode", "singleline", {"role": "postcode"}),
        ],
    )
    html = client.get(page.url + "step-1/").content.decode()
    for value in ('autocomplete="name"', 'autocomplete="email"', 'autocomplete="tel"', 'type="tel"'):
        assert value in html
    assert 'autocomplete="postal-code"' in html


def test_equality_answers_are_stored_apart_never_in_form_data(client, programme):
    page = make_form_page(
        programme,
        [
            ("Full name", "singleline", {"role": "name"}),
            ("What is your age?", "radio", {"choices": "Under 25\n25 or over", "section": "equality"}),
        ],
    )
    response = apply(client, page, {**answers(), "what_is_your_age": "25 or over"}, cv=False)
    assert response.status_code == 303
    application = Application.objects.get()
    assert "what_is_your_age" not in application.form_data
    assert EqualityMonitoring.objects.get(application=application).answers == {
        "what_is_your_age": "25 or over"
    }


def test_equality_questions_are_optional_and_unanswered_ones_store_no_record(client, programme):
    page = make_form_page(
        programme,
        [
            (
                "What is your sex?",
                "radio",
                {"choices": "Female\nMale", "section": "equality", "required": True},
            )
        ],
    )
    assert apply(client, page, answers(), cv=False).status_code == 303
    assert EqualityMonitoring.objects.count() == 0
    assert "Equality monitoring (optional)" in client.get(page.url + "step-1/").content.decode()


def test_honeypot_gets_a_fake_confirmation_and_nothing_is_stored(client, form_page):
    response = client.post(
        form_page.url + "step-1/", {**answers(), "your_website": "http://spam.example", "your_cv": pdf()}
    )
    assert response.status_code == 200
    assert "Application complete" in response.content.decode()
    assert Application.objects.count() == 0
    assert ApplicationFile.objects.count() == 0
    assert f"rtw-application-{form_page.pk}" not in client.session


def test_post_without_csrf_token_is_refused_with_403(form_page):
    csrf_client = Client(enforce_csrf_checks=True)
    response = csrf_client.post(form_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert response.status_code == 403
    assert ApplicationFile.objects.count() == 0


def test_post_with_csrf_token_is_accepted(form_page):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.get(form_page.url + "step-1/")
    token = csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        form_page.url + "step-1/", {**answers(), "your_cv": pdf(), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 303


def test_answers_never_appear_in_urls_or_logs(client, form_page, caplog):
    caplog.set_level(logging.DEBUG)
    responses = [client.post(form_page.url + "step-1/", answers(email_address="bad"))]
    response = apply(client, form_page)
    responses += [response, client.get(response["Location"])]
    for item in responses:
        assert "amira" not in item.get("Location", "").lower()
    assert "amira" not in caplog.text.lower()
    assert "Amira" not in caplog.text


def test_error_reports_hide_the_posted_answers(rf, form_page):
    from django.contrib.auth.models import AnonymousUser
    from django.contrib.sessions.backends.db import SessionStore
    from django.views.debug import SafeExceptionReporterFilter

    request = rf.post(form_page.url + "step-1/", answers(full_name=""))
    request.session, request.user = SessionStore(), AnonymousUser()
    request._dont_enforce_csrf_checks = True
    form_page.serve(request)
    cleaned = SafeExceptionReporterFilter().get_post_parameters(request)
    assert "amira@example.org" not in str(dict(cleaned))
    assert set(cleaned.values()) == {"********************"}


def test_council_signup_uses_its_own_prefix_and_purpose(client, programme):
    from campaigns.factories import CouncilInformationPageFactory

    council_page = CouncilInformationPageFactory(parent=programme)
    page = make_form_page(
        council_page,
        [("Council name", "singleline", {}), ("Contact email", "email", {"role": "email"})],
        purpose="council-signup",
        reference_prefix="CCBSW",
        slug="sign-up",
    )
    response = apply(
        client,
        page,
        {"council_name": "Leeds", "contact_email": "a@leeds.example", "privacy_consent": "on"},
        cv=False,
    )
    assert response.status_code == 303
    application = Application.objects.get()
    assert application.reference.startswith("CCBSW-")
    assert application.programme.pk == programme.pk
    assert "Sign-up complete" in client.get(response["Location"]).content.decode()


def test_optional_dropdown_left_alone_records_no_answer(client, programme):
    page = make_form_page(
        programme,
        fields=[
            ("Full name", "singleline", {"role": "name"}),
            (
                "How did you hear about us?",
                "dropdown",
                {"choices": "A council website, A friend", "required": False},
            ),
        ],
        slug="apply-dropdown",
    )
    form = client.get(page.url + "step-1/").content.decode()
    assert '<option value="" selected>Select an answer</option>' in form
    response = client.post(page.url + "step-1/", {"full_name": "Amira", "privacy_consent": "on"})
    assert response.status_code == 303
    check = client.get(response["Location"]).content.decode()
    assert "Check your answers" in check
    assert "A council website" not in check


def test_required_dropdown_must_be_chosen(client, programme):
    page = make_form_page(
        programme,
        fields=[("Which programme?", "dropdown", {"choices": "Adults, Children"})],
        slug="apply-required-dropdown",
    )
    response = client.post(page.url + "step-1/", {"which_programme": ""})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()

"""Council and employer sign-ups have their own listing wording, statuses and pipeline, apart from
applications."""

from dataclasses import dataclass

import pytest
from django.urls import reverse

from forms.models import Application, ApplicationStatus, FormPurpose, statuses_for
from reviews.pipeline import SIGNUP_TRANSITIONS, InvalidTransition, change_status
from reviews.status_emails import render_status_email
from tests.reviews.conftest import make_application, make_form

S = ApplicationStatus
APPLICATIONS = "/admin/applications/"


@dataclass(frozen=True)
class Signup:
    """One sign-up in programme A, its listing's address and what the listing calls it."""

    application: Application
    listing: str
    noun: str


@pytest.fixture(params=[FormPurpose.COUNCIL_SIGNUP, FormPurpose.EMPLOYER_SIGNUP])
def signup(request, site, apps):
    """The council sign-up of ``apps``, or an employer's sign-up to A beside it."""
    if request.param == FormPurpose.COUNCIL_SIGNUP:
        return Signup(apps["s1"], "/admin/council-sign-ups/", "council sign-up")
    form = make_form(site["a"], FormPurpose.EMPLOYER_SIGNUP, title="Employer sign-up")
    application = make_application(
        form, site["a"], name="Leeds Care Ltd", email="jobs@leedscare.example.org", reference="CBSW-E001"
    )
    return Signup(application, "/admin/employer-sign-ups/", "employer sign-up")


def status_options(html):
    """The options of the listing's status filter."""
    start = html.index('name="status__exact"')
    return html[start : html.index("</select>", start)]


@pytest.mark.django_db
@pytest.mark.parametrize("purpose", [FormPurpose.COUNCIL_SIGNUP, FormPurpose.EMPLOYER_SIGNUP])
def test_the_signup_pipeline_is_received_contacted_signed_up_or_declined(purpose):
    assert statuses_for(purpose) == (S.RECEIVED, S.CONTACTED, S.SIGNED_UP, S.DECLINED)
    assert SIGNUP_TRANSITIONS == {
        S.RECEIVED: (S.CONTACTED, S.DECLINED),
        S.CONTACTED: (S.SIGNED_UP, S.DECLINED),
        S.SIGNED_UP: (),
        S.DECLINED: (),
    }


@pytest.mark.django_db
def test_signups_are_listed_with_their_own_wording_and_statuses(client, reviewer_a, signup):
    client.force_login(reviewer_a)
    response = client.get(signup.listing)
    html = response.content.decode()
    assert response.status_code == 200
    assert f"1 {signup.noun} found." in html
    assert f"Move the selected {signup.noun}s to" in html
    options = status_options(html)
    assert "Contacted" in options and "Signed up" in options and "Declined" in options
    assert "Shortlisted" not in options and "Interview" not in options and "Offered" not in options
    assert "Eligibility" not in html


@pytest.mark.django_db
def test_applications_keep_the_applicant_statuses(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    html = client.get(APPLICATIONS).content.decode()
    assert "2 applications found." in html
    options = status_options(html)
    assert "Shortlisted" in options and "Contacted" not in options and "Signed up" not in options


@pytest.mark.django_db
def test_a_signup_moves_to_contacted_from_its_page(client, reviewer_a, signup):
    client.force_login(reviewer_a)
    pk = signup.application.pk
    inspect = client.get(f"{signup.listing}inspect/{pk}/").content.decode()
    assert '<label for="to-status-contacted">Contacted</label>' in inspect
    assert '<label for="to-status-declined">Declined</label>' in inspect
    assert 'value="eligible"' not in inspect
    client.post(reverse("application_status", args=[pk]), {"to_status": "contacted"})
    assert Application.objects.get(pk=pk).status == S.CONTACTED


@pytest.mark.django_db
@pytest.mark.parametrize("to_status", [S.ELIGIBLE, S.SHORTLISTED, S.SIGNED_UP])
def test_a_signup_cannot_take_an_applicant_status_or_skip_a_step(client, reviewer_a, signup, to_status):
    client.force_login(reviewer_a)
    pk = signup.application.pk
    response = client.post(reverse("application_status", args=[pk]), {"to_status": to_status})
    assert response.status_code == 302
    assert Application.objects.get(pk=pk).status == S.RECEIVED
    with pytest.raises(InvalidTransition):
        change_status(pk, to_status, reviewer_a)


@pytest.mark.django_db
def test_a_signups_status_email_names_it_as_its_listing_does(signup):
    reference = signup.application.reference
    subject, body = render_status_email(signup.application, S.CONTACTED)
    assert subject == f"Your {signup.noun} {reference}: Contacted"
    assert f"Your {signup.noun} {reference} to Come Back to Social Work is now: Contacted." in body


@pytest.mark.django_db
def test_an_application_cannot_take_a_signup_status(reviewer_a, apps):
    with pytest.raises(InvalidTransition):
        change_status(apps["a1"].pk, S.CONTACTED, reviewer_a)

"""Council sign-ups have their own listing wording, statuses and pipeline, apart from applications."""

import pytest
from django.urls import reverse

from forms.models import Application, ApplicationStatus, FormPurpose, statuses_for
from reviews.pipeline import SIGNUP_TRANSITIONS, InvalidTransition, change_status

S = ApplicationStatus
SIGNUPS = "/admin/council-sign-ups/"
APPLICATIONS = "/admin/applications/"


def status_options(html):
    """The options of the listing's status filter."""
    start = html.index('name="status__exact"')
    return html[start : html.index("</select>", start)]


@pytest.mark.django_db
def test_the_signup_pipeline_is_received_contacted_signed_up_or_declined():
    assert statuses_for(FormPurpose.COUNCIL_SIGNUP) == (S.RECEIVED, S.CONTACTED, S.SIGNED_UP, S.DECLINED)
    assert SIGNUP_TRANSITIONS == {
        S.RECEIVED: (S.CONTACTED, S.DECLINED),
        S.CONTACTED: (S.SIGNED_UP, S.DECLINED),
        S.SIGNED_UP: (),
        S.DECLINED: (),
    }


@pytest.mark.django_db
def test_signups_are_listed_with_their_own_wording_and_statuses(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    html = client.get(SIGNUPS).content.decode()
    assert "1 council sign-up found." in html
    assert "Move the selected council sign-ups to" in html
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
def test_a_signup_moves_to_contacted_from_its_page(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    inspect = client.get(f"{SIGNUPS}inspect/{apps['s1'].pk}/").content.decode()
    assert '<label for="to-status-contacted">Contacted</label>' in inspect
    assert '<label for="to-status-declined">Declined</label>' in inspect
    assert 'value="eligible"' not in inspect
    client.post(reverse("application_status", args=[apps["s1"].pk]), {"to_status": "contacted"})
    assert Application.objects.get(pk=apps["s1"].pk).status == S.CONTACTED


@pytest.mark.django_db
@pytest.mark.parametrize("to_status", [S.ELIGIBLE, S.SHORTLISTED, S.SIGNED_UP])
def test_a_signup_cannot_take_an_applicant_status_or_skip_a_step(client, reviewer_a, apps, to_status):
    client.force_login(reviewer_a)
    response = client.post(reverse("application_status", args=[apps["s1"].pk]), {"to_status": to_status})
    assert response.status_code == 302
    assert Application.objects.get(pk=apps["s1"].pk).status == S.RECEIVED
    with pytest.raises(InvalidTransition):
        change_status(apps["s1"].pk, to_status, reviewer_a)


@pytest.mark.django_db
def test_an_application_cannot_take_a_signup_status(reviewer_a, apps):
    with pytest.raises(InvalidTransition):
        change_status(apps["a1"].pk, S.CONTACTED, reviewer_a)

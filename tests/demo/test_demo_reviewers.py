"""The demo's reviewers: each logs in and sees only their own programme's applications."""

import io
import re

import pytest
from django.core.management import call_command

from forms.models import Application, ApplicationFile, PoolProfile
from tests.conftest import load_demo, sign_in

pytestmark = pytest.mark.django_db


def listed_references(response):
    assert response.status_code == 200
    return set(re.findall(r'aria-label="Select ([^"]+)"', response.content.decode()))


@pytest.fixture
def demo(demo_site, monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "demo-password-for-tests")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    return out.getvalue()


def test_ensure_admin_prints_each_demo_reviewer_login(demo):
    assert "Reviewer login: socialwork.reviewer / (from ADMIN_PASSWORD)" in demo
    assert "Reviewer login: stem.reviewer / (from ADMIN_PASSWORD)" in demo


def test_demo_has_applications_with_cvs_for_open_and_closed_programmes_only(demo):
    prefixes = {
        reference.split("-")[0] for reference in Application.objects.values_list("reference", flat=True)
    }
    assert prefixes == {"CBSW", "STEM"}  # the ICT programme has not opened yet
    assert ApplicationFile.objects.filter(application__isnull=False).count() == Application.objects.count()


def test_demo_applications_are_not_duplicated_on_a_second_run(demo):
    before = Application.objects.count()
    load_demo()
    assert Application.objects.count() == before


def test_social_work_reviewer_sees_only_social_work_applications(client, demo):
    assert sign_in(client, "socialwork.reviewer", "demo-password-for-tests").status_code == 302
    references = listed_references(client.get("/admin/applications/"))
    expected = set(
        Application.objects.filter(reference__startswith="CBSW").values_list("reference", flat=True)
    )
    assert references == expected and len(expected) == 8


def test_stem_reviewer_sees_none_of_the_social_work_applications(client, demo):
    assert sign_in(client, "stem.reviewer", "demo-password-for-tests").status_code == 302
    references = listed_references(client.get("/admin/applications/"))
    assert references and all(reference.startswith("STEM-") for reference in references)
    social_work = Application.objects.filter(reference__startswith="CBSW").first()
    assert client.get(f"/admin/applications/inspect/{social_work.pk}/").status_code == 404


def test_ensure_admin_prints_the_demo_recruiter_login_which_finds_candidates_by_a_skill(client, demo):
    assert "Recruiter login: recruiter@leeds.example.org / (from ADMIN_PASSWORD) (Leeds City Council" in demo
    credentials = {"username": "recruiter@leeds.example.org", "password": "demo-password-for-tests"}
    assert client.post("/recruiters/sign-in/", credentials).status_code == 302
    results = client.get("/recruiters/", {"words": "Mandarin"})
    grace = PoolProfile.objects.filter(application__applicant_name="Grace Lin")
    assert {f"Candidate {profile.pk}:" in results.text for profile in grace} == {True}
    assert results.text.count("Candidate ") - results.text.count("Candidate 0") == grace.count() == 2

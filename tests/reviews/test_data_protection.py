"""Subject access and erasure in the admin, for an officer with the data-protection permission."""

import io
import json
import zipfile

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from campaigns.choices import Region
from forms import plans, pool
from forms.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    EqualityMonitoring,
    PlanItem,
    PlanItemStatus,
)
from forms.storage import private_storage
from recruiters import interests
from reviews.models import ApplicationLogEntry, ApplicationNote, DataProtectionRequest, StatusChange
from tests.recruiters.conftest import make_recruiter
from tests.reviews.conftest import PDF_BYTES, attach_cv, make_application

ACCESS, ERASE, TOOLS = "data_protection_access", "data_protection_erase", "data_protection"


@pytest.fixture
def officer(django_user_model):
    group = Group.objects.create(name="Data protection officers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="handle_data_protection"),
    )
    user = django_user_model.objects.create_user(username="dpo", password="pass-word-123")
    user.groups.add(group)
    return user


@pytest.fixture
def ada(site, apps):
    """Ada's data in two programmes: applications (one with a CV), a note, history, equality answers."""
    other = make_application(site["form_b"], site["b"], email="ADA@example.org", reference="STEM-0009")
    cv = attach_cv(apps["a1"])
    ApplicationNote.objects.create(application=apps["a1"], text="Phoned Ada about her CV")
    StatusChange.objects.create(
        application=other, from_status="received", to_status="eligible", email_subject="You are eligible"
    )
    return {"a1": apps["a1"], "b": other, "cv": cv}


def test_officers_without_the_permission_get_403(client, reviewer_a, apps):
    client.force_login(reviewer_a)
    assert client.get(reverse(TOOLS)).status_code == 403
    assert client.post(reverse(ACCESS), {"access-email": "ada@example.org"}).status_code == 403
    assert client.post(reverse(ERASE), {"erase-email": "ada@example.org", "erase": "1"}).status_code == 403
    assert Application.objects.filter(applicant_email="ada@example.org").exists()


def test_subject_access_zip_holds_everything_for_the_address_across_programmes(client, officer, ada, apps):
    client.force_login(officer)
    response = client.post(reverse(ACCESS), {"access-email": "Ada@Example.org"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="subject-access-')
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    assert sorted(record["reference"] for record in data["applications"]) == ["CBSW-0001", "STEM-0009"]
    assert data["equality_answers"][0]["answers"]["sexual_orientation"] == "Secret-EQ-answer"
    assert data["notes"][0]["note"] == "Phoned Ada about her CV"
    assert data["status_history"][0]["email_subject"] == "You are eligible"
    [cv_path] = [name for name in archive.namelist() if name.startswith("files/CBSW-0001/")]
    assert archive.read(cv_path) == PDF_BYTES
    summary = archive.read("summary.txt").decode()
    assert "CBSW-0001: Come Back to Social Work" in summary
    assert "months after the form closes" in summary
    assert "Grace" not in archive.read("data.json").decode()  # nobody else's data


def test_subject_access_zip_holds_the_plan_the_pool_profile_and_recruiters_interest(client, officer, ada):
    item = plans.add_reviewer_item(ada["a1"], None, "HCPC re-registration")
    PlanItem.objects.filter(pk=item.pk).update(
        status=PlanItemStatus.DOING, applicant_notes="Form sent in May", reviewer_feedback="Well done"
    )
    profile = pool.save_profile(ada["a1"], [Region.YORKSHIRE], {"skills_summary": "Adult safeguarding"}, True)
    pool.leave(ada["a1"])
    recruiter = make_recruiter("Leeds City Council", "recruiter@leeds.example.org")
    interests.express_interest(recruiter, profile, "A role in Leeds")
    client.force_login(officer)
    response = client.post(reverse(ACCESS), {"access-email": "ada@example.org"})
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    data = json.loads(archive.read("data.json"))
    [plan] = data["plans"]
    assert (plan["item"], plan["status"]) == ("HCPC re-registration", "Doing")
    assert (plan["your_notes"], plan["reviewer_feedback"]) == ("Form sent in May", "Well done")
    [profile_record] = json.loads(archive.read("pool_profiles.json"))
    assert profile_record["regions"] == ["Yorkshire and the Humber"]
    assert profile_record["skills_summary"] == "Adult safeguarding"
    assert profile_record["consented_at"] and profile_record["consent_expires_at"]
    assert profile_record["withdrawn_at"]
    assert data["recruiter_interests"][0]["message"] == "A role in Leeds"
    summary = archive.read("summary.txt").decode()
    assert "Development plans: 1" in summary and "Talent pool profiles: 1" in summary
    assert "development plans (their items, your notes and reviewers' feedback): open for 6 months" in summary


def test_subject_access_is_audited_without_the_address(client, officer, ada):
    client.force_login(officer)
    client.post(reverse(ACCESS), {"access-email": "ada@example.org"})
    request = DataProtectionRequest.objects.get()
    assert request.references == ["CBSW-0001", "STEM-0009"]
    assert request.counts["applications"] == 2
    entry = ModelLogEntry.objects.get(action="reviews.subject_access")
    assert "ada" not in json.dumps(entry.data).lower()
    assert ApplicationLogEntry.objects.filter(action="application_forms.subject_access").count() == 2


def test_subject_access_for_an_address_with_no_data_says_so(client, officer, apps):
    client.force_login(officer)
    response = client.post(reverse(ACCESS), {"access-email": "nobody@example.org"})
    assert "We found no personal data for nobody@example.org" in response.content.decode()


def test_a_malformed_address_gets_a_clear_error_not_a_500(client, officer):
    client.force_login(officer)
    response = client.post(reverse(ERASE), {"erase-email": "not an address"})
    assert response.status_code == 400
    assert "Enter an email address like name@example.org" in response.content.decode()


def test_erasure_of_an_address_with_no_data_says_so(client, officer, apps):
    client.force_login(officer)
    response = client.post(reverse(ERASE), {"erase-email": "nobody@example.org", "erase": "1"})
    assert (
        "We found no personal data for nobody@example.org. Nothing was deleted." in response.content.decode()
    )
    assert Application.objects.count() == 4


def test_erasure_shows_what_would_go_then_deletes_everything_for_the_address(client, officer, ada, apps):
    client.force_login(officer)
    log(instance=ada["a1"], action="application_forms.add_note", data={"note": "about Ada"})
    draft = SessionStore()
    draft["rtw-application-1"] = {"data": {"email_address": ["ada@example.org"]}, "files": {}, "token": "t"}
    draft.create()
    preview = client.post(reverse(ERASE), {"erase-email": "ada@example.org"}).content.decode()
    assert "Applications and their files: 2" in preview
    assert "Applications not sent yet (drafts): 1" in preview
    assert Application.objects.filter(applicant_email__iexact="ada@example.org").count() == 2

    done = client.post(reverse(ERASE), {"erase-email": "ada@example.org", "erase": "1"}).content.decode()
    assert "Nothing is left for this address." in done
    assert "Applications and their files: 2" in done
    assert "Equality monitoring answers: 1" in done
    assert "CBSW-0001" in done
    assert not Application.objects.filter(applicant_email__iexact="ada@example.org").exists()
    assert not EqualityMonitoring.objects.exists()
    assert not ApplicationNote.objects.exists()
    assert not StatusChange.objects.filter(application__reference="STEM-0009").exists()
    assert not ApplicationFile.objects.exists()
    assert not private_storage().exists(ada["cv"].file.name)
    assert not Session.objects.filter(session_key=draft.session_key).exists()
    entry = ApplicationLogEntry.objects.get(action="application_forms.add_note")
    assert (entry.label, entry.data) == ("CBSW-0001", {})
    assert "ada" not in json.dumps(ModelLogEntry.objects.get(action="reviews.erasure").data).lower()
    assert Application.objects.filter(reference="CBSW-0002").exists()  # Grace's is untouched


def test_erased_address_is_no_longer_found_by_the_admin_search(client, officer, ada, django_user_model):
    admin = django_user_model.objects.create_superuser(username="root", password="pass-word-123")
    client.force_login(admin)
    search = {"q": "ada@example.org"}
    assert "CBSW-0001" in client.get(reverse("applications_modeladmin_index"), search).content.decode()
    client.force_login(officer)
    client.post(reverse(ERASE), {"erase-email": "ada@example.org", "erase": "1"})
    client.force_login(admin)
    listing = client.get(reverse("applications_modeladmin_index"), search).content.decode()
    assert "CBSW-0001" not in listing
    assert "STEM-0009" not in listing


def test_erasure_waits_for_confirmation_while_an_application_is_in_recruitment(client, officer, apps):
    Application.objects.filter(pk=apps["a1"].pk).update(status=ApplicationStatus.INTERVIEW)
    client.force_login(officer)
    response = client.post(reverse(ERASE), {"erase-email": "ada@example.org", "erase": "1"})
    assert response.status_code == 400
    assert "CBSW-0001 is still in recruitment" in response.content.decode()
    assert Application.objects.filter(pk=apps["a1"].pk).exists()
    data = {"erase-email": "ada@example.org", "erase": "1", "erase-confirm_active": "on"}
    client.post(reverse(ERASE), data)
    assert not Application.objects.filter(pk=apps["a1"].pk).exists()

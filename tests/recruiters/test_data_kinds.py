"""Interests and the audit of profile views are personal data: subject access and erasure cover them."""

import pytest

from forms import personal_data
from recruiters import interests
from recruiters.models import Interest, ProfileAudit
from reviews.erasure import erase
from tests.forms.applicants.conftest import AMIRA, BOB

pytestmark = pytest.mark.django_db


@pytest.fixture
def interested(recruiters, pool):
    recruiter = recruiters["a"]
    interests.view_profile(recruiter, pool["amira"].pk)
    interests.express_interest(recruiter, pool["amira"], "A role in Leeds")
    interests.express_interest(recruiter, pool["bob"], "A role for Bob")
    return recruiter


def test_subject_access_exports_the_interests_and_who_viewed_the_profile(interested):
    (record,) = (
        personal_data.get("recruiter_interests")
        .export(personal_data.get("recruiter_interests").for_email(AMIRA.upper()))
        .records
    )
    assert record["organisation"] == "Leeds City Council" and record["message"] == "A role in Leeds"
    audit = personal_data.get("recruiter_audit").export(personal_data.get("recruiter_audit").for_email(AMIRA))
    assert {row["what"] for row in audit.records} == {"Viewed the profile", "Expressed interest"}


def test_erasure_deletes_the_interests_and_audit_of_that_address_only(interested, admin_user):
    request = erase(AMIRA, admin_user)
    assert request.counts["recruiter_interests"] == 1
    assert list(Interest.objects.values_list("profile__application__applicant_email", flat=True)) == [BOB]
    assert not ProfileAudit.objects.filter(profile__application__applicant_email=AMIRA).exists()

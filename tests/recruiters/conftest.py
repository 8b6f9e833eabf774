"""Two recruiting organisations (a council and an employer) with a recruiter each, and pool candidates.

Amira (social work, Yorkshire, "child protection") and Bob (social work, London, "court
reports") are in the talent pool; Bob's phone number is on his application.
"""

import pytest
from django.contrib.auth import get_user_model

from campaigns.models import Council
from forms.models import ApplicationFormPage
from forms.pool import save_profile
from recruiters.models import Recruiter, RecruitingOrganisation
from tests.forms.applicants.conftest import made, site  # noqa: F401 - fixtures used here

PASSWORD = "correct horse battery staple"  # noqa: S105 - test data


def make_recruiter(organisation_name, email, council=None):
    kind = RecruitingOrganisation.Kind.COUNCIL if council else RecruitingOrganisation.Kind.EMPLOYER
    organisation = RecruitingOrganisation.objects.create(name=organisation_name, kind=kind, council=council)
    user = get_user_model().objects.create_user(email, email, PASSWORD)
    return Recruiter.objects.create(user=user, organisation=organisation)


@pytest.fixture
def recruiters(db):
    leeds = Council.objects.create(name="Leeds City Council", region="yorkshire")
    return {
        "a": make_recruiter("Leeds City Council", "recruiter@leeds.example.org", council=leeds),
        "b": make_recruiter("Acme Care Ltd", "recruiter@acme.example.org"),
    }


@pytest.fixture
def pool(site, made):  # noqa: F811 - the fixtures imported above
    """Amira and Bob in the pool (their programme is social work)."""
    ApplicationFormPage.objects.filter(pk=site["form"].pk).update(offer_talent_pool=True)
    site["social_work"].profession = "social-work"
    site["social_work"].save()
    made["amira"].refresh_from_db()
    amira = save_profile(
        made["amira"], ["yorkshire"], {"skills_summary": "Child protection and supervising students."}, True
    )
    bob = save_profile(made["bob"], ["london"], {"skills_summary": "Court reports."}, consent=True)
    return {"amira": amira, "bob": bob}


def recruiter_client(client, recruiter):
    client.force_login(recruiter.user)
    return client

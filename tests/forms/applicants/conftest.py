"""Applicants with applications to two programmes, another applicant, and a council sign-up."""

import re

import pytest
from django.core import mail

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.choices import FormPurpose
from forms.links import LinkPurpose, make_token
from forms.models import Application
from tests.reviews.conftest import attach_cv as reviews_attach_cv

from ..conftest import make_form_page

AMIRA = "amira@example.org"
BOB = "bob@example.org"
SCRIPT = '<script>alert("x")</script><img src=x onerror=alert(1)>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
LINK = re.compile(r"https?://[^\s]+/your-applications/[^\s]+/")
FIELDS = [
    ("Full name", "singleline", {"role": "name"}),
    ("Email address", "email", {"role": "email"}),
    ("Phone number", "singleline", {"role": "phone", "required": False}),
    ("When did you last practise?", "date", {}),
    ("Why do you want to return?", "multiline", {}),
    ("Your CV", "file", {}),
]


def make_application(page, email, reference, status="received", **answers):
    data = {
        "full_name": answers.pop("name", "Amira Khan"),
        "email_address": email,
        "phone_number": "01632 960 001",
        "when_did_you_last_practise": "2022-03-15",
        "why_do_you_want_to_return": "I miss the work.",
        "your_cv": "amira-cv.pdf",
    }
    data.update(answers)
    return Application.objects.create(
        page=page,
        programme=page.get_parent().specific,
        form_data=data,
        reference=reference,
        status=status,
        applicant_name=data["full_name"],
        applicant_email=email,
    )


def attach_cv(application, name="amira-cv.pdf"):
    return reviews_attach_cv(application, original_name=name)


@pytest.fixture
def site(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page)
    social_work = CampaignPageFactory(parent=index, title="Come Back to Social Work", slug="social-work")
    stem = CampaignPageFactory(parent=index, title="STEM ReCharge", slug="stem")
    return {
        "social_work": social_work,
        "stem": stem,
        "form": make_form_page(social_work, FIELDS, reference_prefix="CBSW"),
        "stem_form": make_form_page(stem, FIELDS, reference_prefix="STEM"),
        "signup": make_form_page(social_work, FIELDS, slug="sign-up", purpose=FormPurpose.COUNCIL_SIGNUP),
    }


@pytest.fixture
def made(site):
    """Amira: a shortlisted social work application (with a CV) and a STEM one; Bob: one; a sign-up."""
    amira = make_application(site["form"], AMIRA, "CBSW-AAAA-1111", status="shortlisted")
    return {
        "amira": amira,
        "amira_cv": attach_cv(amira),
        "amira_stem": make_application(site["stem_form"], "Amira@Example.org", "STEM-AAAA-2222"),
        "bob": make_application(site["form"], BOB, "CBSW-BBBB-3333", name="Bob Brown"),
        "signup": make_application(site["signup"], AMIRA, "CCBSW-CCCC-4444", name="Leeds City Council"),
    }


def sign_in(client, email):
    """Opens a genuine sign-in link for ``email`` (as the emailed one would be)."""
    token = make_token(LinkPurpose.SIGN_IN, {"email": email})
    response = client.get(f"/your-applications/sign-in/{token}/")
    assert response.status_code == 303
    return response


def link_in(message):
    """The /your-applications/… link in an email, as a path."""
    url = LINK.search(message.body).group(0)
    return "/" + url.split("/", 3)[3]


def sent_to(address):
    return [message for message in mail.outbox if address in message.to]

"""Two programmes, two reviewer groups and applications made straight with the ORM."""

import datetime as dt
import itertools
import re
import uuid

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import timezone

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.factories import ApplicationFormFieldFactory, ApplicationFormPageFactory
from forms.models import Application, ApplicationFile, EqualityMonitoring, FormPurpose
from reviews.models import ProgrammeAccess
from tests.conftest import fresh_caches, make_site_root, shared_tree

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
REVIEWER_PERMISSIONS = ("view_application", "change_application", "export_application")
_references = itertools.count(1)


def permission(codename):
    return Permission.objects.get(
        content_type__app_label__in=("application_forms", "reviews"), codename=codename
    )


def make_group(name, programmes, codenames=REVIEWER_PERMISSIONS):
    """A Wagtail group with admin access, the given application permissions and programmes."""
    group = Group.objects.create(name=name)
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    group.permissions.add(*[permission(codename) for codename in codenames])
    for programme in programmes:
        ProgrammeAccess.objects.create(group=group, programme=programme)
    return group


def make_user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(
        username=username, password="pass-word-123", email=f"{username}@example.org"
    )
    user.groups.add(*groups)
    return user


def make_form(programme, purpose=FormPurpose.APPLICATION, title="Apply"):
    page = ApplicationFormPageFactory(parent=programme, title=title, purpose=purpose)
    for order, (label, field_type) in enumerate(
        [
            ("Full name", "singleline"),
            ("Email address", "email"),
            ("Why do you want to return?", "multiline"),
            ("Your CV", "file"),
        ]
    ):
        ApplicationFormFieldFactory(page=page, label=label, field_type=field_type, sort_order=order)
    return page


def make_application(
    page,
    programme,
    *,
    name="Ada Lovelace",
    email="ada@example.org",
    why="To code again",
    status="received",
    submitted=None,
    reference=None,
    extra=None,
):
    data = {"full_name": name, "email_address": email, "why_do_you_want_to_return": why, "your_cv": "cv.pdf"}
    data.update(extra or {})
    application = Application.objects.create(
        page=page,
        programme=programme,
        form_data=data,
        reference=reference or f"T{next(_references):06d}",
        status=status,
        applicant_name=name,
        applicant_email=email,
    )
    if submitted:
        Application.objects.filter(pk=application.pk).update(submit_time=submitted)
        application.refresh_from_db()
    return application


def listed(response):
    """The references of the rows in a listing response."""
    assert response.status_code == 200
    return set(re.findall(r'aria-label="Select ([^"]+)"', response.content.decode()))


def denied(response):
    """Wagtail answers a refused admin view with 403 or a redirect to the dashboard with a message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def download(response):
    """(Content-Disposition, body or None) of a CV download: streamed locally, signed URL on S3."""
    from urllib.parse import parse_qs, urlparse

    if response.status_code == 302:
        query = parse_qs(urlparse(response["Location"]).query)
        return query["response-content-disposition"][0], None
    assert response.status_code == 200
    return response["Content-Disposition"], b"".join(response.streaming_content)


def attach_cv(application, original_name="cv.pdf", content=PDF_BYTES):
    upload = ApplicationFile(
        application=application,
        field_name="your_cv",
        original_name=original_name,
        content_type="application/pdf",
        size=len(content),
    )
    upload.file.save(f"applications/{uuid.uuid4().hex}.pdf", ContentFile(content), save=False)
    upload.save()
    return upload


def build_site(home):
    """Programme A (social work) and B (STEM), each with an application form; A has a sign-up form."""
    index = ProgrammeIndexPageFactory(parent=home)
    programme_a = CampaignPageFactory(
        parent=index, title="Come Back to Social Work", slug="social-work", places=10
    )
    programme_b = CampaignPageFactory(parent=index, title="STEM ReCharge", slug="stem", places=5)
    return {
        "a": programme_a,
        "b": programme_b,
        "form_a": make_form(programme_a),
        "signup_a": make_form(programme_a, FormPurpose.COUNCIL_SIGNUP, title="Council sign-up"),
        "form_b": make_form(programme_b),
    }


def build_shared_site():
    """The site root and build_site() on it, as (model, id) pairs to fetch in each test."""
    return {key: (type(page), page.pk) for key, page in build_site(make_site_root()).items()}


@pytest.fixture(scope="session")
def admin_site_tree(django_db_setup, django_db_blocker):
    """build_site(), built once for the tests that use ``site`` (see tests.conftest.SharedTree)."""
    yield from shared_tree("admin_site_tree", build_shared_site, django_db_blocker)


@pytest.fixture
def site(db, admin_site_tree):
    """The two programmes and their forms; built once and shared, each test's changes rolled back."""
    pages = {key: model.objects.get(pk=pk) for key, (model, pk) in admin_site_tree.value_or_build().items()}
    fresh_caches()
    yield pages
    fresh_caches()


@pytest.fixture
def groups(site):
    return {
        "a": make_group("Come Back to Social Work reviewers", [site["a"]]),
        "b": make_group("STEM ReCharge reviewers", [site["b"]]),
    }


@pytest.fixture
def reviewer_a(django_user_model, groups):
    return make_user(django_user_model, "reviewer-a", groups["a"])


@pytest.fixture
def reviewer_b(django_user_model, groups):
    return make_user(django_user_model, "reviewer-b", groups["b"])


@pytest.fixture
def apps(site):
    """Two applications in A, one in B, one council sign-up in A (with equality answers on A1)."""
    now = timezone.now()
    a1 = make_application(
        site["form_a"],
        site["a"],
        name="Ada Lovelace",
        reference="CBSW-0001",
        submitted=now - dt.timedelta(days=2),
    )
    a2 = make_application(
        site["form_a"],
        site["a"],
        name="Grace Hopper",
        email="grace@example.org",
        reference="CBSW-0002",
        status="eligible",
        submitted=now - dt.timedelta(days=1),
    )
    b1 = make_application(
        site["form_b"],
        site["b"],
        name="Rosalind Franklin",
        email="rosalind@example.org",
        reference="STEM-0001",
    )
    s1 = make_application(
        site["signup_a"],
        site["a"],
        name="Leeds City Council",
        email="leeds@example.org",
        reference="CBSW-C001",
    )
    EqualityMonitoring.objects.create(
        application=a1, answers={"ethnicity": "Prefer not to say", "sexual_orientation": "Secret-EQ-answer"}
    )
    return {"a1": a1, "a2": a2, "b1": b1, "s1": s1}

"""Fixtures for the application form tests: a programme with an open form, files, helpers."""

import datetime as dt
import io
import zipfile

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from campaigns.models import CampaignPage
from forms.factories import ApplicationFormFieldFactory, ApplicationFormPageFactory
from forms.models import ApplicationFormPage
from tests.conftest import fresh_caches, make_site_root, shared_tree

PDF_BYTES = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
)
EICAR = rb"X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def pdf(name="cv.pdf", content=PDF_BYTES, content_type="application/pdf"):
    return SimpleUploadedFile(name, content, content_type=content_type)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def clear_cache():
    """Each test starts with an empty rate-limit count."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def live_home_page(transactional_db):
    """As the shared fixture, but also recreating the default (en-gb) Locale a flush removed.

    The shared fixture creates an "en" locale only, so a second transactional test fails
    to find Wagtail's default locale; reported to the lead.
    """
    from django.conf import settings
    from wagtail.coreutils import get_supported_content_language_variant
    from wagtail.models import Locale

    from tests.conftest import make_site_root

    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    return make_site_root()


def build_programme():
    """The site root, a programme index and a programme; returns the programme's id."""
    index = ProgrammeIndexPageFactory(parent=make_site_root())
    return CampaignPageFactory(
        parent=index, title="Come Back to Social Work", slug="come-back-to-social-work"
    ).pk


@pytest.fixture(scope="session")
def programme_tree(django_db_setup, django_db_blocker):
    """The programme, built once for the tests that use it (see tests.conftest.SharedTree)."""
    yield from shared_tree("programme_tree", build_programme, django_db_blocker)


@pytest.fixture
def programme(db, programme_tree):
    """A programme under the home page; built once and shared, each test's changes rolled back."""
    pk = programme_tree.value_or_build()
    fresh_caches()
    yield CampaignPage.objects.get(pk=pk)
    fresh_caches()


def make_form_page(parent, fields=None, **kwargs):
    """An open form page under ``parent`` with the given (label, type, extra) questions."""
    kwargs.setdefault("reference_prefix", "CBSW")
    kwargs.setdefault("slug", "apply")
    page = ApplicationFormPageFactory(parent=parent, **kwargs)
    for order, (label, field_type, extra) in enumerate(fields if fields is not None else DEFAULT_FIELDS):
        ApplicationFormFieldFactory(page=page, label=label, field_type=field_type, sort_order=order, **extra)
    return page


DEFAULT_FIELDS = [
    ("Full name", "singleline", {"role": "name"}),
    ("Email address", "email", {"role": "email"}),
    ("Your CV", "file", {}),
]


@pytest.fixture(scope="session")
def form_page_tree(programme_tree, django_db_blocker):
    """make_form_page() on the shared programme, built once inside it (see SharedTree)."""

    def build():
        return make_form_page(CampaignPage.objects.get(pk=programme_tree.value)).pk

    yield from shared_tree("form_page_tree", build, django_db_blocker)


@pytest.fixture
def form_page(programme, form_page_tree):
    """An open form with name, email and CV questions; shared like ``programme``."""
    if form_page_tree.is_open:
        return ApplicationFormPage.objects.get(pk=form_page_tree.value)
    return make_form_page(programme)


def answers(**overrides):
    data = {"full_name": "Amira Khan", "email_address": "amira@example.org", "privacy_consent": "on"}
    data.update(overrides)
    return data


def first_step(page):
    """The URL of the form's first question step (``step-1/``, or ``eligibility/`` with rules)."""
    from forms.steps import steps_of

    return page.url + steps_of(page)[0].slug + "/"


def post_steps(client, page, data):
    """Posts ``data`` to each step in turn (each keeps only its own questions); the last response.

    Stops at the first step that does not move on (errors, not eligible).
    """
    from forms.steps import steps_of

    response = None
    for step in steps_of(page):
        for value in data.values():
            if hasattr(value, "seek"):
                value.seek(0)
        response = client.post(page.url + step.slug + "/", data)
        if response.status_code != 303:
            return response
    return response


def apply(client, page, data=None, cv=None, follow_check=True):
    """Answers every step (with a CV) and, if asked, confirms on check your answers."""
    data = answers() if data is None else data
    if cv is not False:
        data = {**data, "your_cv": cv or pdf()}
    response = post_steps(client, page, data)
    if not follow_check or response.status_code != 303:
        return response
    check = client.get(page.url + "check/")
    token = check.context["draft_token"]
    return client.post(page.url + "check/", {"token": token})


def days(n):
    return timezone.now() + dt.timedelta(days=n)


class LoopbackSMTP:
    """A real SMTP server on loopback (aiosmtpd) that keeps the Message-ID of every email it accepts."""

    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's hook name)
        from email import message_from_bytes
        from email.policy import default

        self.received.append(str(message_from_bytes(envelope.content, policy=default)["Message-ID"]))
        return "250 Message accepted"

    def message_ids(self):
        return list(self.received)


@pytest.fixture
def smtp_server():
    import socket

    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    handler = LoopbackSMTP()
    controller = Controller(handler, hostname="127.0.0.1", port=port)
    controller.start()
    handler.settings = {"EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": port, "EMAIL_USE_TLS": False}
    yield handler
    controller.stop()

"""Files on the S3 server: private uploads only through short-lived signed URLs, public media open."""

import time
import urllib.error
import urllib.request
import uuid
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from storages.backends.s3 import S3Storage

pytestmark = pytest.mark.s3


def fetch(url):
    """GET a URL as an anonymous visitor; returns (status, body)."""
    assert url.startswith("http://127.0.0.1") or url.startswith("https://"), url
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (URL checked above)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@pytest.fixture
def private_file():
    storage = storages["private"]
    content = f"applicant's CV {uuid.uuid4()}".encode()
    name = storage.save(f"applications/test-{uuid.uuid4().hex}.txt", ContentFile(content))
    yield storage, name, content
    storage.delete(name)


def unsigned_url(storage, name):
    """The object's address on the S3 endpoint, without any signature."""
    return f"{settings.AWS_S3_ENDPOINT_URL}/{storage.bucket_name}/{storage.location}/{name}"


def test_private_storage_is_s3_under_its_own_prefix(private_file):
    storage, name, _ = private_file
    assert isinstance(storage, S3Storage)
    assert storage.location == "private"
    assert storage.exists(name)
    assert default_storage.location == "public"


def test_private_file_is_refused_without_a_signature(private_file):
    storage, name, content = private_file
    status, body = fetch(unsigned_url(storage, name))
    assert status == 403
    assert content not in body


def test_private_file_is_served_with_its_signed_url(private_file):
    storage, name, content = private_file
    url = storage.url(name)
    assert "Signature" in url
    status, body = fetch(url)
    assert status == 200
    assert body == content


def test_private_file_signed_url_expires_within_five_minutes(private_file):
    storage, name, _ = private_file
    query = parse_qs(urlsplit(storage.url(name)).query)
    if "X-Amz-Expires" in query:
        lifetime = int(query["X-Amz-Expires"][0])
    else:
        lifetime = int(query["Expires"][0]) - int(time.time())
    assert 0 < lifetime <= 300


def test_public_media_is_saved_to_s3_and_readable_without_a_signature():
    content = f"public document {uuid.uuid4()}".encode()
    name = default_storage.save(f"documents/test-{uuid.uuid4().hex}.txt", ContentFile(content))
    try:
        url = default_storage.url(name)
        assert "Signature" not in url
        assert "/public/documents/" in url
        status, body = fetch(url)
        assert status == 200
        assert body == content
    finally:
        default_storage.delete(name)


@pytest.mark.django_db
def test_wagtail_image_upload_goes_to_public_s3_storage():
    from home.factories import ImageFactory

    image = ImageFactory()
    assert default_storage.exists(image.file.name)
    with default_storage.open(image.file.name) as stored:
        stored_bytes = stored.read()
    status, body = fetch(image.file.url)
    assert status == 200
    assert body == stored_bytes
    assert len(body) > 0

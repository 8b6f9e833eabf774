"""The private storage's S3 client: it loads only S3's endpoints, and still signs for AWS as django-storages
does (no S3 server needed: the URLs are built, never fetched)."""

from urllib.parse import parse_qs, urlsplit

import pytest
from storages.backends.s3 import S3Storage

from microsite.storages import PrivateS3Storage


def signed_url_without_signature(storage_class, region):
    """A signed URL for a private file on AWS itself (no S3 server), without the parts that change
    with the time: its address, and the names and fixed values of its query parameters."""
    storage = storage_class(
        bucket_name="rtw-private",
        location="private",
        region_name=region,
        endpoint_url=None,
        access_key="AKIAEXAMPLE",
        secret_key="example-secret",  # noqa: S106 (never sent: the URL is only built)
        querystring_expire=300,
    )
    url = urlsplit(storage.url("applications/cv.pdf"))
    query = parse_qs(url.query)
    changing = {"X-Amz-Date", "X-Amz-Signature", "Signature", "Expires"}
    return url.netloc, url.path, {key: value for key, value in query.items() if key not in changing}


@pytest.mark.parametrize("region", ["eu-west-2", "us-east-1", "us-gov-west-1", "cn-north-1"])
def test_private_storage_client_signs_for_aws_as_django_storages_does(region):
    """The private storage's client loads only S3's endpoints (to take less memory): on AWS itself it
    still finds each partition's S3 address and signs as django-storages' own client does."""
    private = signed_url_without_signature(PrivateS3Storage, region)
    assert private == signed_url_without_signature(S3Storage, region)
    assert private[0].endswith((".amazonaws.com", ".amazonaws.com.cn"))

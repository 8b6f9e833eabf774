"""Deleting applications deletes their files from private storage too (issue 8, finding 3).

Every delete path goes through ``forms.retention.delete_applications``: files first, locally and
on S3, then the rows; an application whose file the storage refuses to delete is kept, whole
enough to try again, and the reviewer is told.
"""

import boto3
import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.files.storage import FileSystemStorage
from django.urls import reverse

from forms.models import Application, ApplicationFile
from tests.forms.test_retention import storage_refusing

from .conftest import attach_cv, make_user

pytestmark = pytest.mark.django_db


class UnavailableStorage(FileSystemStorage):
    """Private storage that is down: files stay where they are, deleting them fails."""

    def delete(self, name):
        raise OSError("storage unavailable")


@pytest.fixture
def deleter(django_user_model, groups):
    groups["a"].permissions.add(Permission.objects.get(codename="delete_application"))
    return make_user(django_user_model, "deleter", groups["a"])


@pytest.fixture
def cvs(apps):
    """A CV on each social work application and one on the STEM application."""
    return {key: attach_cv(apps[key]) for key in ("a1", "a2", "b1")}


def stored(application_file):
    return application_file.file.storage.exists(application_file.file.name)


def delete_submissions(client, page, applications):
    url = reverse("wagtailforms:delete_submissions", args=[page.pk])
    query = "&".join(f"selected-submissions={application.pk}" for application in applications)
    return client.post(f"{url}?{query}")


def test_deleting_submissions_deletes_their_files(
    client, deleter, site, apps, cvs, django_capture_on_commit_callbacks
):
    client.force_login(deleter)
    with django_capture_on_commit_callbacks(execute=True):
        assert delete_submissions(client, site["form_a"], [apps["a1"], apps["a2"]]).status_code == 302
    assert not Application.objects.filter(pk__in=[apps["a1"].pk, apps["a2"].pk]).exists()
    assert not stored(cvs["a1"]) and not stored(cvs["a2"])
    assert not ApplicationFile.objects.filter(pk__in=[cvs["a1"].pk, cvs["a2"].pk]).exists()
    assert stored(cvs["b1"]), "another programme's file is left alone"


def test_deleting_one_application_in_the_admin_deletes_its_file(
    client, deleter, apps, cvs, django_capture_on_commit_callbacks
):
    client.force_login(deleter)
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(f"/admin/applications/delete/{apps['a1'].pk}/").status_code == 302
    assert not stored(cvs["a1"]) and stored(cvs["a2"])


def test_deleting_a_form_page_in_wagtail_deletes_its_applications_files(
    client, admin_user, site, apps, cvs, django_capture_on_commit_callbacks
):
    client.force_login(admin_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("wagtailadmin_pages:delete", args=[site["form_a"].pk]))
    assert response.status_code == 302
    assert not Application.objects.filter(pk=apps["a1"].pk).exists()
    assert not stored(cvs["a1"]) and not stored(cvs["a2"]) and stored(cvs["b1"])


def test_an_application_whose_file_the_storage_refuses_is_kept_and_the_reviewer_told(
    client, deleter, site, apps, cvs
):
    client.force_login(deleter)
    with storage_refusing(cvs["a1"].file.name):
        response = delete_submissions(client, site["form_a"], [apps["a1"], apps["a2"]])
    assert response.status_code == 302
    assert Application.objects.filter(pk=apps["a1"].pk).exists() and stored(cvs["a1"])
    assert not Application.objects.filter(pk=apps["a2"].pk).exists() and not stored(cvs["a2"])
    shown = [str(message).strip() for message in get_messages(response.wsgi_request)]
    assert "1 submission(s) deleted." in shown
    assert any(message.startswith("1 application(s) could not be deleted") for message in shown)


def test_deleting_one_application_the_storage_refuses_keeps_it_and_says_so(client, deleter, apps, cvs):
    client.force_login(deleter)
    with storage_refusing(cvs["a1"].file.name):
        response = client.post(f"/admin/applications/delete/{apps['a1'].pk}/", follow=True)
    assert Application.objects.filter(pk=apps["a1"].pk).exists() and stored(cvs["a1"])
    assert (
        "could not be deleted because the file storage did not delete their files"
        in response.content.decode()
    )
    assert "deleted." not in " ".join(str(m) for m in get_messages(response.wsgi_request))


@pytest.mark.s3
def test_deleted_submissions_files_are_gone_from_the_bucket(
    client, deleter, site, apps, cvs, django_capture_on_commit_callbacks
):
    storage = cvs["a1"].file.storage
    bucket = boto3.resource(
        "s3", endpoint_url=settings.AWS_S3_ENDPOINT_URL, region_name=settings.AWS_S3_REGION_NAME
    ).Bucket(storage.bucket_name)

    def keys():
        return {item.key for item in bucket.objects.filter(Prefix=f"{storage.location}/applications/")}

    key_a1, key_b1 = (f"{storage.location}/{cvs[name].file.name}" for name in ("a1", "b1"))
    assert {key_a1, key_b1} <= keys()
    client.force_login(deleter)
    with django_capture_on_commit_callbacks(execute=True):
        delete_submissions(client, site["form_a"], [apps["a1"]])
    assert key_a1 not in keys() and key_b1 in keys()

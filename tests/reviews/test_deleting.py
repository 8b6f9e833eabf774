"""Deleting applications deletes their files from private storage too (issue 8, finding 3).

Every delete path goes through ``forms.deletion.delete_applications``; the files go once the
transaction commits, locally and on S3, and a file whose object cannot be deleted stays an
unlinked upload that ``clean_application_uploads`` deletes later.
"""

import os

import boto3
import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.storage import FileSystemStorage, storages
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from forms.deletion import delete_applications
from forms.models import Application, ApplicationFile

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


def test_a_file_storage_cannot_delete_now_is_deleted_by_the_clean_up_command(
    apps, cvs, django_capture_on_commit_callbacks
):
    if settings.AWS_STORAGE_BUCKET_NAME:
        pytest.skip("the failing storage stands in for the local folder")
    location = storages["private"].location
    failing = {"BACKEND": f"{__name__}.UnavailableStorage", "OPTIONS": {"location": location}}
    with (
        override_settings(STORAGES={**settings.STORAGES, "private": failing}),
        django_capture_on_commit_callbacks(execute=True),
    ):
        delete_applications(Application.objects.filter(pk=apps["a1"].pk))
    assert not Application.objects.filter(pk=apps["a1"].pk).exists()
    assert stored(cvs["a1"])
    assert ApplicationFile.objects.filter(pk=cvs["a1"].pk, application__isnull=True).exists()
    call_command("clean_application_uploads", "--hours", "0", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert not stored(cvs["a1"]) and not ApplicationFile.objects.filter(pk=cvs["a1"].pk).exists()


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

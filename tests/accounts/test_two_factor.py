"""Two-factor sign-in: required (ADMIN_2FA_REQUIRED) for admin users who can see applications,
set up from a page showing the key as text, then a code after every password sign-in."""

import html
import io

import pytest
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import sign_in

from .conftest import PASSWORD, add_device, code_for, wrong_code_for

pytestmark = pytest.mark.django_db
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"


@pytest.fixture(autouse=True)
def two_factor_required(settings):
    settings.ADMIN_2FA_REQUIRED = True


def signed_in_as(client, user):
    assert sign_in(client, user.username, PASSWORD).status_code == 302


def test_superuser_sets_up_an_app_before_the_admin_opens(client, superuser):
    signed_in_as(client, superuser)
    assert client.get("/admin/pages/").url == f"{SETUP}?next=%2Fadmin%2Fpages%2F"
    page = client.get(f"{SETUP}?next=/admin/pages/")
    device = TOTPDevice.objects.get(user=superuser, confirmed=False)
    assert device.config_url in html.unescape(page.text)  # the otpauth address, as text
    key = page.text.split('id="two-factor-key">')[1].split("<")[0]
    assert key.replace(" ", "") == device.config_url.split("secret=")[1].split("&")[0]
    assert "<svg" in page.text  # the QR code, for those who can scan it
    wrong = client.post(SETUP, {"code": wrong_code_for(device), "next": "/admin/pages/"})
    assert "That code is not right" in wrong.text
    assert client.get("/admin/").status_code == 302
    # Wrong codes are throttled: wait out the second's delay before the right one.
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(SETUP, {"code": code_for(device), "next": "/admin/pages/"})
    assert done.status_code == 302 and done.url == "/admin/pages/"
    assert client.get("/admin/").status_code == 200
    assert TOTPDevice.objects.get(pk=device.pk).confirmed


def test_reviewer_who_can_see_applications_sets_up_an_app_first(client, reviewer):
    signed_in_as(client, reviewer)
    assert client.get("/admin/").url == f"{SETUP}?next=%2Fadmin%2F"
    assert "You can see applicants’ personal details" in client.get(SETUP).text


def test_reviewer_with_an_app_gives_a_code_after_the_password(client, reviewer):
    device = add_device(reviewer)
    signed_in_as(client, reviewer)
    for path in ("/admin/", "/admin/applications/", SETUP):
        assert client.get(path).url.startswith(f"{VERIFY}?next="), path
    wrong = client.post(VERIFY, {"code": wrong_code_for(device), "next": "/admin/reports/"})
    assert wrong.status_code == 200 and "That code is not right" in wrong.text
    assert client.get("/admin/").status_code == 302
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_count=0)
    done = client.post(VERIFY, {"code": code_for(device), "next": "/admin/reports/"})
    assert done.url == "/admin/reports/"
    assert client.get("/admin/").status_code == 200


def test_a_new_sign_in_asks_for_a_new_code(client, reviewer):
    device = add_device(reviewer)
    signed_in_as(client, reviewer)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200
    client.logout()
    signed_in_as(client, reviewer)
    assert client.get("/admin/").url.startswith(VERIFY)


def test_editor_who_cannot_see_applications_is_not_asked(client, editor):
    signed_in_as(client, editor)
    assert client.get("/admin/").status_code == 200
    assert not TOTPDevice.objects.filter(user=editor).exists()


def test_nobody_is_asked_when_the_setting_is_off(client, superuser, settings):
    settings.ADMIN_2FA_REQUIRED = False
    signed_in_as(client, superuser)
    assert client.get("/admin/").status_code == 200


def test_editor_who_turned_it_on_is_asked_too(client, editor):
    device = add_device(editor)
    signed_in_as(client, editor)
    assert client.get("/admin/").url.startswith(VERIFY)
    client.post(VERIFY, {"code": code_for(device)})
    assert client.get("/admin/").status_code == 200


def test_repeated_wrong_codes_are_slowed_down_and_the_page_says_how_long(client, reviewer):
    device = add_device(reviewer)
    signed_in_as(client, reviewer)
    client.post(VERIFY, {"code": wrong_code_for(device)})
    refused = client.post(VERIFY, {"code": code_for(device)})
    assert "Too many wrong codes. Wait 1 second" in refused.text
    assert client.get("/admin/").status_code == 302


def test_a_code_that_is_not_six_digits_gets_a_clear_error(client, reviewer):
    add_device(reviewer)
    signed_in_as(client, reviewer)
    response = client.post(VERIFY, {"code": "12ab56"})
    assert response.status_code == 200
    assert "Enter the code as 6 digits, for example 123456." in response.text


def test_after_the_code_a_next_address_on_another_site_is_ignored(client, reviewer):
    device = add_device(reviewer)
    signed_in_as(client, reviewer)
    done = client.post(VERIFY, {"code": code_for(device), "next": "https://evil.example/"})
    assert done.url == "/admin/"


def test_reset_two_factor_lets_a_user_who_lost_their_phone_set_up_again(client, reviewer):
    add_device(reviewer)
    out = io.StringIO()
    call_command("reset_two_factor", "reviewer", stdout=out)
    assert "reviewer sets up two-factor sign-in again at their next sign-in" in out.getvalue()
    signed_in_as(client, reviewer)
    assert client.get("/admin/").url.startswith(SETUP)

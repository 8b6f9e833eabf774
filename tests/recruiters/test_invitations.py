"""Staff approve a sign-up in the admin; the recruiter sets a password from the emailed link
(once, within its lifetime) and signs in at /recruiters/ (never the Wagtail admin)."""

import datetime as dt
import re

import pytest
import time_machine
from axes.models import AccessAttempt
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import TestCase
from django.utils import timezone

from forms.choices import FormPurpose
from forms.models import ApplicationFormPage
from recruiters.models import Recruiter, RecruitingOrganisation
from tests.conftest import sign_in as admin_sign_in

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "a brand new passphrase 42"  # noqa: S105 - test data
LINK = re.compile(r"https?://[^\s]+(/recruiters/set-password/[^\s]+/)")


def approve(client, signup, **changes):
    data = {
        "name": "Leeds City Council",
        "kind": "employer",
        "council": "",
        "recruiter_name": "Amira Khan",
        "recruiter_email": "amira.recruits@leeds.example.org",
        **changes,
    }
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(f"/admin/recruiter-sign-ups/{signup.pk}/approve/", data)


@pytest.fixture
def staff(client, admin_user):
    client.force_login(admin_user)
    return client


def invitation_path():
    (message,) = mail.outbox
    return LINK.search(message.body).group(1)


def set_password(client, path, password=NEW_PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_staff_approve_a_sign_up_and_the_recruiter_sets_a_password_and_signs_in(staff, made, client):
    page = client.get(f"/admin/recruiter-sign-ups/{made['signup'].pk}/approve/")
    assert page.status_code == 200 and "Leeds City Council" in page.text  # from the sign-up's contact name
    response = approve(staff, made["signup"])
    assert response.status_code == 302
    recruiter = Recruiter.objects.select_related("user", "organisation").get()
    assert recruiter.organisation.signup == made["signup"]
    assert not recruiter.user.has_usable_password() and not recruiter.user.is_staff
    assert not recruiter.user.has_perm("wagtailadmin.access_admin")
    assert "Approved: Leeds City Council" in client.get("/admin/recruiter-sign-ups/").text
    path = invitation_path()
    assert mail.outbox[0].to == ["amira.recruits@leeds.example.org"]
    client.logout()
    assert "Set your password" in client.get(path).text
    assert set_password(client, path).status_code == 303
    signed_in = client.post(
        "/recruiters/sign-in/", {"username": "amira.recruits@leeds.example.org", "password": NEW_PASSWORD}
    )
    assert signed_in.status_code == 302 and signed_in["Location"] == "/recruiters/"
    assert "Signed in as" in client.get("/recruiters/").text
    assert client.get("/admin/").status_code == 302  # no admin access


def test_an_invitation_link_works_once(staff, made, client):
    approve(staff, made["signup"])
    path = invitation_path()
    client.logout()
    set_password(client, path)
    again = client.get(path)
    assert again.status_code == 400 and "This link does not work" in again.text
    assert set_password(client, path, "another passphrase 77").status_code == 400


def test_an_expired_or_changed_invitation_link_does_not_work(staff, made, client, settings):
    approve(staff, made["signup"])
    path = invitation_path()
    client.logout()
    changed = path[:-3] + ("a" if path[-3] != "a" else "b") + path[-2:]
    assert client.get(changed).status_code == 400
    assert client.get("/recruiters/set-password/!!/nonsense/").status_code == 400
    later = timezone.now() + dt.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 60)
    with time_machine.travel(later):
        expired = client.get(path)
    assert expired.status_code == 400 and "This link does not work" in expired.text


def test_a_weak_password_gets_the_validators_message(staff, made, client):
    approve(staff, made["signup"])
    path = invitation_path()
    client.logout()
    response = set_password(client, path, "password")
    assert response.status_code == 200 and "This password is too common" in response.text


def test_approval_refuses_a_council_without_its_council_an_email_in_use_and_a_second_approval(
    staff, made, admin_user
):
    no_council = approve(staff, made["signup"], kind="council")
    assert "Choose the council this organisation is." in no_council.text
    taken = approve(staff, made["signup"], recruiter_email=admin_user.email)
    assert "Another account already uses this email address." in taken.text
    assert not RecruitingOrganisation.objects.exists()
    approve(staff, made["signup"])
    again = approve(staff, made["signup"], name="Other", recruiter_email="other@example.org")
    assert again.status_code == 302
    assert RecruitingOrganisation.objects.count() == 1


def test_only_users_who_may_add_organisations_approve(client, made, django_user_model):
    reviewer = django_user_model.objects.create_user("reviewer", "reviewer@example.org", PASSWORD)
    group = Group.objects.create(name="Reviewers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    reviewer.groups.add(group)
    client.force_login(reviewer)
    assert client.get("/admin/recruiter-sign-ups/").status_code == 403
    assert approve(client, made["signup"]).status_code == 403
    assert not RecruitingOrganisation.objects.exists()


def test_employer_sign_ups_are_listed_for_approval(staff, site, made):
    ApplicationFormPage.objects.filter(pk=site["signup"].pk).update(purpose=FormPurpose.EMPLOYER_SIGNUP)
    response = staff.get("/admin/recruiter-sign-ups/")
    assert made["signup"].reference in response.text
    assert made["amira"].reference not in response.text  # an application is not a sign-up


def test_only_recruiters_sign_in_at_the_recruiter_area(client, recruiters, admin_user):
    refused = client.post("/recruiters/sign-in/", {"username": admin_user.username, "password": "password"})
    assert "Enter the email address and password of your recruiter account" in refused.text
    wrong = client.post(
        "/recruiters/sign-in/", {"username": "recruiter@leeds.example.org", "password": "nope"}
    )
    assert "Enter the email address and password of your recruiter account" in wrong.text
    empty = client.post("/recruiters/sign-in/", {"username": "", "password": ""})
    assert "Enter your email address" in empty.text and "Enter your password" in empty.text


def test_a_too_long_email_address_gets_a_clear_error_not_a_500(client, recruiters):
    """Django does not check the username's length; django-axes, recording the failed sign-in,
    could not store one over 255 characters (a 500 on PostgreSQL)."""
    response = client.post("/recruiters/sign-in/", {"username": "a" * 300 + "@example.org", "password": "x"})
    assert response.status_code == 200
    assert '<a href="#id_username">Enter an email address of 150 characters or fewer</a>' in response.text
    assert not AccessAttempt.objects.exists()  # not a failed sign-in: nobody has such an address


def test_repeated_wrong_passwords_lock_the_recruiter_out_as_in_the_admin(client, recruiters, settings):
    username = "recruiter@leeds.example.org"
    for _ in range(settings.AXES_FAILURE_LIMIT):
        last = client.post("/recruiters/sign-in/", {"username": username, "password": "wrong"})
    assert last.status_code == 429
    refused = client.post("/recruiters/sign-in/", {"username": username, "password": PASSWORD})
    assert refused.status_code == 429 and "Sign-in paused" in refused.text
    assert client.get("/recruiters/").status_code == 302


def test_a_recruiter_cannot_use_the_admin_sign_in(client, recruiters):
    admin_sign_in(client, "recruiter@leeds.example.org", PASSWORD)
    assert client.get("/admin/").status_code == 302


def test_staff_who_may_see_the_audit_read_who_viewed_which_profile(client, recruiters, pool, admin_user):
    from recruiters import interests

    interests.view_profile(recruiters["a"], pool["amira"].pk)
    client.force_login(admin_user)
    page = client.get("/admin/talent-pool-audit/")
    assert page.status_code == 200
    assert "recruiter@leeds.example.org" in page.text and "Viewed the profile" in page.text
    client.force_login(recruiters["b"].user)  # a recruiter has no admin access at all
    assert client.get("/admin/talent-pool-audit/").status_code == 302


def test_the_audit_needs_its_permission(client, django_user_model):
    editor = django_user_model.objects.create_user("editor", "editor@example.org", PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert client.get("/admin/talent-pool-audit/").status_code == 403


def test_a_council_that_can_recruit_already_gets_a_clear_error_not_a_500(staff, made):
    from campaigns.factories import CouncilFactory

    council = CouncilFactory(name="Leeds City Council")
    RecruitingOrganisation.objects.create(name="Leeds", kind="council", council=council)
    response = approve(staff, made["signup"], kind="council", council=council.pk, name="Leeds CC")
    assert response.status_code == 200
    assert "Leeds City Council can recruit already, as another organisation." in response.text
    assert RecruitingOrganisation.objects.count() == 1


def test_an_email_address_too_long_to_sign_in_with_gets_a_clear_error_on_approval(
    staff, made, django_user_model
):
    """The address becomes the recruiter's username (150 characters at most): a valid longer
    address is refused on the form, and nothing is created (it was a 500 on PostgreSQL)."""
    long_address = "amira@" + ("a" * 60 + ".") * 2 + "b" * 30 + ".example.org"
    users_before = django_user_model.objects.count()
    response = approve(staff, made["signup"], recruiter_email=long_address)
    assert response.status_code == 200
    assert (
        "Enter an email address of 150 characters or fewer: the recruiter signs in with it." in response.text
    )
    assert not RecruitingOrganisation.objects.exists()
    assert django_user_model.objects.count() == users_before
    assert mail.outbox == []

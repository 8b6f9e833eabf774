"""Admin users for the sign-in tests: a superuser, a reviewer and an editor who sees no applications."""

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from reviews.models import ProgrammeAccess

PASSWORD = "a-long-test-password-42"


def make_user(django_user_model, username, *codenames, programmes=()):
    """An admin user whose group grants admin access, the given permissions and programmes."""
    user = django_user_model.objects.create_user(username, f"{username}@example.org", PASSWORD)
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(*Permission.objects.filter(codename__in=("access_admin", *codenames)))
    for programme in programmes:
        ProgrammeAccess.objects.create(group=group, programme=programme)
    user.groups.add(group)
    return user


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)


@pytest.fixture
def reviewer(django_user_model, home_page):
    """Sees one programme's applications."""
    programme = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=home_page))
    return make_user(django_user_model, "reviewer", "view_application", programmes=[programme])


@pytest.fixture
def editor(django_user_model):
    return make_user(django_user_model, "editor")


def code_for(device):
    """The code the user's authenticator app shows now for ``device``."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def wrong_code_for(device):
    return f"{(int(code_for(device)) + 500_000) % 1_000_000:06d}"


def add_device(user):
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)

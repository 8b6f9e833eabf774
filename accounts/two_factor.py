"""Two-factor sign-in with an authenticator app (TOTP, django-otp): who must use it, their
device, and checking a code."""

import math
from base64 import b32encode

import segno
from django.conf import settings
from django.utils import timezone
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from reviews.permissions import Action

DEVICE_NAME = "Authenticator app"


def two_factor_required(user):
    """Whether ``user`` must use two-factor sign-in: anyone holding the permission to view
    applications (on whichever programmes their groups grant), when ADMIN_2FA_REQUIRED is on
    (superusers included)."""
    return settings.ADMIN_2FA_REQUIRED and user.is_active and user.has_perm(Action.VIEW.permission)


def confirmed_device(user):
    """The user's authenticator app once set up, else None."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def device_being_set_up(user):
    """The device the user is setting up: the same secret until confirmed, so a reload of the
    setup page does not change the code their app already holds."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)


def code_error(device, code):
    """Why ``code`` does not verify ``device``, as a message for the user; None when it does."""
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = math.ceil((details["locked_until"] - timezone.now()).total_seconds())
        seconds = f"{wait} second{'s' if wait != 1 else ''}"
        return f"Too many wrong codes. Wait {seconds}, then enter the code your app shows."
    if verify_token(device.user, device.persistent_id, code) is None:
        return "That code is not right. Enter the 6-digit code your authenticator app shows now."
    return None


def grouped_secret(device):
    """The secret as people type it into an app: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device):
    """The device's otpauth address as an inline SVG QR code (no script, no style attribute)."""
    return segno.make(device.config_url, error="m").svg_inline(
        scale=4, light="#fff", title="QR code of the setup address shown below"
    )

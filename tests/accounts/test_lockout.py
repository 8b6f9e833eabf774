"""Repeated wrong passwords lock one username out from one address (django-axes), and the
lockout page says truly when to try again."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from tests.conftest import sign_in

from .conftest import PASSWORD

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
TEN_AM = dt.datetime(2026, 3, 2, 10, 0, 0, tzinfo=LONDON)
LOGIN = "/admin/login/"


def fail_until_locked(client, username, limit, address="127.0.0.1"):
    """Sends wrong passwords up to the limit; returns the response to the last one."""
    for _ in range(limit - 1):
        assert sign_in(client, username, "not-the-password", address).status_code == 200
    return sign_in(client, username, "not-the-password", address)


def signed_in(client):
    return client.get("/admin/").status_code == 200


def test_after_the_failure_limit_even_the_right_password_is_refused(client, editor, settings):
    with time_machine.travel(TEN_AM, tick=False):
        locked = fail_until_locked(client, "editor", settings.AXES_FAILURE_LIMIT)
        assert locked.status_code == 429
        refused = sign_in(client, "editor", PASSWORD)
    assert refused.status_code == 429
    assert "Sign-in paused" in refused.text
    assert not signed_in(client)


def test_lockout_page_says_when_to_try_again_and_that_time_holds(client, editor, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    with time_machine.travel(TEN_AM, tick=False):
        locked = fail_until_locked(client, "editor", settings.AXES_FAILURE_LIMIT)
    assert "You can try again after 10:15" in locked.text
    assert "(in 15 minutes)" in locked.text
    assert locked["Retry-After"] == "900"
    with time_machine.travel(TEN_AM + dt.timedelta(minutes=15, seconds=1), tick=False):
        assert sign_in(client, "editor", PASSWORD).status_code == 302
        assert signed_in(client)


def test_trying_while_locked_out_starts_the_wait_again_as_the_page_says(client, editor, settings):
    settings.AXES_COOLOFF_TIME = dt.timedelta(minutes=15)
    with time_machine.travel(TEN_AM, tick=False):
        fail_until_locked(client, "editor", settings.AXES_FAILURE_LIMIT)
    with time_machine.travel(TEN_AM + dt.timedelta(minutes=10), tick=False):
        again = sign_in(client, "editor", PASSWORD)
    assert "Trying again before then starts the wait again" in again.text
    assert "You can try again after 10:25" in again.text
    with time_machine.travel(TEN_AM + dt.timedelta(minutes=20), tick=False):
        assert sign_in(client, "editor", PASSWORD).status_code == 429
    with time_machine.travel(TEN_AM + dt.timedelta(minutes=35, seconds=1), tick=False):
        assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_lockout_is_for_that_username_from_that_address_only(client, editor, reviewer, settings):
    fail_until_locked(client, "editor", settings.AXES_FAILURE_LIMIT, address="203.0.113.7")
    assert sign_in(client, "editor", PASSWORD, address="203.0.113.7").status_code == 429
    assert sign_in(client, "reviewer", PASSWORD, address="203.0.113.7").status_code == 302
    client.logout()
    assert sign_in(client, "editor", PASSWORD, address="198.51.100.2").status_code == 302


def test_signing_in_clears_the_count_of_wrong_passwords(client, editor, settings):
    for _ in range(2):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            sign_in(client, "editor", "not-the-password")
        assert sign_in(client, "editor", PASSWORD).status_code == 302
        client.logout()
    assert fail_until_locked(client, "editor", settings.AXES_FAILURE_LIMIT).status_code == 429
    assert sign_in(client, "editor", PASSWORD).status_code == 429


def test_behind_a_proxy_the_lockout_is_for_the_client_it_names(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(
            LOGIN, {"username": "editor", "password": "wrong"}, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.7"
        )
    locked = client.post(
        LOGIN, {"username": "editor", "password": PASSWORD}, **proxy, HTTP_X_FORWARDED_FOR="203.0.113.7"
    )
    assert locked.status_code == 429
    other = client.post(
        LOGIN, {"username": "editor", "password": PASSWORD}, **proxy, HTTP_X_FORWARDED_FOR="198.51.100.2"
    )
    assert other.status_code == 302

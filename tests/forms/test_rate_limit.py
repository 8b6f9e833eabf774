"""The limit on application POSTs: per applicant session, a higher ceiling per client address,
counted where every app server sees the same count, with the address read through trusted proxies."""

import datetime as dt
import secrets

import pytest
import time_machine
from django.db import connection
from django.test import Client, RequestFactory, override_settings

from forms import ratelimit
from forms.models import Application

from . import processes
from .conftest import answers, apply, make_form_page

pytestmark = pytest.mark.django_db

LIBRARY = "203.0.113.5"
INSIDE_ONE_WINDOW = time_machine.travel(dt.datetime(2026, 11, 26, 12, 0, 1, tzinfo=dt.UTC), tick=False)


@pytest.fixture
def open_form(programme):
    return make_form_page(programme, opens_at=None, closes_at=None)


def post_questions(client, page, **overrides):
    """POSTs answers without the CV: the questions come back with an error (200) and are kept."""
    return client.post(page.url + "step-1/", answers(**overrides))


@INSIDE_ONE_WINDOW
def test_one_session_is_refused_after_thirty_posts_and_a_neighbour_still_gets_through(open_form):
    first = Client(REMOTE_ADDR=LIBRARY)
    assert post_questions(first, open_form).status_code == 200  # starts the session
    for _ in range(30):
        assert post_questions(first, open_form).status_code == 200
    refused = post_questions(first, open_form)
    assert refused.status_code == 429
    assert "too many times" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 600
    neighbour = Client(REMOTE_ADDR=LIBRARY)
    assert apply(neighbour, open_form).status_code == 303
    assert Application.objects.count() == 1


@INSIDE_ONE_WINDOW
@override_settings(APPLICATION_RATE_LIMIT_PER_ADDRESS=5)
def test_an_address_is_refused_past_its_ceiling_however_many_sessions_it_uses(open_form):
    for _ in range(5):
        assert post_questions(Client(REMOTE_ADDR=LIBRARY), open_form).status_code == 200
    refused = post_questions(Client(REMOTE_ADDR=LIBRARY), open_form)
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "Nothing you sent has been saved" in html
    assert "kept" not in html
    assert apply(Client(REMOTE_ADDR="198.51.100.7"), open_form).status_code == 303


@INSIDE_ONE_WINDOW
@override_settings(APPLICATION_RATE_LIMIT=2)
def test_the_429_page_says_earlier_answers_are_kept_and_they_are(open_form):
    applicant = Client(REMOTE_ADDR=LIBRARY)
    for _ in range(3):
        assert post_questions(applicant, open_form).status_code == 200
    refused = post_questions(applicant, open_form, full_name="Changed Name")
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "We have not saved what you just sent" in html
    assert "Your earlier answers are kept" in html
    assert "Try again in 10 minutes" in html
    form = applicant.get(open_form.url + "step-1/").content.decode()
    assert 'value="Amira Khan"' in form
    assert "Changed Name" not in form


@INSIDE_ONE_WINDOW
@override_settings(TRUSTED_PROXY_COUNT=1, APPLICATION_RATE_LIMIT_PER_ADDRESS=2)
def test_behind_a_proxy_each_client_has_its_own_count_and_cannot_forge_another(open_form):
    def behind_proxy(forwarded_for):
        return Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)

    for _ in range(2):
        assert post_questions(behind_proxy("198.51.100.1"), open_form).status_code == 200
    forged = post_questions(behind_proxy("192.0.2.99, 198.51.100.1"), open_form)
    assert forged.status_code == 429
    assert apply(behind_proxy("198.51.100.2"), open_form).status_code == 303


@pytest.mark.parametrize(
    "proxies,forwarded_for,remote,expected",
    [
        (0, "192.0.2.99", "203.0.113.5", "203.0.113.5"),
        (1, "198.51.100.1", "10.0.0.2", "198.51.100.1"),
        (1, "192.0.2.99, 198.51.100.1", "10.0.0.2", "198.51.100.1"),
        (2, "192.0.2.99, 198.51.100.1, 10.0.0.1", "10.0.0.2", "198.51.100.1"),
        (2, "198.51.100.1", "10.0.0.2", "10.0.0.2"),
        (1, "", "10.0.0.2", "10.0.0.2"),
        (1, "2001:db8:1:2:a:b:c:d", "10.0.0.2", "2001:db8:1:2::"),
        (0, "", "2001:db8:1:2::99", "2001:db8:1:2::"),
        (0, "", "::ffff:198.51.100.1", "198.51.100.1"),
    ],
    ids=[
        "no-proxy-ignores-header",
        "one-proxy",
        "one-proxy-forged-left-part",
        "two-proxies",
        "fewer-entries-than-proxies",
        "no-header",
        "ipv6-by-its-64",
        "ipv6-direct",
        "ipv4-mapped",
    ],
)
def test_the_client_address_is_read_from_the_right_through_trusted_proxies(
    settings, proxies, forwarded_for, remote, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().post("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded_for)
    assert ratelimit.client_address(request) == expected


def random_address():
    """An address in the IPv6 documentation range no other test run uses."""
    return f"2001:db8:{secrets.randbelow(0xFFFF):x}:{secrets.randbelow(0xFFFF):x}::1"


@pytest.mark.django_db(transaction=True)
def test_two_app_processes_share_one_count_in_the_database(tmp_path):
    shared = processes.shared_database_url(connection, tmp_path)
    command = ["count-posts", "database", random_address(), "20", "30"]
    let_through = processes.run([command, command], [shared, shared])
    assert sum(int(count) for count in let_through) == 30


def test_two_app_processes_share_one_count_in_redis(tmp_path):
    command = ["count-posts", "redis", random_address(), "20", "30"]
    # Each process has a database of its own (empty): only Redis is shared.
    alone = [f"sqlite:///{tmp_path / 'first.sqlite3'}", f"sqlite:///{tmp_path / 'second.sqlite3'}"]
    let_through = processes.run([command, command], alone)
    assert sum(int(count) for count in let_through) == 30

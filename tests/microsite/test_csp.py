"""Every response carries a Content-Security-Policy: the whole policy on public pages, with a
fresh nonce for the one inline script; in the admin the parts Wagtail keeps to, the rest
report-only."""

import re

import pytest

from .csp import directives, video_page

pytestmark = pytest.mark.django_db
APPLY = "/programmes/come-back-to-social-work/apply/"


def test_public_pages_send_the_policy(client, home_page):
    policy = directives(client.get("/").headers["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["form-action"] == ["'self'"]
    assert "Content-Security-Policy-Report-Only" not in client.get("/").headers


def test_the_form_pages_inline_script_carries_a_fresh_nonce_the_policy_allows(client, demo_site):
    nonces = []
    for _ in range(2):
        response = client.get(APPLY)
        nonce = re.search(r'<script nonce="([^"]+)">', response.text).group(1)
        assert directives(response.headers["Content-Security-Policy"])["script-src"] == [
            "'self'",
            f"'nonce-{nonce}'",
        ]
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_admin_enforces_what_wagtail_keeps_to_and_reports_the_whole_policy(client, home_page):
    response = client.get("/admin/login/")
    enforced = directives(response.headers["Content-Security-Policy"])
    assert enforced == {
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
    }
    reported = directives(response.headers["Content-Security-Policy-Report-Only"])
    assert reported["script-src"] == ["'self'"] and reported["default-src"] == ["'self'"]


def test_a_video_plays_from_youtube_without_an_inline_style(client, home_page):
    page = video_page(home_page)
    response = client.get(page.url)
    assert 'src="https://www.youtube.com/embed/rtw-test-video"' in response.text
    assert "style=" not in response.text
    assert "https://www.youtube.com" in directives(response.headers["Content-Security-Policy"])["frame-src"]

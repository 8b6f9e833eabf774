"""The demo command: safe to re-run, keeps editors' changes, refuses production settings."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.models import Page

from campaigns.models import CampaignPage, Council, Partner
from forms.models import ApplicationFormPage
from tests.conftest import load_demo, pass_free_env, run_python


def counts():
    return {
        "pages": Page.objects.count(),
        "partners": Partner.objects.count(),
        "councils": Council.objects.count(),
        "forms": ApplicationFormPage.objects.count(),
    }


def run_command(*args):
    out = io.StringIO()
    call_command("load_demo_content", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_demo_command_creates_the_site_then_creates_nothing_on_a_second_run(home_page):
    first = run_command()
    created = counts()
    assert CampaignPage.objects.live().count() == 3
    assert re.search(r"\((\d+) pages created\)", first).group(1) != "0"
    second = run_command()
    assert "(0 pages created)" in second
    assert counts() == created


@pytest.mark.django_db
def test_demo_command_keeps_editors_changes(demo_site):
    campaign = CampaignPage.objects.get(slug="come-back-to-social-work")
    campaign.title = "Come Back to Social Work 2027"
    campaign.summary = "Edited by the comms team."
    campaign.save_revision().publish()
    partner = Partner.objects.get(name="Socitm")
    partner.url = "https://socitm.example"
    partner.save()
    council = Council.objects.get(name="Leeds City Council")
    council.delete()
    assert load_demo() == 0
    campaign.refresh_from_db()
    assert campaign.title == "Come Back to Social Work 2027"
    assert campaign.summary == "Edited by the comms team."
    assert Partner.objects.get(name="Socitm").url == "https://socitm.example"
    assert not Council.objects.filter(name="Leeds City Council").exists()


@pytest.mark.django_db
def test_demo_command_replaces_wagtails_welcome_page_with_the_home_page():
    from home.models import HomePage

    assert not HomePage.objects.exists()
    load_demo()
    home = HomePage.objects.get()
    assert home.get_site().root_page_id == home.id
    assert not Page.objects.filter(depth=2).exclude(id=home.id).exists()


@pytest.mark.django_db
def test_demo_command_refuses_production_settings_unless_forced(home_page, settings, monkeypatch):
    monkeypatch.setenv("DJANGO_SETTINGS_MODULE", "microsite.settings.production")
    settings.DEBUG = False
    with pytest.raises(CommandError, match="Refusing to load demo content with production settings"):
        run_command()
    assert not CampaignPage.objects.exists()
    output = run_command("--force")
    assert "Demo content ready" in output
    assert CampaignPage.objects.count() == 3


@pytest.mark.django_db
def test_ensure_admin_uses_admin_password(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "correct-horse-battery")
    out = io.StringIO()
    call_command("ensure_admin", stdout=out)
    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser and user.is_staff
    assert user.check_password("correct-horse-battery")
    assert "correct-horse-battery" not in out.getvalue()
    assert "Admin login: admin / (from ADMIN_PASSWORD)" in out.getvalue()


@pytest.mark.django_db
def test_ensure_admin_prints_a_generated_password_that_works(monkeypatch):
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    passwords = []
    for _ in range(2):
        out = io.StringIO()
        call_command("ensure_admin", stdout=out)
        passwords.append(re.search(r"Admin login: admin / (\S+)", out.getvalue()).group(1))
    assert get_user_model().objects.filter(username="admin").count() == 1
    user = get_user_model().objects.get(username="admin")
    assert passwords[0] != passwords[1]
    assert len(passwords[1]) >= 12
    assert user.check_password(passwords[1])
    assert not user.check_password(passwords[0])


@pytest.mark.django_db
def test_ensure_admin_refuses_a_weak_admin_password_and_says_why(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "1")
    with pytest.raises(CommandError) as refused:
        call_command("ensure_admin", stdout=io.StringIO())
    message = str(refused.value)
    assert message.startswith("ADMIN_PASSWORD is too weak: This password is too short.")
    assert "This password is entirely numeric." in message
    assert not get_user_model().objects.filter(username="admin").exists()


@pytest.mark.django_db
def test_ensure_admin_refuses_a_password_like_a_demo_reviewers_name(monkeypatch):
    monkeypatch.setenv("ADMIN_PASSWORD", "socialwork.reviewer")
    with pytest.raises(CommandError, match="The password is too similar to the username"):
        call_command("ensure_admin", stdout=io.StringIO())


@pytest.mark.one_pass
def test_make_run_stops_with_a_clear_message_on_a_weak_admin_password(tmp_path):
    env = pass_free_env(
        DJANGO_SETTINGS_MODULE="microsite.settings.dev",
        DATABASE_URL=f"sqlite:///{tmp_path / 'dev.sqlite3'}",
        ADMIN_PASSWORD="password",
    )
    result = run_python(["manage.py", "ensure_admin"], env)
    assert result.returncode != 0
    assert "ADMIN_PASSWORD is too weak: This password is too common." in result.stderr


@pytest.mark.one_pass
def test_demo_command_refuses_to_run_under_real_production_settings(tmp_path):
    env = pass_free_env(
        DJANGO_SETTINGS_MODULE="microsite.settings.production",
        SECRET_KEY="a-production-secret",
        ALLOWED_HOSTS="returners.example.org",
        WAGTAILADMIN_BASE_URL="https://returners.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'production.sqlite3'}",
    )
    result = run_python(["manage.py", "load_demo_content"], env)
    assert result.returncode != 0
    assert "Refusing to load demo content with production settings; use --force." in result.stderr

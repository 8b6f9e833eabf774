"""When the database, the file storage or the cache is unreachable, visitors get a 503 "try again" page."""

import pytest
from botocore.exceptions import EndpointConnectionError
from django.core.cache import cache
from django.db import OperationalError, ProgrammingError
from django.test import Client

from home.factories import StandardPageFactory
from home.models import StandardPage
from tests.forms.conftest import answers, pdf


@pytest.fixture
def visitor():
    """A browser (errors come back as pages, as in production) no rate limit has counted yet."""
    cache.clear()
    yield Client(raise_request_exception=False)
    cache.clear()


def failing(error):
    def raise_error(*args, **kwargs):
        raise error

    return raise_error


@pytest.mark.django_db
@pytest.mark.parametrize(
    "error",
    [
        OperationalError("server closed the connection unexpectedly"),
        EndpointConnectionError(endpoint_url="http://127.0.0.1:9000"),
        ConnectionRefusedError(111, "Connection refused"),
    ],
    ids=["database", "storage", "cache"],
)
def test_outage_while_showing_a_page_gives_a_503_asking_to_try_again(visitor, home_page, monkeypatch, error):
    page = StandardPageFactory(parent=home_page, slug="about")
    monkeypatch.setattr(StandardPage, "get_context", failing(error))
    response = visitor.get(page.url)
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Sorry, the service is unavailable" in html
    assert "Please try again in a few minutes." in html


@pytest.mark.django_db
def test_database_outage_while_keeping_answers_gives_a_503_and_saves_nothing(visitor, home_page, monkeypatch):
    from forms import drafts
    from forms.models import Application

    form = application_form(home_page)
    monkeypatch.setattr(drafts, "save", failing(OperationalError("the database system is shutting down")))
    response = visitor.post(form.url + "step-1/", {**answers(), "your_cv": pdf()})
    assert response.status_code == 503
    assert "go back and send it again" in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.django_db
def test_a_bug_still_gives_the_500_page(visitor, home_page, monkeypatch):
    page = StandardPageFactory(parent=home_page, slug="about")
    monkeypatch.setattr(StandardPage, "get_context", failing(ValueError("a bug")))
    response = visitor.get(page.url)
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


@pytest.mark.django_db
def test_database_outage_while_saving_the_session_gives_a_503_not_a_400(visitor, home_page, monkeypatch):
    """Django's database sessions report any error on saving as a deleted session (a 400)."""
    from django.contrib.sessions.models import Session

    form = application_form(home_page)
    assert visitor.post(form.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 303
    monkeypatch.setattr(Session, "save", failing(OperationalError("terminating connection")))
    response = visitor.post(form.url + "step-1/", {**answers(full_name="Amira K"), "your_cv": pdf()})
    assert response.status_code == 503
    assert "Please try again in a few minutes." in response.content.decode()


@pytest.mark.django_db
def test_any_database_error_saving_a_session_still_stored_gives_a_503_not_a_400(
    visitor, home_page, monkeypatch
):
    """Not only outages: psycopg refuses to start a transaction on a connection left mid-transaction
    with a ProgrammingError. The session is still stored, so sending again works."""
    from django.contrib.sessions.models import Session

    form = application_form(home_page)
    assert visitor.post(form.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 303
    error = ProgrammingError("can't change 'autocommit' now: connection in transaction status INTRANS")
    monkeypatch.setattr(Session, "save", failing(error))
    response = visitor.post(form.url + "step-1/", {**answers(full_name="Amira K"), "your_cv": pdf()})
    assert response.status_code == 503
    assert "Please try again in a few minutes." in response.content.decode()
    monkeypatch.undo()
    again = visitor.post(form.url + "step-1/", {**answers(full_name="Amira K"), "your_cv": pdf()})
    assert again.status_code == 303


@pytest.mark.django_db
def test_a_session_deleted_while_its_request_ran_says_the_answers_were_not_kept(
    visitor, home_page, monkeypatch
):
    from django.contrib.sessions.backends.db import SessionStore
    from django.contrib.sessions.models import Session

    form = application_form(home_page)
    assert visitor.post(form.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 303
    save = SessionStore.save

    def deleted_first(session, *args, **kwargs):  # as signing in from another window does
        Session.objects.filter(pk=session.session_key).delete()
        return save(session, *args, **kwargs)

    monkeypatch.setattr(SessionStore, "save", deleted_first)
    response = visitor.post(form.url + "step-1/", {**answers(full_name="Amira K"), "your_cv": pdf()})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Your answers were not kept" in html
    assert "start again" in html


def application_form(home_page):
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
    from forms.factories import ApplicationFormPageFactory

    programme = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=home_page))
    return ApplicationFormPageFactory(parent=programme, with_fields=True)

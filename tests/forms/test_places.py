"""The places cap: the form closes or opens a waiting list, and concurrency never exceeds it."""

import json
import threading

import pytest
from django.db import connection
from django.test import Client

from forms.models import Application

from . import processes
from .conftest import answers, apply, make_form_page, pdf


def capped_page(programme, places, when_full="close"):
    """A form with a places cap; one person may apply more than once (places, not duplicates, here)."""
    return make_form_page(
        programme,
        allow_duplicate_applications=True,
        places=places,
        when_full=when_full,
        full_message="<p>Every place has gone: sign up for news of the next cohort.</p>",
        waiting_list_message="<p>You will join the waiting list.</p>",
    )


@pytest.mark.django_db
def test_form_closes_when_every_place_is_taken(client, programme):
    page = capped_page(programme, places=2)
    assert apply(Client(), page).status_code == 303
    assert apply(Client(), page).status_code == 303
    html = client.get(page.url).content.decode()
    assert "Every place has gone" in html
    assert "The application limit has been reached." in html
    assert "Start now" not in html
    assert client.post(page.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 200
    assert Application.objects.count() == 2


@pytest.mark.django_db
def test_a_checked_application_is_refused_when_the_last_place_goes_first(programme):
    page = capped_page(programme, places=1)
    slow = Client()
    slow.post(page.url + "step-1/", {**answers(), "your_cv": pdf()})
    token = slow.get(page.url + "check/").context["draft_token"]
    apply(Client(), page)
    response = slow.post(page.url + "check/", {"token": token})
    assert "Every place has gone" in response.content.decode()
    assert Application.objects.count() == 1


@pytest.mark.django_db
def test_waiting_list_takes_applications_after_the_places_are_gone(programme):
    page = capped_page(programme, places=1, when_full="waiting-list")
    apply(Client(), page)
    client = Client()
    assert "You will join the waiting list." in client.get(page.url).content.decode()
    response = apply(client, page)
    assert "you are on the waiting list" in client.get(response["Location"]).content.decode()
    assert list(Application.objects.order_by("pk").values_list("waiting_list", flat=True)) == [False, True]
    assert page.window_state().state == "open"
    assert page.window_state().waiting_list


def run_in_threads(count, work):
    """Runs ``work(i)`` in ``count`` threads started together; returns results and errors."""
    barrier = threading.Barrier(count)
    results, errors = [None] * count, []

    def runner(i):
        try:
            barrier.wait(timeout=60)
            results[i] = work(i)
        except Exception as error:  # reported by the test
            errors.append(repr(error))
        finally:
            connection.close()

    threads = [threading.Thread(target=runner, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return results, errors


def checked_client(page, number=0):
    """A client (its own address) whose answers are on check your answers, and its token."""
    client = Client(REMOTE_ADDR=f"10.0.{number // 250}.{number % 250 + 1}")
    assert client.post(page.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 303
    return client, client.get(page.url + "check/").context["draft_token"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_fifty_concurrent_confirmations_never_exceed_the_places(live_home_page):
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory

    index = ProgrammeIndexPageFactory(parent=live_home_page)
    page = capped_page(CampaignPageFactory(parent=index), places=20)
    ready = [checked_client(page, i) for i in range(50)]

    def confirm(i):
        client, token = ready[i]
        return client.post(page.url + "check/", {"token": token}).status_code

    results, errors = run_in_threads(50, confirm)
    assert errors == []
    assert Application.objects.filter(page=page).count() == 20
    assert results.count(303) == 20
    references = list(Application.objects.values_list("reference", flat=True))
    assert len(set(references)) == 20


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_the_same_confirmation_from_two_threads_saves_one_application(live_home_page):
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory

    index = ProgrammeIndexPageFactory(parent=live_home_page)
    page = make_form_page(CampaignPageFactory(parent=index))
    client, token = checked_client(page)
    cookie = client.cookies["sessionid"].value

    def confirm(_i):
        twin = Client(REMOTE_ADDR="10.0.0.1")
        twin.cookies["sessionid"] = cookie
        response = twin.post(page.url + "check/", {"token": token})
        return response.status_code, response["Location"]

    results, errors = run_in_threads(2, confirm)
    assert errors == []
    assert results == [(303, page.url + "confirmation/")] * 2
    assert Application.objects.count() == 1
    assert Application.objects.get().submission_token == token


@pytest.mark.django_db(transaction=True)
def test_the_same_confirmation_twice_at_once_on_sqlite_saves_one_application_and_no_error(tmp_path):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's locking only (PostgreSQL's is tested above)")
    shared = processes.shared_database_url(connection, tmp_path)  # a file, as `make run` has
    (output,) = processes.run([["confirm-twice", "10"]], [shared])
    for outcome in json.loads(output):
        assert [status for status, _location in outcome["results"]] == [303, 303], outcome
        assert all(location.endswith("/confirmation/") for _status, location in outcome["results"])
        assert outcome["applications"] == 1

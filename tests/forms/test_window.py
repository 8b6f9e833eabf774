"""The application window: enforced on the server for GET and POST, either side of each second."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.template import Context, Template
from django.utils import timezone

from forms.models import Application, ApplicationFile

from .conftest import answers, make_form_page, pdf

pytestmark = pytest.mark.django_db
UK = ZoneInfo("Europe/London")
UTC = dt.UTC


def uk(*args):
    return dt.datetime(*args, tzinfo=UK)


@pytest.fixture
def deadline_page(programme):
    return make_form_page(
        programme,
        opens_at=uk(2026, 9, 1, 9, 0),
        closes_at=uk(2026, 9, 30, 23, 59),
        upcoming_message="<p>Opening message from editors.</p>",
        closed_message="<p>Closed message: read about future cohorts.</p>",
    )


def test_form_is_open_at_the_closing_second_and_takes_answers(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 0), tick=False):
        assert "Start now" in client.get(deadline_page.url).content.decode()
        assert "Continue</button>" in client.get(deadline_page.url + "step-1/").content.decode()
        assert client.post(deadline_page.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 303


def test_post_one_second_after_closing_is_refused_with_the_closed_page_and_stores_nothing(
    client, deadline_page
):
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 1), tick=False):
        response = client.post(deadline_page.url + "step-1/", {**answers(), "your_cv": pdf()})
    html = response.content.decode()
    assert "Closed message: read about future cohorts." in html
    assert "Continue</button>" not in html
    assert ApplicationFile.objects.count() == 0
    assert f"rtw-application-{deadline_page.pk}" not in client.session


def test_get_one_second_after_closing_shows_the_closed_page(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 1), tick=False):
        html = client.get(deadline_page.url).content.decode()
    assert "Closed message" in html
    assert "Applications closed on 30 September 2026." in html
    assert '<form class="application-form"' not in html


def test_confirm_one_second_after_closing_saves_nothing_even_with_answers_checked_in_time(
    client, deadline_page
):
    with time_machine.travel(uk(2026, 9, 30, 23, 58, 0), tick=False):
        client.post(deadline_page.url + "step-1/", {**answers(), "your_cv": pdf()})
        token = client.get(deadline_page.url + "check/").context["draft_token"]
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 1), tick=False):
        response = client.post(deadline_page.url + "check/", {"token": token})
        assert "Closed message" in response.content.decode()
        assert client.get(deadline_page.url + "check/").status_code == 200
    assert Application.objects.count() == 0


def test_confirm_at_the_closing_second_is_saved(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 30, 23, 58, 0), tick=False):
        client.post(deadline_page.url + "step-1/", {**answers(), "your_cv": pdf()})
        token = client.get(deadline_page.url + "check/").context["draft_token"]
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 0), tick=False):
        assert client.post(deadline_page.url + "check/", {"token": token}).status_code == 303
    assert Application.objects.count() == 1


def test_one_second_before_opening_shows_when_it_opens_and_refuses_posts(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 1, 8, 59, 59), tick=False):
        html = client.get(deadline_page.url).content.decode()
        assert "Applications open on 1 September 2026 at 9am." in html
        assert "Opening message from editors." in html
        response = client.post(deadline_page.url + "step-1/", {**answers(), "your_cv": pdf()})
        assert "Continue</button>" not in response.content.decode()
    assert ApplicationFile.objects.count() == 0


def test_opens_at_the_opening_second(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 1, 9, 0, 0), tick=False):
        assert "Start now" in client.get(deadline_page.url).content.decode()
        assert "Continue</button>" in client.get(deadline_page.url + "step-1/").content.decode()


@pytest.mark.parametrize(
    "closes_uk,closes_utc",
    [
        # Clocks go back at 02:00 BST on 25 October 2026: 23:59 that night is GMT (UTC).
        ((2026, 10, 25, 23, 59), dt.datetime(2026, 10, 25, 23, 59, tzinfo=UTC)),
        # Clocks go forward at 01:00 GMT on 29 March 2026: 23:59 that night is BST (UTC+1).
        ((2026, 3, 29, 23, 59), dt.datetime(2026, 3, 29, 22, 59, tzinfo=UTC)),
        # 01:30 happens twice on 25 October; editors mean the first (BST) one.
        ((2026, 10, 25, 1, 30), dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
    ],
)
def test_closing_on_the_day_the_clocks_change_is_exact_to_the_second(
    client, programme, closes_uk, closes_utc
):
    closes = timezone.make_aware(dt.datetime(*closes_uk))
    assert closes.astimezone(UTC) == closes_utc
    page = make_form_page(programme, opens_at=uk(2026, 1, 1, 9, 0), closes_at=closes)
    with time_machine.travel(closes_utc, tick=False):
        assert client.post(page.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 303
    with time_machine.travel(closes_utc + dt.timedelta(seconds=1), tick=False):
        assert client.post(page.url + "step-1/", {**answers(), "your_cv": pdf()}).status_code == 200
        assert page.window_state().state == "closed"
    assert ApplicationFile.objects.count() == 1


def test_open_state_reads_closes_on_date_at_time_with_days_left(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 20, 12, 0), tick=False):
        html = client.get(deadline_page.url).content.decode()
    assert "Closes on 30 September at 11:59pm, 10 days left." in html


def test_open_state_on_the_closing_day_says_today(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 30, 8, 0), tick=False):
        assert "Closes on 30 September at 11:59pm, today." in client.get(deadline_page.url).content.decode()


def test_programme_page_and_index_show_the_same_state(client, deadline_page, programme):
    with time_machine.travel(uk(2026, 9, 29, 12, 0), tick=False):
        for url in (programme.url, programme.get_parent().url):
            assert "Closes on 30 September at 11:59pm, 1 day left." in client.get(url).content.decode()
    with time_machine.travel(uk(2026, 10, 1, 0, 0), tick=False):
        assert "Applications closed on 30 September 2026." in client.get(programme.url).content.decode()


@pytest.mark.parametrize(
    "hour,minute,expected",
    [
        (23, 59, "11:59pm"),
        (9, 0, "9am"),
        (12, 0, "midday"),
        (0, 0, "12am"),
        (17, 30, "5:30pm"),
        (12, 15, "12:15pm"),
    ],
)
def test_uk_time_filter_writes_times_the_gov_uk_way(hour, minute, expected):
    value = uk(2026, 7, 1, hour, minute).astimezone(UTC)
    rendered = Template("{% load application_form_tags %}{{ value|uk_time }}").render(
        Context({"value": value})
    )
    assert rendered == expected


def test_confirmation_is_still_shown_after_closing(client, deadline_page):
    with time_machine.travel(uk(2026, 9, 30, 23, 58, 0), tick=False):
        client.post(deadline_page.url + "step-1/", {**answers(), "your_cv": pdf()})
        token = client.get(deadline_page.url + "check/").context["draft_token"]
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 0), tick=False):
        response = client.post(deadline_page.url + "check/", {"token": token})
    with time_machine.travel(uk(2026, 9, 30, 23, 59, 30), tick=False):
        html = client.get(response["Location"]).content.decode()
    assert Application.objects.get().reference in html

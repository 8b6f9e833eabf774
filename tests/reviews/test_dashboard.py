"""The admin home panel's figures against known data, per programme the user may see."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine

from reviews.dashboard import programme_figures

from .conftest import make_application

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 3, 10, 12, 0, tzinfo=UK)


@pytest.fixture
def known(site):
    site["form_a"].opens_at = dt.datetime(2026, 3, 1, 9, 0, tzinfo=UK)
    site["form_a"].closes_at = dt.datetime(2026, 3, 20, 17, 0, tzinfo=UK)
    site["form_a"].save()
    two_days_ago = NOW - dt.timedelta(days=2)
    for status in ("received", "received", "offered"):
        make_application(site["form_a"], site["a"], status=status, submitted=two_days_ago)
    make_application(site["form_a"], site["a"], status="placed", submitted=NOW - dt.timedelta(hours=1))
    # Just after midnight UK time (still the previous day in UTC during BST is not the case in March).
    make_application(site["form_a"], site["a"], submitted=dt.datetime(2026, 3, 9, 0, 30, tzinfo=UK))
    make_application(site["signup_a"], site["a"], submitted=NOW)  # a council sign-up: not counted
    make_application(site["form_b"], site["b"], submitted=NOW)
    return site


def test_figures_for_a_programme(known):
    with time_machine.travel(NOW, tick=False):
        figures = programme_figures(known["a"])
    per_day = dict(figures.per_day)
    assert len(figures.per_day) == 30
    assert per_day[dt.date(2026, 3, 8)] == 3
    assert per_day[dt.date(2026, 3, 9)] == 1
    assert per_day[dt.date(2026, 3, 10)] == 1
    assert sum(per_day.values()) == 5 == figures.total
    assert dict(figures.by_status) == {
        "Received": 3,
        "Eligible": 0,
        "Not eligible": 0,
        "Shortlisted": 0,
        "Interview": 0,
        "Offered": 1,
        "Placed": 1,
        "Unsuccessful": 0,
        "Withdrawn": 0,
    }
    assert figures.days_left == 10
    assert figures.places_left == 8  # 10 places less one offered and one placed


def test_days_left_counts_uk_calendar_days_either_side_of_the_deadline(known):
    with time_machine.travel(dt.datetime(2026, 3, 20, 16, 59, tzinfo=UK), tick=False):
        assert programme_figures(known["a"]).days_left == 0
    with time_machine.travel(dt.datetime(2026, 3, 20, 17, 1, tzinfo=UK), tick=False):
        assert programme_figures(known["a"]).days_left is None


def test_chart_bars_scale_to_the_busiest_day(known):
    with time_machine.travel(NOW, tick=False):
        bars = programme_figures(known["a"]).bars
    tallest = max(bars, key=lambda bar: bar["height"])
    assert tallest["day"] == dt.date(2026, 3, 8) and tallest["count"] == 3
    one = next(bar for bar in bars if bar["day"] == dt.date(2026, 3, 10))
    assert one["height"] == pytest.approx(tallest["height"] / 3, abs=0.1)


def test_home_panel_shows_only_the_reviewers_programmes_as_inline_svg(client, reviewer_a, known):
    client.force_login(reviewer_a)
    with time_machine.travel(NOW, tick=False):
        html = client.get("/admin/").content.decode()
    panel = html[html.index('id="programme-applications-section"') :]
    assert "Come Back to Social Work" in panel and "STEM ReCharge" not in panel
    assert re.search(r'data-figure="total">5<', panel)
    assert re.search(r'data-figure="days-left">10<', panel)
    assert re.search(r'data-figure="places-left">8<', panel)
    assert "<svg" in panel and "<script" not in panel.split("</svg>")[0]
    assert re.search(r'data-status="Offered">1<', panel)


def test_home_panel_is_absent_for_users_without_programmes(client, django_user_model, known):
    from .conftest import make_group, make_user

    user = make_user(django_user_model, "nobody", make_group("No programmes", []))
    client.force_login(user)
    assert 'id="programme-applications-section"' not in client.get("/admin/").content.decode()


def panel_of(client, user):
    client.force_login(user)
    html = client.get("/admin/").content.decode()
    return html[html.index('id="programme-applications-section"') :]


def test_the_application_limit_is_shown_apart_from_the_programmes_places(known):
    known["form_a"].places = 7
    known["form_a"].save()
    with time_machine.travel(NOW, tick=False):
        figures = programme_figures(known["a"])
    assert figures.places_left == 8  # the programme's 10 places less one offered and one placed
    assert figures.limit_left == 2  # an application limit of 7, 5 applications on the form


def test_a_closed_programme_shows_its_closing_date_and_places_not_no_closing_date(client, reviewer_a, known):
    with time_machine.travel(dt.datetime(2026, 3, 25, 12, 0, tzinfo=UK), tick=False):
        panel = panel_of(client, reviewer_a)
    assert re.search(r'data-figure="window">Closed on 20 March 2026<', panel)
    assert "No closing date" not in panel
    assert re.search(r'data-figure="places">10<', panel)
    assert re.search(r'data-figure="places-left">8<', panel)


def test_an_upcoming_programme_shows_when_it_opens(client, reviewer_a, known):
    with time_machine.travel(dt.datetime(2026, 2, 25, 12, 0, tzinfo=UK), tick=False):
        panel = panel_of(client, reviewer_a)
    assert re.search(r'data-figure="window">Opens on 1 March 2026<', panel)
    assert 'data-figure="days-left"' not in panel


def test_the_chart_has_a_count_axis_and_a_date_axis(client, reviewer_a, known):
    with time_machine.travel(NOW, tick=False):
        panel = panel_of(client, reviewer_a)
    chart = panel[panel.index('<svg role="img"') :]
    chart = chart[: chart.index("</svg>")]
    count_axis = re.search(r'data-axis="count">(.*?)</g>', chart, re.S).group(1)
    assert re.findall(r">(\d+)</text>", count_axis) == ["3", "0"]  # the busiest day had 3
    day_axis = re.search(r'data-axis="days">(.*?)</g>', chart, re.S).group(1)
    assert re.findall(r">([^<]+)</text>", day_axis) == ["9 Feb", "10 Mar"]
    assert "from 9 February 2026 to 10 March 2026" in chart

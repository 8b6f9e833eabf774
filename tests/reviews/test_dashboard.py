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


def test_places_left_follow_the_forms_own_cap_when_it_has_one(known):
    known["form_a"].places = 7
    known["form_a"].save()
    with time_machine.travel(NOW, tick=False):
        assert programme_figures(known["a"]).places_left == 2  # 7 places, 5 applications on the form

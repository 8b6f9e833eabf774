"""One source of truth for application dates: the form's opening and closing times, shown everywhere
from there; key dates refuse them typed again, and date entry refuses what it cannot read."""

import datetime as dt
import importlib
from zoneinfo import ZoneInfo

import pytest
import time_machine
from bs4 import BeautifulSoup
from django.apps import apps
from wagtail.blocks import StreamBlockValidationError

from campaigns.blocks import KeyDatesBlock
from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from campaigns.models import CampaignPage
from forms.factories import ApplicationFormPageFactory
from home.widgets import TypedDateInput, TypedDateTimeInput

UK = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 11, 27, 12, 0, tzinfo=UK)


def text_of(client, url):
    return " ".join(BeautifulSoup(client.get(url).content, "html.parser").get_text(" ").split())


@pytest.fixture
def programme(home_page):
    index = ProgrammeIndexPageFactory(parent=home_page, slug="programmes")
    campaign = CampaignPageFactory(
        parent=index,
        title="Back to planning",
        key_dates=[("key_date", {"label": "Training starts", "date": dt.date(2027, 3, 1), "note": ""})],
    )
    form_page = ApplicationFormPageFactory(
        parent=campaign,
        opens_at=dt.datetime(2026, 11, 20, 9, 0, tzinfo=UK),
        closes_at=dt.datetime(2027, 1, 15, 23, 59, tzinfo=UK),
    )
    return campaign, form_page


@pytest.mark.django_db
def test_moving_the_closing_date_once_changes_every_mention(client, programme):
    campaign, form_page = programme
    with time_machine.travel(NOW, tick=False):
        before = text_of(client, campaign.url)
        assert "Closes on 15 January 2027 at 11:59pm, 49 days left" in before
        assert "Applications close 15 January 2027 at 11:59pm" in before
        form_page.closes_at = dt.datetime(2027, 1, 22, 23, 59, tzinfo=UK)
        form_page.save_revision().publish()
        page = text_of(client, campaign.url)
        card = text_of(client, "/programmes/")
    assert "Closes on 22 January 2027 at 11:59pm, 56 days left" in page
    assert "Applications close 22 January 2027 at 11:59pm" in page
    assert "Closes on 22 January 2027" in card
    assert "15 January" not in page + card


@pytest.mark.django_db
def test_key_dates_show_the_forms_dates_in_date_order_and_past_ones_in_the_past_tense(client, programme):
    campaign, _ = programme
    with time_machine.travel(NOW, tick=False):
        html = BeautifulSoup(client.get(campaign.url).content, "html.parser")
    labels = [dt_.get_text(strip=True) for dt_ in html.select(".key-dates dt")]
    assert labels == ["Applications opened", "Applications close", "Training starts"]
    closing = html.select(".key-dates time")[1]
    assert closing["datetime"] == "2027-01-15T23:59:00+00:00"


@pytest.mark.parametrize(
    "label",
    [
        "Applications close",
        "applications closed",
        "Applications open",
        "Closing date",
        "Deadline for applications",
    ],
)
def test_a_key_date_repeating_the_forms_dates_is_refused_with_a_message(label):
    block = KeyDatesBlock()
    value = block.to_python(
        [{"type": "key_date", "value": {"label": label, "date": "2027-01-22", "note": ""}}]
    )
    with pytest.raises(StreamBlockValidationError) as error:
        block.clean(value)
    message = str(error.value.as_json_data())
    assert "Change those times on the form" in message


def test_other_key_dates_are_accepted():
    block = KeyDatesBlock()
    value = block.to_python(
        [{"type": "key_date", "value": {"label": "Applications workshop", "date": "2027-01-22", "note": ""}}]
    )
    assert block.clean(value)[0].value["label"] == "Applications workshop"


def test_admin_date_pickers_never_replace_unreadable_text_with_today():
    """The picker's validateOnBlur put today's date in place of text it could not read ("2027-02-01"
    in a dd/mm/yyyy field); without it the server reads ISO and dd/mm/yyyy dates and refuses the rest."""
    field = KeyDatesBlock().child_blocks["key_date"].child_blocks["date"].field
    assert field.widget.get_config()["validateOnBlur"] is False
    form_class = ApplicationFormPageFactory._meta.model.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["closes_at"].widget, TypedDateTimeInput)
    assert isinstance(field.widget, TypedDateInput)


@pytest.mark.django_db
def test_the_migration_removes_key_dates_the_form_now_shows_and_keeps_the_rest(programme):
    campaign, form_page = programme
    campaign.key_dates = [
        ("key_date", {"label": "Applications close", "date": dt.date(2027, 1, 22), "note": ""}),
        ("key_date", {"label": "Applications open", "date": dt.date(2026, 11, 20), "note": ""}),
        ("key_date", {"label": "Training starts", "date": dt.date(2027, 3, 1), "note": ""}),
    ]
    campaign.save_revision().publish()
    form_page.opens_at = None
    form_page.save()
    migration = importlib.import_module("forms.migrations.0012_application_dates_from_the_form")
    migration.remove_application_key_dates(apps, None)
    campaign = CampaignPage.objects.get(pk=campaign.pk)
    kept = [block.value["label"] for block in campaign.key_dates]
    # The form has a closing time (shown from it) but no opening time: that key date stays.
    assert kept == ["Applications open", "Training starts"]
    revision = campaign.latest_revision.as_object()
    assert [block.value["label"] for block in revision.key_dates] == kept

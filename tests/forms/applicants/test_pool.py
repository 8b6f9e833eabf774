"""The talent pool: explicit consent on the form or the applicant's page, six months at a time,
a reminder two weeks before the end, and out of every search the moment consent stops."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from forms.models import Application, ApplicationFormPage, PoolProfile
from forms.pool import save_profile

from ..conftest import answers, apply
from .conftest import AMIRA, ESCAPED, SCRIPT, sign_in

pytestmark = pytest.mark.django_db
UK = ZoneInfo("Europe/London")
APPLICATION = "/your-applications/CBSW-AAAA-1111/"
POOL = APPLICATION + "talent-pool/"
PROFILE = {
    "regions": ["yorkshire", "london"],
    "years_of_experience": "12",
    "skills_summary": "Child protection, court work.",
    "availability": "one-month",
    "availability_note": "School hours",
}


@pytest.fixture
def offering(site):
    ApplicationFormPage.objects.filter(pk__in=[site["form"].pk, site["signup"].pk]).update(
        offer_talent_pool=True
    )
    site["social_work"].profession = "social-work"
    site["social_work"].save()
    return ApplicationFormPage.objects.get(pk=site["form"].pk)


def searchable():
    return list(PoolProfile.objects.searchable())


def in_pool(made, now=None, regions=("london",)):
    return save_profile(made["amira"], regions, {"skills_summary": "Court work"}, consent=True, now=now)


def form_answers(**extra):
    return answers(when_did_you_last_practise="15/03/2022", why_do_you_want_to_return="Ready", **extra)


def test_the_form_asks_an_unticked_pool_question_only_when_it_offers_the_pool(client, site, offering):
    html = client.get(offering.url + "step-1/").content.decode()
    assert "Yes, add me to the talent pool (Social work) for 6 months" in html
    assert (
        'name="talent_pool" id="id_talent_pool"' in html
        and "checked" not in html.split("talent_pool")[1][:200]
    )
    assert "never holds your name or contact details" in html
    assert "talent_pool" not in client.get(site["stem_form"].url + "step-1/").content.decode()


def test_ticking_the_pool_question_with_regions_puts_a_limited_profile_in_the_pool(client, offering):
    ApplicationFormPage.objects.filter(pk=offering.pk).update(opens_at=None, closes_at=None)
    with time_machine.travel(dt.datetime(2026, 4, 10, 10, 0, tzinfo=UK), tick=False):
        apply(client, offering, form_answers(talent_pool="on", talent_pool_regions=["London", "South West"]))
    application = Application.objects.get()
    profile = PoolProfile.objects.get(application=application)
    assert profile.profession == "social-work"
    assert profile.region_values == ["london", "south-west"]
    assert profile.consented_at == dt.datetime(2026, 4, 10, 10, 0, tzinfo=UK)
    assert profile.consent_expires_at == dt.datetime(2026, 10, 10, 10, 0, tzinfo=UK)
    assert list(PoolProfile.objects.searchable(now=dt.datetime(2026, 10, 10, 9, 59, tzinfo=UK))) == [profile]
    assert "talent_pool" not in application.form_data and "talent_pool_regions" not in application.form_data
    assert "amira" not in profile.search_text.lower() and "London" in profile.search_text


def test_the_check_page_shows_the_pool_answers_and_no_tick_means_no_profile(client, offering):
    from ..conftest import pdf

    client.post(offering.url + "step-1/", {**form_answers(talent_pool_regions=["London"]), "your_cv": pdf()})
    check = client.get(offering.url + "check/")
    html = check.content.decode()
    assert "<dt>Yes, add me to the talent pool (Social work) for 6 months</dt>" in html
    assert "<dd>No</dd>" in html and "<dd>London</dd>" in html
    client.post(offering.url + "check/", {"token": check.context["draft_token"]})
    assert Application.objects.count() == 1
    assert not PoolProfile.objects.exists()


def test_joining_on_the_form_needs_a_region(client, offering):
    response = client.post(offering.url + "step-1/", form_answers(talent_pool="on"))
    assert (
        '<a href="#id_talent_pool_regions_0">Select the regions where you would work'
        in response.content.decode()
    )


def test_joining_later_from_the_applicants_page_needs_the_consent_box(client, made, offering):
    sign_in(client, AMIRA)
    html = client.get(APPLICATION).content.decode()
    assert "Join the talent pool" in html
    refused = client.post(POOL, PROFILE)
    assert '<a href="#id_consent">Tick the box to join the talent pool</a>' in refused.content.decode()
    assert not PoolProfile.objects.exists()
    joined = client.post(POOL, {**PROFILE, "consent": "on"}, follow=True)
    html = joined.content.decode()
    assert "You have joined the talent pool." in html
    assert "Yorkshire and the Humber, London" in html and "Within a month. School hours" in html
    (profile,) = searchable()
    assert profile.years_of_experience == 12


def test_changing_the_profile_keeps_the_consent_dates(client, made, offering):
    profile = in_pool(made)
    sign_in(client, AMIRA)
    assert 'name="consent"' not in client.get(POOL).content.decode()
    client.post(POOL, {**PROFILE, "skills_summary": "Adult safeguarding"})
    changed = PoolProfile.objects.get()
    assert changed.skills_summary == "Adult safeguarding" and "Adult safeguarding" in changed.search_text
    assert (changed.consented_at, changed.consent_expires_at) == (
        profile.consented_at,
        profile.consent_expires_at,
    )
    assert changed.region_values == ["yorkshire", "london"]


def test_leaving_asks_first_then_takes_the_profile_out_of_search_at_once(client, made, offering):
    in_pool(made)
    sign_in(client, AMIRA)
    assert "Are you sure you want to leave the talent pool?" in client.get(POOL + "leave/").content.decode()
    assert searchable()
    response = client.post(POOL + "leave/", follow=True)
    assert "You have left the talent pool" in response.content.decode()
    assert searchable() == []
    assert "You left the talent pool on" in response.content.decode()


def test_consent_ends_after_six_months_and_renewing_gives_six_more(client, made, offering):
    with time_machine.travel(dt.datetime(2026, 1, 31, 9, 0, tzinfo=UK), tick=False):
        profile = in_pool(made)
    assert profile.consent_expires_at == dt.datetime(2026, 7, 31, 9, 0, tzinfo=UK)
    with time_machine.travel(profile.consent_expires_at - dt.timedelta(seconds=1), tick=False):
        assert searchable() == [profile]
    with time_machine.travel(profile.consent_expires_at + dt.timedelta(seconds=1), tick=False):
        assert searchable() == []
        sign_in(client, AMIRA)
        assert (
            "Your place in the talent pool ended on 31 July 2026" in client.get(APPLICATION).content.decode()
        )
    with time_machine.travel(dt.datetime(2026, 8, 3, 12, 0, tzinfo=UK), tick=False):
        sign_in(client, AMIRA)
        client.post(POOL + "renew/")
        renewed = PoolProfile.objects.get()
        assert renewed.consent_expires_at == dt.datetime(2027, 2, 3, 12, 0, tzinfo=UK)
        assert searchable() == [renewed]
        html = client.get(APPLICATION).content.decode()
        assert "You are in the talent pool for another 6 months." in html
        assert "You are in the talent pool until 3 February 2027" in html


def test_a_withdrawn_application_is_never_in_the_pool(client, made, offering):
    profile = in_pool(made)
    Application.objects.filter(pk=made["amira"].pk).update(status="withdrawn")  # by a reviewer
    assert PoolProfile.objects.get(pk=profile.pk).withdrawn_at is None
    assert searchable() == []
    Application.objects.filter(pk=made["amira"].pk).update(status="shortlisted")
    assert searchable() == [profile]

    sign_in(client, AMIRA)
    client.post(APPLICATION + "withdraw/")  # by the applicant: the profile is withdrawn too
    assert searchable() == [] and PoolProfile.objects.get().withdrawn_at is not None
    assert client.get(POOL).status_code == 404
    assert "its profile is not in the talent pool" in client.get(APPLICATION).content.decode()


def test_a_reminder_goes_two_weeks_before_consent_ends_once(made, offering):
    profile = in_pool(made)
    ends = profile.consent_expires_at
    with time_machine.travel(ends - dt.timedelta(days=15), tick=False):
        call_command("send_pool_reminders")
    assert mail.outbox == []
    with time_machine.travel(ends - dt.timedelta(days=13), tick=False):
        call_command("send_pool_reminders")
        call_command("send_pool_reminders")
    (reminder,) = mail.outbox
    assert reminder.to == [AMIRA]
    assert timezone.localtime(ends).strftime("%-d %B %Y") in reminder.subject
    assert "http://127.0.0.1:8000/your-applications/" in reminder.body
    assert "Court work" not in reminder.body  # no profile text in the email


def test_a_failed_reminder_is_sent_by_the_next_run(made, offering, settings):
    from tests.forms.email_backends import FlakyBackend

    profile = in_pool(made)
    settings.EMAIL_BACKEND = "tests.forms.email_backends.FlakyBackend"
    FlakyBackend.failures = 1
    with time_machine.travel(profile.consent_expires_at - dt.timedelta(days=10), tick=False):
        call_command("send_pool_reminders")  # the task fails (logged); the reminder is released
        assert mail.outbox == [] and PoolProfile.objects.get().reminder_sent_at is None
        call_command("send_pool_reminders")
    assert len(mail.outbox) == 1 and PoolProfile.objects.get().reminder_sent_at is not None


def test_region_search_includes_england_wide_and_profession_search_is_exact(made, offering):
    london = in_pool(made, regions=["london"])
    assert list(PoolProfile.objects.searchable().in_region("london")) == [london]
    assert list(PoolProfile.objects.searchable().in_region("north-east")) == []
    save_profile(made["amira"], ["england"])
    assert list(PoolProfile.objects.searchable().in_region("north-east")) == [london]
    assert list(PoolProfile.objects.searchable().for_profession("social-work")) == [london]
    assert list(PoolProfile.objects.searchable().for_profession("ict")) == []


def test_a_profile_has_no_field_for_contact_details():
    names = {field.name for field in PoolProfile._meta.get_fields()}
    assert not names & {"name", "email", "phone", "applicant_name", "applicant_email", "postcode"}


def test_markup_in_the_profile_is_shown_as_text(client, made, offering):
    save_profile(
        made["amira"], ["london"], {"skills_summary": SCRIPT, "availability_note": SCRIPT[:200]}, consent=True
    )
    sign_in(client, AMIRA)
    for path in (APPLICATION, POOL):
        html = client.get(path).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert ESCAPED in html


def test_the_pool_pages_of_other_peoples_or_unoffered_applications_are_not_found(client, made, offering):
    sign_in(client, AMIRA)
    for path in (
        "CBSW-BBBB-3333/talent-pool/",
        "STEM-AAAA-2222/talent-pool/",
        "CCBSW-CCCC-4444/talent-pool/",
    ):
        assert client.get("/your-applications/" + path).status_code == 404, path
    assert client.post("/your-applications/CBSW-BBBB-3333/talent-pool/leave/").status_code == 404

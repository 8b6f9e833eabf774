"""The purge of expired personal data: what goes, when, with its files, and what happens on faults."""

import datetime as dt
import io
import sys
import threading
import uuid
from contextlib import ExitStack, contextmanager
from unittest import mock

import pytest
import time_machine
from django.core import checks
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection
from django.db.models import Q
from django.test.utils import override_system_checks
from django.utils import timezone
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import ModelLogEntry, Site

from campaigns.choices import Region
from forms import personal_data, plans, pool, retention
from forms.models import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    EqualityMonitoring,
    PlanItem,
    PoolProfile,
    PoolRegion,
    PurgeRun,
)
from forms.storage import private_storage
from home.models import SiteSettings
from tests.forms.conftest import PDF_BYTES, make_form_page

CLOSED = dt.datetime(2026, 3, 31, 23, 59, tzinfo=dt.UTC)
# Six months (the default) after closing, either side of the deadline.
BEFORE_DUE = dt.datetime(2026, 9, 30, 12, 0, tzinfo=dt.UTC)
AFTER_DUE = dt.datetime(2026, 10, 1, 12, 0, tzinfo=dt.UTC)
_numbers = iter(range(1, 10**6))


@pytest.fixture
def closed_form(programme):
    return make_form_page(programme, opens_at=CLOSED - dt.timedelta(days=30), closes_at=CLOSED)


def make_application(form, name="Amira Khan", status=ApplicationStatus.RECEIVED, with_file=True):
    number = next(_numbers)
    application = Application.objects.create(
        page=form,
        programme=form.get_programme(),
        reference=f"CBSW-{number:04d}",
        form_data={"full_name": name},
        applicant_name=name,
        applicant_email=f"applicant{number}@example.org",
        status=status,
    )
    if with_file:
        stored = ApplicationFile(
            application=application, field_name="your_cv", original_name="cv.pdf", content_type="", size=1
        )
        stored.file.save(f"applications/{uuid.uuid4().hex}.pdf", ContentFile(PDF_BYTES), save=False)
        stored.save()
    return application


def object_exists(name):
    return private_storage().exists(name)


def file_names(*applications):
    return list(ApplicationFile.objects.filter(application__in=applications).values_list("file", flat=True))


def purge(when, **kwargs):
    with time_machine.travel(when, tick=False):
        return retention.purge(**kwargs)


@contextmanager
def storage_refusing(name):
    """The private storage refuses to delete one object (S3 reports it failed; a folder raises)."""
    storage = private_storage()
    if hasattr(storage, "delete_many"):
        real = storage.delete_many

        def delete_many(names):
            return [item for item in names if item == name] + real([item for item in names if item != name])

        with mock.patch.object(storage, "delete_many", side_effect=delete_many):
            yield
        return
    real_delete = storage.delete

    def delete(item):
        if item == name:
            raise OSError("storage refused")
        return real_delete(item)

    with mock.patch.object(storage, "delete", side_effect=delete):
        yield


def test_applications_are_kept_until_their_retention_ends_then_deleted_with_their_files(closed_form):
    application = make_application(closed_form)
    [name] = file_names(application)
    purge(BEFORE_DUE)
    assert Application.objects.filter(pk=application.pk).exists()
    purge(AFTER_DUE)
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not ApplicationFile.objects.exists()
    assert not object_exists(name)


def test_equality_answers_notes_and_history_go_with_their_application(closed_form, django_user_model):
    from reviews.models import ApplicationNote, StatusChange

    application = make_application(closed_form)
    EqualityMonitoring.objects.create(application=application, answers={"ethnicity": "Prefer not to say"})
    ApplicationNote.objects.create(application=application, text="Strong CV")
    StatusChange.objects.create(application=application, from_status="received", to_status="eligible")
    purge(AFTER_DUE)
    assert not EqualityMonitoring.objects.exists()
    assert not ApplicationNote.objects.exists()
    assert not StatusChange.objects.exists()


def test_retention_follows_the_editors_setting(closed_form):
    closed_form.retention_months = 12
    closed_form.save()
    application = make_application(closed_form)
    purge(AFTER_DUE)
    assert Application.objects.filter(pk=application.pk).exists()
    purge(dt.datetime(2027, 4, 1, 12, 0, tzinfo=dt.UTC))
    assert not Application.objects.filter(pk=application.pk).exists()


def test_dry_run_lists_counts_per_programme_and_deletes_nothing(closed_form, programme):
    make_application(closed_form)
    make_application(closed_form)
    out = io.StringIO()
    with time_machine.travel(AFTER_DUE, tick=False):
        call_command("purge_expired_data", "--dry-run", stdout=out)
    assert "Applications and their files: 2" in out.getvalue()
    assert f"{programme.title}: 2" in out.getvalue()
    assert Application.objects.count() == 2
    assert not PurgeRun.objects.exists()


def test_each_run_is_audited_with_counts_and_no_names(closed_form):
    make_application(closed_form, name="Amira Khan")
    make_application(closed_form, name="Ben Okafor")
    run = purge(AFTER_DUE)
    assert run.counts["applications"]["deleted"] == 2
    assert run.counts["applications"]["by_programme"] == {str(closed_form.get_programme().pk): 2}
    entry = ModelLogEntry.objects.get(action="application_forms.purge")
    assert entry.data["applications"]["deleted"] == 2
    assert "Purged 2 applications and their files" in entry.message
    recorded = str(entry.data) + str(run.counts)
    assert "Amira" not in recorded
    assert "example.org" not in recorded


def test_purge_removes_personal_data_from_the_applications_audit_entries(closed_form):
    from wagtail.log_actions import log

    application = make_application(closed_form)
    log(instance=application, action="application_forms.add_note", data={"note": "Amira was late"})
    purge(AFTER_DUE)
    # Applications have their own log model (registered by the back office).
    log_model = log_action_registry.get_log_model_for_model(Application)
    entry = log_model.objects.get(action="application_forms.add_note")
    assert entry.label == application.reference
    assert entry.data == {}


def test_a_storage_error_keeps_that_row_and_file_and_the_next_run_finishes_it(closed_form):
    applications = [make_application(closed_form) for _ in range(3)]
    refused = file_names(applications[1])[0]
    with storage_refusing(refused):
        run = purge(AFTER_DUE, batch_size=2)
    assert list(Application.objects.values_list("pk", flat=True)) == [applications[1].pk]
    assert object_exists(refused)
    assert ApplicationFile.objects.get().file.name == refused
    assert run.counts["applications"] | {"by_programme": None} == {
        "deleted": 2,
        "kept": 1,
        "held": 0,
        "by_programme": None,
    }
    run = purge(AFTER_DUE)
    assert not Application.objects.exists()
    assert not object_exists(refused)
    assert run.counts["applications"]["deleted"] == 1


def test_purging_twice_deletes_and_counts_nothing_more(closed_form):
    for _ in range(3):
        make_application(closed_form)
    first = purge(AFTER_DUE)
    second = purge(AFTER_DUE)
    assert first.counts["applications"]["deleted"] == 3
    assert second.counts["applications"]["deleted"] == 0


def test_an_application_in_an_active_stage_waits_until_it_leaves_it(closed_form):
    """A hold ("keep until") outlasts the programme's retention: the row waits for the later date."""
    waiting = make_application(closed_form, status=ApplicationStatus.OFFERED)
    make_application(closed_form, status=ApplicationStatus.UNSUCCESSFUL)
    run = purge(AFTER_DUE)
    assert list(Application.objects.values_list("pk", flat=True)) == [waiting.pk]
    assert run.counts["applications"]["held"] == 1
    Application.objects.filter(pk=waiting.pk).update(status=ApplicationStatus.PLACED)
    purge(AFTER_DUE + dt.timedelta(days=1))
    assert not Application.objects.exists()


def test_a_hold_another_kind_registers_keeps_rows_until_its_own_date(closed_form):
    """How a plan or pool consent (issue 9) will hold its application: a ``register_hold`` with a date."""
    application = make_application(closed_form)
    plan_ends = AFTER_DUE + dt.timedelta(days=60)
    holds = {"applications": [lambda now: Q(pk=application.pk) if now < plan_ends else Q(pk__in=[])]}
    with mock.patch.dict(personal_data._holds, holds):
        purge(AFTER_DUE)
        assert Application.objects.filter(pk=application.pk).exists()
        purge(plan_ends + dt.timedelta(days=1))
    assert not Application.objects.filter(pk=application.pk).exists()


# A plan open 9 months after CLOSED (UK time: until 1 Jan 2027, 00:59 GMT), past the 6-month retention.
PLAN_OPEN = dt.datetime(2026, 12, 31, 12, 0, tzinfo=dt.UTC)
PLAN_ENDED = dt.datetime(2027, 1, 1, 12, 0, tzinfo=dt.UTC)


def test_an_application_waits_while_its_development_plan_is_open_then_goes_with_it(closed_form):
    closed_form.plan_months = 9
    closed_form.save()
    with_plan = make_application(closed_form)
    plans.add_reviewer_item(with_plan, None, "HCPC re-registration")
    without_plan = make_application(closed_form)
    run = purge(AFTER_DUE)
    assert list(Application.objects.values_list("pk", flat=True)) == [with_plan.pk]
    assert run.counts["applications"]["held"] == 1
    purge(PLAN_OPEN)
    assert PlanItem.objects.filter(application=with_plan).exists()
    purge(PLAN_ENDED)
    assert not Application.objects.filter(pk__in=[with_plan.pk, without_plan.pk]).exists()
    assert not PlanItem.objects.exists()


def test_a_plan_that_closes_before_the_retention_ends_holds_nothing(closed_form):
    closed_form.plan_months = 3
    closed_form.save()
    application = make_application(closed_form)
    plans.add_reviewer_item(application, None, "ReFresh week")
    purge(BEFORE_DUE)
    assert PlanItem.objects.filter(application=application).exists()
    purge(AFTER_DUE)
    assert not Application.objects.filter(pk=application.pk).exists()
    assert not PlanItem.objects.exists()


# Consent given in August lasts until 15 February 2027, past the applications' retention.
CONSENTED = dt.datetime(2026, 8, 15, 12, 0, tzinfo=dt.UTC)
CONSENT_ENDED = dt.datetime(2027, 2, 16, 12, 0, tzinfo=dt.UTC)


def test_an_application_waits_while_its_pool_consent_is_active_then_goes_with_its_profile(closed_form):
    in_pool = make_application(closed_form)
    profile = pool.save_profile(in_pool, [Region.YORKSHIRE], consent=True, now=CONSENTED)
    run = purge(AFTER_DUE)
    assert (
        Application.objects.filter(pk=in_pool.pk).exists()
        and PoolProfile.objects.filter(pk=profile.pk).exists()
    )
    assert run.counts["applications"]["held"] == 1
    purge(CONSENT_ENDED - dt.timedelta(days=2))
    assert PoolProfile.objects.filter(pk=profile.pk).exists()
    purge(CONSENT_ENDED)
    assert not Application.objects.filter(pk=in_pool.pk).exists()
    assert not PoolProfile.objects.exists() and not PoolRegion.objects.exists()


def test_renewing_consent_keeps_the_application_for_the_new_date(closed_form):
    application = make_application(closed_form)
    pool.save_profile(application, [Region.YORKSHIRE], consent=True, now=CONSENTED)
    pool.renew(application, now=CONSENTED + dt.timedelta(days=170))
    purge(CONSENT_ENDED)
    assert Application.objects.filter(pk=application.pk).exists()
    assert PoolProfile.objects.filter(application=application).exists()


def test_a_profile_goes_by_the_first_purge_after_its_applicant_leaves_the_pool(closed_form):
    """Consent is the only reason to keep a profile: leaving deletes it and stops holding the application."""
    application = make_application(closed_form)
    pool.save_profile(application, [Region.YORKSHIRE], consent=True, now=CONSENTED)
    pool.leave(application, now=CONSENTED + dt.timedelta(days=1))
    run = purge(CONSENTED + dt.timedelta(days=2))
    assert run.counts["pool_profiles"]["deleted"] == 1
    assert not PoolProfile.objects.exists()
    assert Application.objects.filter(pk=application.pk).exists()  # within its own retention
    purge(AFTER_DUE)
    assert not Application.objects.filter(pk=application.pk).exists()


def test_progress_bar_is_shown_on_a_terminal_only(closed_form):
    make_application(closed_form)
    make_application(closed_form)
    for tty, expect_bar in ((False, False), (True, True)):
        err = io.StringIO()
        with (
            time_machine.travel(AFTER_DUE, tick=False),
            mock.patch.object(sys.stdout, "isatty", return_value=tty),
            mock.patch.object(sys, "stderr", err),
        ):
            call_command("purge_expired_data", stdout=io.StringIO())
        assert ("Applications and their files: 100%" in err.getvalue()) is expect_bar
        make_application(closed_form)


def broken_check(tag):
    """A system check with this tag that reports an error."""

    def broken(**kwargs):
        return [checks.Error(f"A broken {tag} setting", id="tests.E001")]

    broken.tags = [tag]
    return broken


def test_the_purge_runs_the_model_checks_not_the_others(closed_form):
    """A failing URL check (those load the admin: 5 MB) no longer stops the nightly purge; a failing
    model check still does, before anything is deleted."""
    make_application(closed_form)
    with override_system_checks([broken_check(checks.Tags.urls)]), time_machine.travel(AFTER_DUE, tick=False):
        call_command("purge_expired_data", skip_checks=False, stdout=io.StringIO())
    assert not Application.objects.exists()
    make_application(closed_form)
    with (
        override_system_checks([broken_check(checks.Tags.models)]),
        time_machine.travel(AFTER_DUE, tick=False),
        pytest.raises(SystemCheckError, match="broken models"),
    ):
        call_command("purge_expired_data", skip_checks=False, stdout=io.StringIO())
    assert Application.objects.count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_purges_at_once_share_the_work_without_errors_or_double_counting(live_home_page):
    from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory

    programme = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=live_home_page))
    form = make_form_page(programme, opens_at=CLOSED - dt.timedelta(days=30), closes_at=CLOSED)
    for _ in range(60):
        make_application(form)
    runs, errors = [], []

    def run():
        try:
            runs.append(retention.purge(now=AFTER_DUE, batch_size=5))
        except Exception as error:  # reported below
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sum(run.counts["applications"]["deleted"] for run in runs) == 60
    assert not Application.objects.exists()
    assert not ApplicationFile.objects.exists()


@pytest.mark.s3
def test_s3_bulk_delete_removes_the_objects_and_ignores_ones_already_gone(closed_form):
    application = make_application(closed_form)
    [name] = file_names(application)
    assert retention.delete_stored_files([name, "applications/never-stored.pdf"]) == set()
    assert not object_exists(name)


@pytest.mark.s3
def test_the_s3_listing_of_uploads_comes_a_page_at_a_time_with_each_objects_date():
    storage = private_storage()
    names = {storage.save(f"applications/{uuid.uuid4().hex}.pdf", ContentFile(PDF_BYTES)) for _ in range(3)}
    pages = list(storage.listed_pages("applications", page_size=2))
    storage.delete_many(sorted(names))
    listed = [item for page in pages for item in page]
    assert len(pages) >= 2 and all(len(page) <= 2 for page in pages)
    assert names <= {name for name, _ in listed}
    assert all(modified <= timezone.now() for _, modified in listed)


def test_the_purge_asks_the_storage_to_delete_each_file_once(closed_form, django_capture_on_commit_callbacks):
    applications = [make_application(closed_form) for _ in range(2)]
    names = file_names(*applications)
    storage = private_storage()
    asked = []
    real_delete = storage.delete

    def delete(name):
        asked.append(name)
        return real_delete(name)

    patches = [mock.patch.object(storage, "delete", side_effect=delete)]
    if hasattr(storage, "delete_many"):
        real_many = storage.delete_many

        def delete_many(many):
            asked.extend(many)
            return real_many(many)

        patches.append(mock.patch.object(storage, "delete_many", side_effect=delete_many))
    with ExitStack() as stack, django_capture_on_commit_callbacks(execute=True):
        for patch in patches:
            stack.enter_context(patch)
        purge(AFTER_DUE)
    assert not Application.objects.exists()
    assert sorted(asked) == sorted(names)  # one request per file, not a second one for the cascade


def cached_programme_page(client, programme):
    """The programme page's text, checked to come from the page cache."""
    SiteSettings.for_site(Site.objects.get(is_default_site=True))  # the first view would create it
    client.get(programme.url)
    response = client.get(programme.url)
    assert response["X-Cache"] == "hit"
    return response.content.decode()


@pytest.mark.django_db
def test_a_purge_that_frees_a_full_forms_places_shows_it_open_on_the_cached_programme_page(client, programme):
    # No closing date: each application goes six months after it was sent, and the form stays open.
    form = make_form_page(programme, opens_at=CLOSED - dt.timedelta(days=30), closes_at=None, places=2)
    with time_machine.travel(CLOSED, tick=False):
        make_application(form, with_file=False)
        make_application(form, with_file=False)
    with time_machine.travel(AFTER_DUE, tick=False):
        assert "The application limit has been reached." in cached_programme_page(client, programme)
        retention.purge()
        html = client.get(programme.url).content.decode()
    assert Application.objects.filter(page=form).count() == 0
    assert "The application limit has been reached." not in html
    assert "Open for applications" in html


@pytest.mark.django_db
def test_a_purged_placed_application_gives_its_place_back_on_the_cached_programme_page(
    client, programme, closed_form
):
    programme.places = 20
    programme.save()
    make_application(closed_form, status=ApplicationStatus.PLACED, with_file=False)
    with time_machine.travel(AFTER_DUE, tick=False):
        assert '20 places: <span data-figure="places-left">19</span> left.' in cached_programme_page(
            client, programme
        )
        retention.purge()
        html = client.get(programme.url).content.decode()
    assert "20 places." in html
    assert "19</span> left" not in html

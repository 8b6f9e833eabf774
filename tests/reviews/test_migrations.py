"""A database made before the reviews app existed migrates forward with its back-office rows intact."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from campaigns.factories import CampaignPageFactory, ProgrammeIndexPageFactory
from forms.models import Application, FormPurpose
from reviews.models import ApplicationNote, ProgrammeAccess, StatusChange
from reviews.permissions import EXPORT_PERMISSION
from tests.forms.conftest import make_form_page

from .conftest import make_application, make_form

BEFORE = [("application_forms", "0004_application_listing_index"), ("reviews", None)]
AFTER = [("application_forms", "0005_pipeline_moves_to_reviews"), ("reviews", "0001_initial")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.fixture(autouse=True)
def back_to_the_latest_migrations(transactional_db):
    """Later tests need every table: migrate forward to the latest migrations again afterwards."""
    yield
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_notes_history_access_and_export_permission_survive_the_move_to_reviews(live_home_page):
    programme = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=live_home_page))
    form_page = make_form_page(programme)
    application = Application.objects.create(page=form_page, reference="TEST-0001-AAAA", form_data={})
    old = migrate(BEFORE)
    old_group = old.get_model("auth", "Group").objects.create(name="Old reviewers")
    content_type = old.get_model("contenttypes", "ContentType").objects.get_or_create(
        app_label="application_forms", model="programmeaccess"
    )[0]
    export = old.get_model("auth", "Permission").objects.get_or_create(
        content_type=content_type, codename="export_application", defaults={"name": "Can export applications"}
    )[0]
    old_group.permissions.add(export)
    old.get_model("application_forms", "ProgrammeAccess").objects.create(
        group_id=old_group.pk, programme_id=programme.pk
    )
    old.get_model("application_forms", "StatusChange").objects.create(
        application_id=application.pk, from_status="received", to_status="eligible", note="Meets the rule"
    )
    old.get_model("application_forms", "ApplicationNote").objects.create(
        application_id=application.pk, text="Called back"
    )

    migrate(AFTER)

    group = Group.objects.get(name="Old reviewers")
    assert ProgrammeAccess.objects.get(group=group).programme_id == programme.pk
    assert StatusChange.objects.get(application=application).note == "Meets the rule"
    assert ApplicationNote.objects.get(application=application).text == "Called back"
    reviewer = group.user_set.create(username="old.reviewer")
    assert reviewer.has_perm(EXPORT_PERMISSION)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("purpose", "before", "after"),
    [
        (FormPurpose.COUNCIL_SIGNUP, "0013_employer_signup", "0014_question_checks_and_signup_statuses"),
        (FormPurpose.EMPLOYER_SIGNUP, "0017_intake_news", "0018_employer_signup_statuses"),
    ],
)
def test_existing_signups_move_onto_signup_statuses_and_applications_keep_theirs(
    live_home_page, purpose, before, after
):
    programme = CampaignPageFactory(parent=ProgrammeIndexPageFactory(parent=live_home_page))
    signup_form, application_form = make_form(programme, purpose), make_form(programme)
    migrate([("application_forms", before)])
    old = {
        "shortlisted": make_application(signup_form, programme, status="shortlisted", reference="C1"),
        "placed": make_application(signup_form, programme, status="placed", reference="C2"),
        "withdrawn": make_application(signup_form, programme, status="withdrawn", reference="C3"),
        "received": make_application(signup_form, programme, status="received", reference="C4"),
        "applicant": make_application(application_form, programme, status="shortlisted", reference="A1"),
    }
    migrate([("application_forms", after)])
    now = {key: Application.objects.get(pk=application.pk).status for key, application in old.items()}
    assert now == {
        "shortlisted": "contacted",
        "placed": "signed-up",
        "withdrawn": "declined",
        "received": "received",
        "applicant": "shortlisted",
    }

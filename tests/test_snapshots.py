"""The test run's own machinery on PostgreSQL: the DELETE flush empties every table, and a saved
state comes back whole, with new rows taking ids past the copied ones."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.snapshots import committed_state

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_flush_after_a_transaction_test_empties_the_tables():
    get_user_model().objects.create_user("left-behind")
    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False
    )  # as TransactionTestCase does
    assert not get_user_model().objects.exists()


def test_a_saved_state_comes_back_and_new_rows_get_new_ids():
    users = get_user_model().objects

    def build():
        return users.create_user("saved").pk

    saved_id = committed_state("snapshot_test", build)
    call_command(
        "flush", interactive=False, verbosity=0, reset_sequences=False
    )  # as TransactionTestCase does
    users.create_user("made-after-the-flush")
    assert committed_state("snapshot_test", build) == saved_id
    assert list(users.values_list("username", flat=True)) == ["saved"]  # the state replaced every row
    assert users.create_user("new").pk > saved_id

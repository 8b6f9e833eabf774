"""Committed database states for live-server tests: built once a run, then copied back; and a
flush that deletes rows rather than truncating tables.

A live-server test cannot share a tree inside a transaction (see ``SharedTree``): the server
thread needs committed rows, and pytest-django empties every table after each such test. So
each test built the demo again (5 to 8 s on PostgreSQL). On PostgreSQL the first build is
copied table by table into a schema of its own, and later tests get it back with one DELETE and
one ``INSERT ... SELECT`` per table, the foreign keys checked at commit (Django makes them
``DEFERRABLE INITIALLY DEFERRED``) and the sequences moved past the copied ids. Elsewhere (the
SQLite pass runs no live-server test) the state is built each time.

Files stay where the first build stored them: pytest-django's flush empties tables, not storage.

The flush after each ``transaction=True`` test empties the tables with DELETE, not Django's
TRUNCATE: on this PostgreSQL a TRUNCATE of the 98 tables took 4.5 s (every table's and index's
files are replaced and synced at commit), a DELETE of the same few hundred rows 0.26 s
(measured with both in one script, 27 Nov 2026).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction

_saved = {}  # name -> the value the build returned; only states saved by this process are used


def _schema(name):
    return connection.ops.quote_name(f"test_state_{name}")


def delete_rows_sql(tables):
    """SQL that empties ``tables`` with DELETE; foreign keys are checked when the transaction commits."""
    deletes = [f"DELETE FROM {connection.ops.quote_name(table)}" for table in tables]  # noqa: S608 (table names)
    return ["SET CONSTRAINTS ALL DEFERRED", *deletes]


_truncate_flush = None  # Django's own sql_flush, kept for flushes that must reset sequences


def flush_with_delete(operations, style, tables, *, reset_sequences=False, allow_cascade=False):
    """PostgreSQL's ``sql_flush`` with DELETE for TRUNCATE (Django runs the flush in a transaction).

    A flush that resets sequences (``reset_sequences=True`` tests) keeps Django's TRUNCATE … RESTART IDENTITY.
    """
    if reset_sequences or not tables:
        return _truncate_flush(
            operations, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    return delete_rows_sql(tables)


def flush_tables_with_delete():
    """Makes Django's flush (run by pytest-django after each ``transaction=True`` test) use DELETE."""
    global _truncate_flush  # noqa: PLW0603 (set once, at pytest_configure)
    from django.db.backends.postgresql.operations import DatabaseOperations

    if _truncate_flush is None:
        _truncate_flush = DatabaseOperations.sql_flush
        DatabaseOperations.sql_flush = flush_with_delete


def _tables():
    # The tables pytest-django's flush empties (Django's own ``flush``): every model's, not django_migrations.
    return connection.introspection.django_table_names(only_existing=True, include_views=False)


def committed_state(name, build):
    """Puts back the state saved as ``name`` (replacing every row), or builds it and saves it.

    ``build`` runs on a database just emptied by the flush (plus whatever the test's fixtures
    added before); its return value is returned again each time the state is put back.
    """
    if connection.vendor != "postgresql":
        return build()
    if name in _saved:
        _restore(name)
        return _saved[name]
    value = build()
    _save(name)
    _saved[name] = value
    return value


def _save(name):
    schema = _schema(name)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
        cursor.execute(f"CREATE SCHEMA {schema}")
        for table in _tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"CREATE TABLE {schema}.{quoted} AS SELECT * FROM {quoted}")  # noqa: S608 (table names)


def _restore(name):
    schema = _schema(name)
    tables = _tables()
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in delete_rows_sql(tables):
            cursor.execute(statement)
        for table in tables:
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"INSERT INTO {quoted} SELECT * FROM {schema}.{quoted}")  # noqa: S608 (table names)
        # Django's own reset, as loaddata does: each sequence moves past the highest id copied back.
        for statement in connection.ops.sequence_reset_sql(
            no_style(), apps.get_models(include_auto_created=True)
        ):
            cursor.execute(statement)
    # Content types were made again, with other ids, after the flush: forget the cached ones.
    ContentType.objects.clear_cache()

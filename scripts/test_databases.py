"""Makes the PostgreSQL test databases for ``make test``'s PostgreSQL passes.

Migrating a new database takes about 30 s of CPU; each pass would do it again. This migrates one
template database once and copies it (``CREATE DATABASE … TEMPLATE``, a file copy) to the test
database of each pass, which pytest then keeps (``--reuse-db``) instead of migrating again.

Usage: python scripts/test_databases.py DATABASE_URL NAME [NAME …]
creates ``test_NAME`` for each NAME on the server of DATABASE_URL (the names pytest-django gives
the test databases of ``DATABASE_URL``s ending in ``/NAME``).
"""

import os
import subprocess
import sys
from pathlib import Path

import dj_database_url
import psycopg
from psycopg import sql

PROJECT = Path(__file__).resolve().parent.parent
TEMPLATE = "rtw_test_template"


def server_url(database_url, name):
    """``database_url`` with its database name replaced by ``name``."""
    return database_url.rsplit("/", 1)[0] + "/" + name


def connect(database_url):
    config = dj_database_url.parse(server_url(database_url, "postgres"))
    return psycopg.connect(
        host=config["HOST"],
        port=config["PORT"] or 5432,
        user=config["USER"],
        password=config["PASSWORD"] or None,
        dbname="postgres",
        autocommit=True,
    )


def recreate(connection, name, template=None):
    connection.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
    statement = sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
    if template:
        statement += sql.SQL(" TEMPLATE {}").format(sql.Identifier(template))
    connection.execute(statement)


def main(database_url, names):
    with connect(database_url) as connection:
        recreate(connection, TEMPLATE)
        environment = {
            **os.environ,
            "DATABASE_URL": server_url(database_url, TEMPLATE),
            "DJANGO_SETTINGS_MODULE": "microsite.settings.test",
        }
        command = [sys.executable, "manage.py", "migrate", "--noinput", "-v0"]
        subprocess.run(command, cwd=PROJECT, env=environment, check=True)  # noqa: S603
        for name in names:
            recreate(connection, f"test_{name}", template=TEMPLATE)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])

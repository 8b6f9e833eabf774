"""The GIN index the pool search uses on PostgreSQL (``recruiters.search``); nothing on SQLite."""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVector
from django.db import migrations

INDEX_NAME = "pool_search_text_fts"


def index():
    # The same expression as recruiters.search.search_vector(), so queries can use it.
    return GinIndex(SearchVector("search_text", config="english"), name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.add_index(apps.get_model("application_forms", "PoolProfile"), index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.remove_index(apps.get_model("application_forms", "PoolProfile"), index())


class Migration(migrations.Migration):
    dependencies = [("recruiters", "0001_initial"), ("application_forms", "0010_talent_pool")]

    operations = [migrations.RunPython(add_index, remove_index)]

"""Rewrites earlier export audit entries, which held the listing's raw query string (a search
for a name or email address among it), to the filters used, the search text left out."""

from django.db import migrations
from django.http import QueryDict

# The listing's filters when the raw query was recorded; their values are not personal.
FILTERS = ("programme", "form", "status__exact", "eligibility__exact", "submitted_from", "submitted_to")


def forget_search_terms(apps, schema_editor):
    PageLogEntry = apps.get_model("wagtailcore", "PageLogEntry")
    for entry in PageLogEntry.objects.filter(action="application_forms.export", data__has_key="query"):
        data = dict(entry.data)
        params = QueryDict(data.pop("query") or "")
        data["filters"] = {key: ", ".join(params.getlist(key)) for key in FILTERS if any(params.getlist(key))}
        if params.get("q", "").strip():
            data["filters"]["search"] = "a search term"
        entry.data = data
        entry.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0002_application_log_entries"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forget_search_terms, migrations.RunPython.noop)]

"""An index in the order the admin lists applications (newest first), so a page of the listing
reads a few index entries instead of sorting every application, and an index that lets the
listing's count read the index alone.

Created with SQL rather than ``Meta.indexes`` because the Application model belongs to the
application-flow work; the lead may move it into ``Meta.indexes`` when squashing.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("application_forms", "0003_application_flow")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX application_listing_order"
            " ON application_forms_application (submit_time DESC, id DESC)",
            reverse_sql="DROP INDEX application_listing_order",
            elidable=False,
        ),
        # Counting a programme's applications of one purpose reads this index only.
        migrations.RunSQL(
            "CREATE INDEX application_programme_page"
            " ON application_forms_application (programme_id, page_id)",
            reverse_sql="DROP INDEX application_programme_page",
            elidable=False,
        ),
    ]

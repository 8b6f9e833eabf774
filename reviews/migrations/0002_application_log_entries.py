"""Application log entries in their own table, with the programme, so that Reports → Site history
shows each user only the programmes they may view. Existing entries (Wagtail's generic model log)
move over, their programme read from the application where it still exists."""

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


BATCH = 2000
FIELDS = (
    "content_type_id", "label", "action", "data", "timestamp", "uuid", "user_id", "revision_id",
    "content_changed", "deleted", "object_id",
)


def application_content_type(apps):
    content_type = apps.get_model("contenttypes", "ContentType")
    return content_type.objects.filter(app_label="application_forms", model="application").first()


def as_id(object_id):
    return int(object_id) if object_id.isascii() and object_id.isdigit() else None


def move_entries(apps, schema_editor):
    """Wagtail's ModelLogEntry rows about applications become ApplicationLogEntry rows."""
    content_type = application_content_type(apps)
    if content_type is None:
        return
    model_log_entry = apps.get_model("wagtailcore", "ModelLogEntry")
    application_log_entry = apps.get_model("reviews", "ApplicationLogEntry")
    application = apps.get_model("application_forms", "Application")
    old = model_log_entry.objects.filter(content_type_id=content_type.pk).order_by("pk")
    while batch := list(old[:BATCH]):
        ids = {as_id(entry.object_id) for entry in batch} - {None}
        programmes = dict(application.objects.filter(pk__in=ids).values_list("pk", "programme_id"))
        application_log_entry.objects.bulk_create(
            application_log_entry(
                **{field: getattr(entry, field) for field in FIELDS},
                programme_id=programmes.get(as_id(entry.object_id)),
            )
            for entry in batch
        )
        model_log_entry.objects.filter(pk__in=[entry.pk for entry in batch]).delete()


def restore_entries(apps, schema_editor):
    """Back to Wagtail's ModelLogEntry (the programme is dropped)."""
    model_log_entry = apps.get_model("wagtailcore", "ModelLogEntry")
    application_log_entry = apps.get_model("reviews", "ApplicationLogEntry")
    model_log_entry.objects.bulk_create(
        model_log_entry(**{field: getattr(entry, field) for field in FIELDS})
        for entry in application_log_entry.objects.order_by("pk").iterator()
    )


class Migration(migrations.Migration):

    dependencies = [
        ('application_forms', '0005_pipeline_moves_to_reviews'),
        ('campaigns', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('reviews', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='ApplicationLogEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('label', models.TextField()),
                ('action', models.CharField(blank=True, db_index=True, max_length=255)),
                ('data', models.JSONField(blank=True, default=dict, encoder=django.core.serializers.json.DjangoJSONEncoder)),
                ('timestamp', models.DateTimeField(db_index=True, verbose_name='timestamp (UTC)')),
                ('uuid', models.UUIDField(blank=True, editable=False, help_text='Log entries that happened as part of the same user action are assigned the same UUID', null=True)),
                ('content_changed', models.BooleanField(db_index=True, default=False)),
                ('deleted', models.BooleanField(default=False)),
                ('object_id', models.CharField(db_index=True, max_length=255)),
                ('content_type', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='contenttypes.contenttype', verbose_name='content type')),
                ('programme', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='campaigns.campaignpage')),
                ('revision', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='wagtailcore.revision')),
                ('user', models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'application log entry',
                'verbose_name_plural': 'application log entries',
                'ordering': ['-timestamp', '-id'],
                'abstract': False,
                'indexes': [models.Index(fields=['uuid', 'action', '-timestamp'], name='reviews_app_uuid_17dbe7_idx')],
            },
        ),
        migrations.RunPython(move_entries, restore_entries),
    ]

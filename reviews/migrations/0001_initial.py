"""The pipeline models, moved from application_forms with their tables, rows and permissions."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ["applicationnote", "statuschange", "programmeaccess"]


def move_content_types(apps, schema_editor, old="application_forms", new="reviews"):
    """Relabels the moved models' content types, so group permissions and audit entries follow them."""
    content_type = apps.get_model("contenttypes", "ContentType")
    content_type.objects.filter(app_label=old, model__in=MOVED_MODELS).update(app_label=new)


def restore_content_types(apps, schema_editor):
    move_content_types(apps, schema_editor, old="reviews", new="application_forms")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('application_forms', '0005_pipeline_moves_to_reviews'),
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('campaigns', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ApplicationNote',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField()),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='notes', to='application_forms.application')),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'application_forms_applicationnote',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='StatusChange',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('from_status', models.CharField(choices=[('received', 'Received'), ('eligible', 'Eligible'), ('not-eligible', 'Not eligible'), ('shortlisted', 'Shortlisted'), ('interview', 'Interview'), ('offered', 'Offered'), ('placed', 'Placed'), ('unsuccessful', 'Unsuccessful'), ('withdrawn', 'Withdrawn')], max_length=20)),
                        ('to_status', models.CharField(choices=[('received', 'Received'), ('eligible', 'Eligible'), ('not-eligible', 'Not eligible'), ('shortlisted', 'Shortlisted'), ('interview', 'Interview'), ('offered', 'Offered'), ('placed', 'Placed'), ('unsuccessful', 'Unsuccessful'), ('withdrawn', 'Withdrawn')], max_length=20)),
                        ('note', models.TextField(blank=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                        ('email_subject', models.CharField(blank=True, max_length=255)),
                        ('email_body', models.TextField(blank=True)),
                        ('email_sent_at', models.DateTimeField(blank=True, null=True)),
                        ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='status_changes', to='application_forms.application')),
                        ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'application_forms_statuschange',
                        'ordering': ['-created_at', '-id'],
                    },
                ),
                migrations.CreateModel(
                    name='ProgrammeAccess',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('group', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='programme_access', to='auth.group')),
                        ('programme', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='group_access', to='campaigns.campaignpage')),
                    ],
                    options={
                        'verbose_name': 'programme access',
                        'verbose_name_plural': 'programme access',
                        'db_table': 'application_forms_programmeaccess',
                        'permissions': [('export_application', 'Can export applications')],
                        'constraints': [models.UniqueConstraint(fields=('group', 'programme'), name='unique_programme_access')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, restore_content_types),
    ]

"""The pipeline models move to the reviews app: removed from this app's state, tables kept."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('application_forms', '0004_application_listing_index'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='programmeaccess',
                    name='group',
                ),
                migrations.RemoveField(
                    model_name='programmeaccess',
                    name='programme',
                ),
                migrations.RemoveField(
                    model_name='statuschange',
                    name='application',
                ),
                migrations.RemoveField(
                    model_name='statuschange',
                    name='user',
                ),
                migrations.DeleteModel(
                    name='ApplicationNote',
                ),
                migrations.DeleteModel(
                    name='ProgrammeAccess',
                ),
                migrations.DeleteModel(
                    name='StatusChange',
                ),
            ],
            database_operations=[],
        ),
    ]

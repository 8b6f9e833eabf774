# Employer sign-ups move onto the sign-up statuses, as council sign-ups did in 0014.

import importlib

from django.db import migrations

move_to_signup_statuses = importlib.import_module(
    "forms.migrations.0014_question_checks_and_signup_statuses"
).move_to_signup_statuses


def employer_signups_to_signup_statuses(apps, schema_editor):
    """Moves existing employer sign-ups (which took the applicants' statuses until now) onto them."""
    move_to_signup_statuses(apps, "employer-signup")


class Migration(migrations.Migration):
    dependencies = [
        ("application_forms", "0017_intake_news"),
    ]

    operations = [
        migrations.RunPython(employer_signups_to_signup_statuses, migrations.RunPython.noop),
    ]

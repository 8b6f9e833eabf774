from django.apps import AppConfig


class ApplicationFormsConfig(AppConfig):
    """Application forms; labelled so it never clashes with ``django.forms``."""

    name = "forms"
    label = "application_forms"
    verbose_name = "Applications"

    def ready(self):
        from django.db.models.signals import post_delete

        from forms.deletion import delete_cascaded_file
        from forms.models import ApplicationFile

        post_delete.connect(delete_cascaded_file, sender=ApplicationFile, dispatch_uid="delete_cascaded_file")

        from forms.data_kinds import register_kinds

        register_kinds()

from django.apps import AppConfig


class ApplicationFormsConfig(AppConfig):
    """Application forms; labelled so it never clashes with ``django.forms``."""

    name = "forms"
    label = "application_forms"
    verbose_name = "Applications"

    def ready(self):
        """Registers the ``<reference:…>`` URL converter; deletes a file's object with its row;
        forgets cached pages when a form fills up; registers the kinds of personal data the intake
        keeps; queues the email alerts of a form when it is published (``forms.alerts``).

        See ``forms.deletion`` and ``forms.page_cache``.
        """
        from django.db.models.signals import post_delete, post_save
        from django.urls import register_converter

        from forms.references import ReferenceConverter

        # Before any URLconf is read: the applicant pages and the candidate's answers use it.
        register_converter(ReferenceConverter, "reference")

        from forms import page_cache
        from forms.deletion import delete_cascaded_file
        from forms.models import ApplicationFile, ApplicationFormField
        from home import site_cache

        post_delete.connect(delete_cascaded_file, sender=ApplicationFile, dispatch_uid="delete_cascaded_file")
        sender = "application_forms.Application"
        post_save.connect(page_cache.on_application_change, sender=sender, dispatch_uid="form-places-save")
        post_delete.connect(
            page_cache.on_application_change, sender=sender, dispatch_uid="form-places-delete"
        )

        # The steps read a form's questions from the site cache: a question saved on its own
        # (not with its page) forgets them too.
        for signal, name in ((post_save, "save"), (post_delete, "delete")):
            signal.connect(
                site_cache.new_generation, sender=ApplicationFormField, dispatch_uid=f"form-field-{name}"
            )

        from forms.data_kinds import register_kinds

        register_kinds()

        from wagtail.signals import page_published

        from forms import alert_tasks, alerts
        from forms.models import ApplicationFormPage

        alerts.register_kind()
        page_published.connect(
            alert_tasks.on_form_published, sender=ApplicationFormPage, dispatch_uid="opening-alerts"
        )

"""Deleting applications together with their files in private storage.

``delete_applications`` is the one way the site deletes applications (the admin's delete
view and the form page's "delete submissions"). Deleting a form page (or its programme) in
Wagtail deletes its applications by cascade instead; ``delete_cascaded_file`` catches their
files then.
"""

import logging

from django.db import transaction

from forms.storage import private_storage
from forms.uploads import discard_ids

logger = logging.getLogger(__name__)


def delete_applications(applications):
    """Deletes ``applications`` (a queryset) and, after commit, their files; returns how many.

    The files' rows are unlinked first (so the applications' deletion keeps them) and removed
    with their objects once the transaction commits: a file whose object cannot be deleted
    then stays an unlinked upload, which ``clean_application_uploads`` deletes later.
    """
    from forms.models import Application, ApplicationFile

    with transaction.atomic():
        ids = list(applications.values_list("pk", flat=True))
        files = ApplicationFile.objects.filter(application_id__in=ids)
        file_ids = list(files.values_list("pk", flat=True))
        files.update(application=None)
        Application.objects.filter(pk__in=ids).delete()
        transaction.on_commit(lambda: discard_ids(file_ids))
    return len(ids)


def delete_cascaded_file(sender, instance, **kwargs):
    """``post_delete`` receiver: a linked file's row went with its application (a form page or
    programme deleted in Wagtail), so its object is deleted once the transaction commits."""
    name = instance.file.name
    if instance.application_id is None or not name:
        return  # unlinked uploads are deleted by ``discard``, object first

    def delete_object():
        try:
            private_storage().delete(name)
        except Exception as error:
            logger.warning("Could not delete a deleted application's file: %s", type(error).__name__)

    transaction.on_commit(delete_object)

"""Files of applications deleted by cascade.

``forms.retention.delete_applications`` is the one way the site deletes applications (the
admin's delete views, the purge and erasure). Deleting a form page (or its programme) in
Wagtail deletes its applications by cascade instead; ``delete_cascaded_file`` catches their
files then.
"""

import logging

from django.db import transaction

from forms.storage import private_storage

logger = logging.getLogger(__name__)


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

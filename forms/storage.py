"""The private storage for applicants' files (local folder or private S3 location)."""

from django.core.files.storage import storages


def private_storage():
    """Returns ``STORAGES["private"]``; a callable keeps settings out of migrations."""
    return storages["private"]

"""The private S3 storage for applicants' files, with a bulk delete for the purge and erasure, and a
listing a page at a time for the purge's clean-up of orphaned uploads."""

from storages.backends.s3 import S3Storage
from storages.utils import clean_name

#: S3's DeleteObjects takes at most this many keys a request.
DELETE_BATCH = 1000
#: S3's ListObjectsV2 gives at most this many keys a request.
LIST_PAGE = 1000


class PrivateS3Storage(S3Storage):
    """django-storages' S3 storage plus ``delete_many``: one request per 1,000 objects, not one each."""

    def delete_many(self, names):
        """Deletes these objects; returns the names S3 refused (an object already gone counts as deleted)."""
        failed = []
        for start in range(0, len(names), DELETE_BATCH):
            keys = {
                self._normalize_name(clean_name(name)): name for name in names[start : start + DELETE_BATCH]
            }
            response = self.connection.meta.client.delete_objects(
                Bucket=self.bucket_name,
                Delete={"Objects": [{"Key": key} for key in keys], "Quiet": True},
            )
            failed += [keys[error["Key"]] for error in response.get("Errors", []) if error["Key"] in keys]
        return failed

    def listed_pages(self, folder, page_size=LIST_PAGE):
        """Yields the objects directly in ``folder`` a page at a time, as [(name, last modified)]:
        one list request per page (S3 gives at most 1,000), never the whole folder in memory."""
        prefix = self._normalize_name(clean_name(folder)) + "/"
        paginator = self.connection.meta.client.get_paginator("list_objects_v2")
        for page in paginator.paginate(
            Bucket=self.bucket_name, Prefix=prefix, Delimiter="/", PaginationConfig={"PageSize": page_size}
        ):
            yield [
                (f"{folder}/{item['Key'][len(prefix) :]}", item["LastModified"])
                for item in page.get("Contents", [])
            ]

"""The private S3 storage for applicants' files, with a bulk delete for the purge and erasure, a
listing a page at a time for the purge's clean-up of orphaned uploads, and an S3 client that
loads botocore's data files in about half the memory (``S3DataFileLoader``)."""

import gzip
import json
import os

import boto3
import botocore.session
from botocore.loaders import JSONFileLoader, create_loader
from storages.backends.s3 import S3Storage
from storages.utils import clean_name

#: S3's DeleteObjects takes at most this many keys a request.
DELETE_BATCH = 1000
#: S3's ListObjectsV2 gives at most this many keys a request.
LIST_PAGE = 1000


class S3DataFileLoader(JSONFileLoader):
    """botocore's data files (service model, endpoint rules, ``endpoints.json``) for a session that
    makes S3 clients only: parsed into plain dicts, where botocore makes every object an
    OrderedDict (a dict keeps its order since Python 3.7), and, of ``endpoints.json``, only S3's
    endpoints in each partition, not some 300 services'. A client then takes about 8 MB, not 15
    (``bench/README.md``, "Purge"); it resolves the same endpoints and signs the same way."""

    def load_file(self, file_path):
        """As botocore's: the data in this path plus ``.json`` or ``.json.gz``, or None if neither exists."""
        hook = only_s3_endpoints if os.path.basename(file_path) == "endpoints" else None
        for extension, open_file in ((".json", open), (".json.gz", gzip.open)):
            if os.path.isfile(file_path + extension):
                with open_file(file_path + extension, "rb") as file:
                    return json.loads(file.read().decode("utf-8"), object_hook=hook)
        return None


def only_s3_endpoints(data):
    """An object of ``endpoints.json``; a partition keeps its regions and S3's endpoints, no other service's.

    Called for each object as it is parsed, so each partition's other services are freed before the
    next partition is read: the objects of the whole file are never in memory at once."""
    if "partition" in data and "services" in data:
        data["services"] = {name: service for name, service in data["services"].items() if name == "s3"}
    return data


def s3_session(**credentials):
    """A boto3 session (these credentials or boto3's own chain) whose S3 clients read botocore's data
    files with ``S3DataFileLoader``; for S3 only: other services' endpoints are not loaded."""
    session = botocore.session.get_session()
    loader = create_loader(session.get_config_variable("data_path"))
    loader.file_loader = S3DataFileLoader()
    session.register_component("data_loader", loader)
    return boto3.Session(botocore_session=session, **credentials)


class PrivateS3Storage(S3Storage):
    """django-storages' S3 storage plus ``delete_many``: one request per 1,000 objects, not one each."""

    def _create_session(self):
        """django-storages' own choice of credentials (a profile, else the keys in the settings, else
        boto3's chain), in a session whose client takes half the memory (``s3_session``)."""
        if self.session_profile:
            return s3_session(profile_name=self.session_profile)
        return s3_session(
            aws_access_key_id=self.access_key,
            aws_secret_access_key=self.secret_key,
            aws_session_token=self.security_token,
        )

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

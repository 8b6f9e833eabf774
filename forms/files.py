"""Sending an applicant's private file (a CV) to someone allowed to have it.

Callers check who may have the file; this only sends it: on S3 a redirect to a signed URL
valid for ``PRIVATE_FILE_URL_EXPIRY`` seconds that makes the browser save it, on local
storage the file streamed. Either way as an attachment named ``<reference>-<name>``.
"""

from django.http import FileResponse, HttpResponseRedirect
from django.utils.http import content_disposition_header
from django.utils.text import get_valid_filename


def safe_filename(reference, original_name):
    """``<reference>-<name>`` made of letters, digits, dots, dashes and underscores only."""
    name = (original_name or "").replace("\\", "/").rsplit("/", 1)[-1]
    try:
        name = get_valid_filename(name)
    except Exception:  # noqa: BLE001 - Django raises SuspiciousFileOperation for "" or ".."
        name = "file"
    name = "".join(char for char in name if char.isascii() and (char.isalnum() or char in "._-")) or "file"
    return get_valid_filename(f"{reference}-{name}")[:150]


def file_response(application_file, reference):
    """The response that gives the file of ``application_file`` (of application ``reference``)."""
    filename = safe_filename(reference, application_file.original_name)
    storage = application_file.file.storage
    if getattr(storage, "querystring_auth", False):
        url = storage.url(
            application_file.file.name,
            parameters={"ResponseContentDisposition": content_disposition_header(True, filename)},
        )
        return HttpResponseRedirect(url)
    response = FileResponse(
        storage.open(application_file.file.name, "rb"), as_attachment=True, filename=filename
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response

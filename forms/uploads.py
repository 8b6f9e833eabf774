"""Uploaded files: checked by content, size and (when configured) clamd, then stored privately.

Only PDF, DOCX, ODT and plain text without markup are accepted, recognised from their bytes,
never from the name or the browser's content type. Files are stored in ``storages["private"]``
under a key the server makes up, with the content type found in their bytes (on S3 also
``Content-Disposition: attachment``); the applicant's file name is kept only as data.
"""

import logging
import os
import re
import uuid
import zipfile

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forms.storage import private_storage

logger = logging.getLogger(__name__)

PDF, DOCX, ODT, TXT = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ("application/vnd.oasis.opendocument.text"),
    "text/plain",
)
EXTENSIONS = {PDF: ".pdf", DOCX: ".docx", ODT: ".odt", TXT: ".txt"}
ACCEPT = ".pdf,.docx,.odt,.txt,application/pdf,text/plain," + DOCX + "," + ODT
KIND_NAMES = gettext_lazy("a PDF, Word (DOCX), OpenDocument (ODT) or plain text (TXT) file")
#: What a browser would read as markup: ``<!``, ``<?``, or a tag name right after ``<`` or ``</``.
MARKUP = re.compile(r"<(?:[!?]|/?[a-z][a-z0-9:-]*(?:[\s/>]|$))", re.IGNORECASE)
ZIP_MEMBER_LIMIT = 64 * 1024


class ScanUnavailable(Exception):
    """clamd is configured but could not scan the file (the upload is refused)."""


def limit_in_mb():
    """The largest upload accepted, in whole megabytes (as applicants are told)."""
    return settings.APPLICATION_UPLOAD_MAX_BYTES // (1024 * 1024)


def check_upload(upload, label):
    """Returns the content type found in the upload's bytes.

    Raises ValidationError unless the upload is a non-empty, clean file of an allowed kind.
    """
    if upload.size == 0:
        raise ValidationError(_("The selected file for “%(label)s” is empty") % {"label": label})
    if upload.size > settings.APPLICATION_UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The selected file must be smaller than %(limit)s MB") % {"limit": limit_in_mb()}
        )
    extension = os.path.splitext(upload.name or "")[1].lower()
    detected = detect_type(upload)
    if detected is None or EXTENSIONS[detected] != extension:
        raise ValidationError(_("The selected file must be %(kinds)s") % {"kinds": KIND_NAMES})
    if detected == TXT and has_markup(upload):
        raise ValidationError(_("The selected text file must be plain text, without HTML or other markup"))
    try:
        infected = scan(upload)
    except ScanUnavailable:
        raise ValidationError(
            _("The selected file could not be checked for viruses. Try again in a few minutes")
        ) from None
    if infected:
        raise ValidationError(_("The selected file contains a virus"))
    return detected


def as_detected(upload, content_type):
    """The upload as the server recognised it: the same bytes, with the content type found in them."""
    return UploadedFile(upload.file, upload.name, content_type, upload.size, upload.charset)


def detect_type(upload):
    """The allowed content type of the upload's bytes, or None."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return TXT if text_of(upload) is not None else None
    if kind.mime == PDF:
        return PDF if head.startswith(b"%PDF-") else None
    if kind.mime in ("application/zip", DOCX, ODT):
        return zip_document_type(upload)
    return None


def text_of(upload):
    """The upload's text if it is UTF-8 without control characters, else None."""
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if any(ord(char) < 32 and char not in "\t\n\r\f" for char in text):
        return None
    return text


def has_markup(upload):
    """True if a tag, comment or declaration appears anywhere in the text (not only at its start)."""
    return bool(MARKUP.search(text_of(upload) or ""))


def zip_document_type(upload):
    """DOCX or ODT when the zip container says so (ODT's mimetype, DOCX's content types)."""
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                with archive.open("mimetype") as member:
                    if member.read(ZIP_MEMBER_LIMIT).strip() == ODT.encode():
                        return ODT
            if "[Content_Types].xml" in names and "word/document.xml" in names:
                with archive.open("[Content_Types].xml") as member:
                    if b"wordprocessingml.document.main+xml" in member.read(ZIP_MEMBER_LIMIT):
                        return DOCX
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError, EOFError):
        return None
    finally:
        upload.seek(0)
    return None


def scan(upload):
    """True if clamd finds a virus; False if clean or no scanner is configured.

    Raises ScanUnavailable when clamd is configured but does not answer (fails closed).
    """
    if not settings.CLAMD_HOST:
        return False
    import clamd

    scanner = clamd.ClamdNetworkSocket(settings.CLAMD_HOST, settings.CLAMD_PORT, timeout=30)
    upload.seek(0)
    try:
        result = scanner.instream(upload)
    except (clamd.ClamdError, OSError) as error:
        logger.warning("Virus scan unavailable: %s", type(error).__name__)
        raise ScanUnavailable from error
    finally:
        upload.seek(0)
    status, _signature = result.get("stream", ("ERROR", None))
    if status == "FOUND":
        return True
    if status != "OK":
        raise ScanUnavailable
    return False


class StorageUnavailable(Exception):
    """The private storage refused or could not be reached; nothing was kept."""


def store_uploads(form):
    """Stores the form's new, valid uploads; returns {field name: ApplicationFile}.

    Each file gets an unlinked ApplicationFile row, then its object under the row's new
    random key. If any save fails, the objects and rows made so far are removed (a row
    whose object cannot be removed stays for the clean-up) and StorageUnavailable is raised.
    """
    from forms.models import ApplicationFile

    stored = {}
    try:
        for name in form.file_field_names:
            upload = form.cleaned_data.get(name)
            if not upload:
                continue
            stored[name] = store_one(ApplicationFile, name, upload)
    except Exception as error:
        discard(stored.values())
        logger.warning("Private storage unavailable: %s", type(error).__name__)
        raise StorageUnavailable from error
    return stored


def store_one(model, field_name, upload):
    """Saves one upload (from ``as_detected``: S3 stores its ``content_type`` with the object).

    The row is written before the object: a process stopped between the two, or a save the
    storage made but reported as failed, leaves an unlinked row the clean-up deletes with
    its object, never an object no row points at.
    """
    storage = private_storage()
    key = f"applications/{uuid.uuid4().hex}{EXTENSIONS[upload.content_type]}"
    row = model.objects.create(
        field_name=field_name,
        file=key,
        original_name=os.path.basename(upload.name or "file")[:255],
        content_type=upload.content_type,
        size=upload.size,
    )
    upload.seek(0)
    try:
        saved_key = storage.save(key, upload)
    except Exception:
        discard([row])
        raise
    if saved_key != key:  # the storage chose another name (only if the random key was taken)
        model.objects.filter(pk=row.pk).update(file=saved_key)
        row.file.name = saved_key
    return row


def discard(files):
    """Deletes unlinked files: the objects first, then the rows of those that went.

    A file whose object could not be deleted keeps its row; the purge retries it once its
    draft has expired.
    """
    from forms.models import ApplicationFile
    from forms.retention import delete_unlinked_files

    ids = [application_file.pk for application_file in files if application_file.pk]
    if ids:
        delete_unlinked_files(ApplicationFile.objects.filter(pk__in=ids))


def discard_ids(ids):
    """Deletes the unlinked files with these ids (replaced in a draft)."""
    from forms.models import ApplicationFile

    if ids:
        discard(list(ApplicationFile.objects.filter(pk__in=ids, application__isnull=True)))

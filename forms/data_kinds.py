"""The kinds of personal data the public intake keeps: applications (with their files) and drafts.

Registered in ``forms.apps`` (see ``forms.personal_data``). The back office registers the
rows that hang off an application (equality answers, notes, status history) in ``reviews``.
"""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils.text import get_valid_filename

from forms import drafts, personal_data, retention, saved_drafts
from forms.choices import SIGNUP_PURPOSES
from forms.models import ACTIVE_STAGES, Application, ApplicationFile, ApplicationFormPage, SavedDraft


def register_kinds():
    personal_data.register(
        personal_data.DataKind(
            name="applications",
            label="Applications and their files",
            model=Application,
            for_email=lambda email: Application.objects.filter(applicant_email__iexact=email.strip()),
            export=export_applications,
            delete=retention.delete_applications,
            notice=applications_notice,
            expired=retention.expired_applications,
            programme="programme",
        )
    )
    # An application still in recruitment waits until it leaves the active stages.
    personal_data.register_hold("applications", lambda now: Q(status__in=ACTIVE_STAGES))
    personal_data.register(
        personal_data.DataKind(
            name="drafts",
            label="Applications not sent yet (drafts)",
            model=Session,
            for_email=lambda email: Session.objects.filter(pk__in=drafts.session_keys_with_address(email)),
            export=export_drafts,
            delete=delete_drafts,
            notice=drafts_notice,
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="saved_drafts",
            label="Applications saved to come back to later",
            model=SavedDraft,
            for_email=lambda email: SavedDraft.objects.filter(email__iexact=email.strip()),
            export=saved_drafts.export,
            delete=saved_drafts.delete,
            notice=saved_drafts.notice,
            expired=saved_drafts.expired,
            programme=None,
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="draft_uploads",
            label="Files uploaded to drafts",
            model=ApplicationFile,
            for_email=lambda email: ApplicationFile.objects.none(),  # found through their draft
            export=lambda rows: personal_data.Exported(),
            delete=retention.delete_unlinked_files,
            notice=lambda: [],  # said with the drafts
            expired=retention.expired_draft_uploads,
        )
    )


def zip_path(reference, application_file):
    return f"files/{reference}/{application_file.pk}-{get_valid_filename(application_file.original_name)}"


def export_applications(rows):
    records, files = [], []
    for application in rows.select_related("programme", "page").prefetch_related("files").order_by("pk"):
        records.append(
            {
                "reference": application.reference,
                "programme": application.programme.title if application.programme else "",
                "form": application.page.title,
                "submitted_at": application.submit_time.isoformat(),
                "status": application.get_status_display(),
                "eligibility": application.get_eligibility_display(),
                "waiting_list": application.waiting_list,
                "name": application.applicant_name,
                "email": application.applicant_email,
                "answers": application.form_data,
                "files": [zip_path(application.reference, item) for item in application.files.all()],
            }
        )
        files += [(zip_path(application.reference, item), item.file.name) for item in application.files.all()]
    return personal_data.Exported(records=records, files=files)


def applications_notice():
    """How long applications are kept, from each live form's own retention setting."""
    forms = ApplicationFormPage.objects.live().order_by("path")
    lines = []
    for form in forms:
        kind = "sign-ups" if form.purpose in SIGNUP_PURPOSES else "applications"
        lines.append(
            f"{form_name(form)}, {kind} (with their files, notes and status history): {after_closing(form)}."
        )
    return lines


def form_name(form):
    """The form's programme's title (the form's own title if it has no programme)."""
    programme = form.get_programme()
    return programme.title if programme else form.title


def after_closing(form):
    """When a form's applications go, in words: "6 months after the form closes"."""
    months = form.retention_months
    period = f"{months} month{'s' if months != 1 else ''}"
    if not form.closes_at:
        return f"{period} after each one is sent (the form has no closing date)"
    return "as soon as the form closes" if months == 0 else f"{period} after the form closes"


def drafts_notice():
    hours = settings.APPLICATION_DRAFT_HOURS
    return [
        f"An application you have started but not sent (its answers and files): {hours} hours after "
        "your last change, unless you saved it to come back to later. If your answers to the "
        "eligibility questions mean you cannot apply, nothing of them is kept."
    ]


def export_drafts(rows):
    records, files = [], []
    for session in rows:
        for draft in drafts.drafts_in(session.get_decoded()):
            records.append({"answers": draft.data, "files": [info["name"] for info in draft.files.values()]})
            for item in ApplicationFile.objects.filter(pk__in=draft.file_ids, application__isnull=True):
                files.append((f"drafts/{item.pk}-{get_valid_filename(item.original_name)}", item.file.name))
    return personal_data.Exported(records=records, files=files)


def delete_drafts(rows):
    """Deletes the drafts' uploads (objects first), then the sessions holding the drafts."""
    sessions = list(rows)
    ids = [
        pk
        for session in sessions
        for draft in drafts.drafts_in(session.get_decoded())
        for pk in draft.file_ids
    ]
    files = retention.delete_unlinked_files(
        ApplicationFile.objects.filter(pk__in=ids, application__isnull=True)
    )
    count, _ = Session.objects.filter(pk__in=[session.pk for session in sessions]).delete()
    return personal_data.Deleted(count=count, kept=files.kept)

"""The kinds of personal data the back office keeps about an applicant (see ``forms.personal_data``).

Equality answers, reviewers' notes and status history hang off an application and go with
it; equality answers can also go earlier, when the programme's equality report is frozen.
"""

from django.db.models import Q

from forms import personal_data
from forms.choices import EqualityRetention, FieldSection
from forms.data_kinds import exported_by_application, form_name, of_applications_to
from forms.models import ApplicationFormPage, EqualityMonitoring
from reviews.models import ApplicationNote, StatusChange


def register_kinds():
    personal_data.register(
        personal_data.DataKind(
            name="equality_answers",
            label="Equality monitoring answers",
            model=EqualityMonitoring,
            for_email=of_applications_to(EqualityMonitoring),
            export=lambda rows: exported_by_application(rows, lambda row: {"answers": row.answers}),
            delete=personal_data.delete_rows,
            notice=equality_notice,
            expired=expired_equality_answers,
            programme="application__programme",
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="status_history",
            label="Status history (and the emails it sent you)",
            model=StatusChange,
            for_email=of_applications_to(StatusChange),
            export=lambda rows: exported_by_application(rows, status_change_record),
            delete=personal_data.delete_rows,
            notice=lambda: [],  # goes with its application
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="notes",
            label="Reviewers' notes",
            model=ApplicationNote,
            for_email=of_applications_to(ApplicationNote),
            export=lambda rows: exported_by_application(
                rows, lambda row: {"written_at": row.created_at.isoformat(), "note": row.text}
            ),
            delete=personal_data.delete_rows,
            notice=lambda: [],  # goes with its application
        )
    )


def status_change_record(change):
    return {
        "changed_at": change.created_at.isoformat(),
        "from": change.get_from_status_display(),
        "to": change.get_to_status_display(),
        "note": change.note,
        "email_subject": change.email_subject,
        "email_body": change.email_body,
        "email_sent_at": change.email_sent_at.isoformat() if change.email_sent_at else None,
    }


def expired_equality_answers(now):
    """Answers to forms set to keep them "until the report is frozen", once their programme's report is."""
    forms = ApplicationFormPage.objects.filter(equality_retention=EqualityRetention.UNTIL_REPORT_FROZEN)
    return EqualityMonitoring.objects.filter(
        Q(application__page__in=forms.values("pk")),
        application__programme__equality_report_snapshot__isnull=False,
    )


def equality_notice():
    """How long equality answers are kept, from the retention choice of each form that asks them."""
    forms = (
        ApplicationFormPage.objects.live()
        .filter(form_fields__section=FieldSection.EQUALITY)
        .distinct()
        .order_by("path")
    )
    at_freezing = [
        form_name(form) for form in forms if form.equality_retention == EqualityRetention.UNTIL_REPORT_FROZEN
    ]
    with_applications = [
        form_name(form) for form in forms if form.equality_retention == EqualityRetention.WITH_APPLICATIONS
    ]
    sentences = [
        "Equality monitoring answers are optional, kept apart from your application and used only in "
        "counts where any number under 5 is hidden."
    ]
    if at_freezing:
        sentences.append(
            "They are deleted once the programme's equality report is frozen after the form closes, or "
            f"with your application if that comes first ({'; '.join(at_freezing)})."
        )
    if with_applications:
        sentences.append(f"They are deleted with your application ({'; '.join(with_applications)}).")
    return sentences

"""The kinds of personal data recruiting keeps about a candidate (see ``forms.personal_data``).

Interests (with the recruiter's message and the candidate's answer) and the audit of who
viewed the profile hang off a pool profile, so they go with it (and with its application).
"""

from forms import personal_data
from forms.data_kinds import exported_by_application, of_applications_to
from recruiters.models import Interest, ProfileAudit

PROFILE_APPLICATION = "profile__application"
SHARED_WITH = "the organisation that expressed the interest, which sees your answer to it"


def register_kinds():
    personal_data.register(
        personal_data.DataKind(
            name="recruiter_interests",
            label="Recruiters' interest in your talent pool profile",
            model=Interest,
            for_email=of_applications_to(Interest, PROFILE_APPLICATION),
            export=lambda rows: exported_by_application(
                rows, interest_record, PROFILE_APPLICATION, ["organisation"]
            ),
            delete=personal_data.delete_rows,
            notice=lambda: [],  # goes with its pool profile and application
            shared_with=SHARED_WITH,
        )
    )
    personal_data.register(
        personal_data.DataKind(
            name="recruiter_audit",
            label="Who viewed your talent pool profile",
            model=ProfileAudit,
            for_email=of_applications_to(ProfileAudit, PROFILE_APPLICATION),
            export=lambda rows: exported_by_application(
                rows, audit_record, PROFILE_APPLICATION, ["organisation"]
            ),
            delete=personal_data.delete_rows,
            notice=lambda: [],  # goes with its pool profile and application
        )
    )


def interest_record(interest):
    return {
        "organisation": interest.organisation.name,
        "message": interest.message,
        "sent_at": interest.created_at.isoformat(),
        "your_answer": interest.get_state_display(),
        "answered_at": interest.answered_at.isoformat() if interest.answered_at else None,
        "outcome": interest.get_outcome_display(),
    }


def audit_record(entry):
    return {
        "organisation": entry.organisation.name,
        "what": entry.get_action_display(),
        "at": entry.at.isoformat(),
    }

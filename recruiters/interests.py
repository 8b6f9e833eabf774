"""Interest from recruiting organisations in pool candidates: expressing it, the candidate's
answer (share contact details or decline), outcomes, and the audit of every view and answer.

Only searchable profiles (consent active, application not withdrawn) can be seen, shown
interest in, shared or answered; contact details only when the candidate shared them with
that organisation.
"""

from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from forms import applicants
from forms.applicant_tasks import enqueue
from forms.models import PoolProfile
from recruiters.models import AuditAction, Interest, InterestState, Outcome, ProfileAudit


class AlreadyInterested(Exception):
    """The organisation already expressed interest in this candidate."""


def audit(profile, organisation, user, action):
    ProfileAudit.objects.create(profile=profile, organisation=organisation, user=user, action=action)


def visible_profile(profile_id, now=None):
    """A searchable profile (404 for one whose consent ended, was withdrawn or never existed)."""
    profile = PoolProfile.objects.searchable(now).prefetch_related("regions").filter(pk=profile_id).first()
    if profile is None:
        raise Http404
    return profile


def view_profile(recruiter, profile_id):
    """The profile for ``recruiter`` to read (audited), with their organisation's interest or None."""
    profile = visible_profile(profile_id)
    audit(profile, recruiter.organisation, recruiter.user, AuditAction.VIEW_PROFILE)
    return profile, Interest.objects.filter(organisation=recruiter.organisation, profile=profile).first()


def express_interest(recruiter, profile, message):
    """Records the interest (audited) and emails the candidate once it is saved."""
    from recruiters.tasks import send_interest_notice

    try:
        with transaction.atomic():
            interest = Interest.objects.create(
                organisation=recruiter.organisation,
                profile=profile,
                recruiter=recruiter.user,
                message=message,
            )
            audit(profile, recruiter.organisation, recruiter.user, AuditAction.INTEREST)
    except IntegrityError:
        raise AlreadyInterested from None
    transaction.on_commit(lambda: enqueue(send_interest_notice, interest.pk))
    return interest


def organisation_interests(organisation):
    """The organisation's interests in candidates still in the pool, newest first."""
    searchable = PoolProfile.objects.searchable().values("pk")
    return (
        Interest.objects.filter(organisation=organisation, profile__in=searchable)
        .select_related("profile", "recruiter")
        .order_by("-created_at", "-pk")
    )


def organisation_interest(organisation, interest_id):
    """One of the organisation's own interests in a candidate still in the pool; 404 otherwise."""
    interest = organisation_interests(organisation).filter(pk=interest_id).first()
    if interest is None:
        raise Http404
    return interest


def contact_details(recruiter, interest):
    """The candidate's name, email and phone, only if they shared them (audited); else None."""
    if not interest.is_shared:
        return None
    application = interest.profile.application
    audit(interest.profile, interest.organisation, recruiter.user, AuditAction.VIEW_CONTACT)
    return {
        "name": application.applicant_name,
        "email": application.applicant_email,
        "phone": applicants.current_phone(application.applicant_email) or "",
    }


def record_outcome(recruiter, interest, outcome):
    Interest.objects.filter(pk=interest.pk).update(outcome=Outcome(outcome), outcome_at=timezone.now())
    audit(interest.profile, interest.organisation, recruiter.user, AuditAction.OUTCOME)


def candidate_interests(application):
    """The interests in the application's pool profile, newest first (for the candidate's page)."""
    return Interest.objects.filter(profile__application=application).select_related("organisation")


def candidate_interest(application, interest_id):
    """One interest in the application's profile while it is in the pool; 404 otherwise."""
    searchable = PoolProfile.objects.searchable().values("pk")
    interest = (
        candidate_interests(application)
        .filter(pk=interest_id, profile__in=searchable)
        .select_related("profile")
    ).first()
    if interest is None:
        raise Http404
    return interest


def answer(interest, share):
    """The candidate shares their contact details with the organisation, or declines (audited).

    Only a waiting interest takes an answer: returns False, changing nothing, when another
    request answered it first (a second click, or share and decline at once)."""
    from recruiters.tasks import send_answer_notice

    state = InterestState.SHARED if share else InterestState.DECLINED
    with transaction.atomic():
        waiting = Interest.objects.filter(pk=interest.pk, state=InterestState.WAITING)
        if not waiting.update(state=state, answered_at=timezone.now()):
            return False
        action = AuditAction.SHARE if share else AuditAction.DECLINE
        audit(interest.profile, interest.organisation, None, action)
    transaction.on_commit(lambda: enqueue(send_answer_notice, interest.pk))
    interest.state = state
    return True

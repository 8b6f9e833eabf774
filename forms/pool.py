"""Joining, renewing and leaving the talent pool; reminders before consent ends.

Consent lasts ``CONSENT_MONTHS`` from the moment it is given (on the application form or on
Your applications) and is renewed the same way. ``REMINDER_BEFORE`` the end, the
``send_pool_reminders`` command (run daily) queues one reminder email per profile.
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from campaigns.choices import Profession, Region
from forms.fields import POOL_JOIN_FIELD, POOL_REGIONS_FIELD
from forms.models import PoolProfile, PoolRegion
from forms.months import months_after

CONSENT_MONTHS = 6
REMINDER_BEFORE = dt.timedelta(days=14)
REGION_BY_LABEL = {label: value for value, label in Region.choices}


def consent_ends(now):
    return months_after(now, CONSENT_MONTHS)


def offered(application):
    """Whether the application's form offers the talent pool (and it is an application to a programme)."""
    from forms.models import ApplicationFormPage

    return (
        application.programme_id is not None
        and ApplicationFormPage.objects.filter(pk=application.page_id, offer_talent_pool=True).exists()
    )


def profile_of(application):
    return PoolProfile.objects.filter(application=application).prefetch_related("regions").first()


def is_in_pool(profile, now=None):
    """Whether the profile is in every search now (``PoolProfile.objects.searchable()`` for one)."""
    return profile is not None and PoolProfile.objects.searchable(now).filter(pk=profile.pk).exists()


@transaction.atomic
def save_profile(application, regions, details=None, consent=False, now=None):
    """Creates or updates the application's profile with ``regions`` and ``details``.

    ``consent=True`` (the applicant ticked the box) starts CONSENT_MONTHS of consent from
    ``now``, clears a withdrawal and the last reminder; ``details`` are the other fields
    (years of experience, skills summary, availability and its note).
    """
    now = now or timezone.now()
    profile = PoolProfile.objects.select_for_update().filter(application=application).first()
    profile = profile or PoolProfile(application=application, profession=profession_of(application))
    for name, value in (details or {}).items():
        setattr(profile, name, value)
    if consent:
        profile.consented_at, profile.consent_expires_at = now, consent_ends(now)
        profile.withdrawn_at = profile.reminder_sent_at = None
    regions = sorted({Region(region) for region in regions}, key=list(Region).index)
    profile.search_text = profile.build_search_text(regions)
    profile.save()
    PoolRegion.objects.filter(profile=profile).exclude(region__in=regions).delete()
    PoolRegion.objects.bulk_create(
        [PoolRegion(profile=profile, region=region) for region in regions], ignore_conflicts=True
    )
    return profile


def profession_of(application):
    profession = getattr(application.programme, "profession", "") or Profession.OTHER
    return Profession(profession)


def join_from_answers(application, cleaned_data, now=None):
    """Joins the pool when the applicant ticked the application form's pool question."""
    if not cleaned_data.get(POOL_JOIN_FIELD):
        return None
    regions = [REGION_BY_LABEL[label] for label in cleaned_data.get(POOL_REGIONS_FIELD) or []]
    return save_profile(application, regions, consent=True, now=now)


def renew(application, now=None):
    """Another CONSENT_MONTHS of consent from ``now``, with a new reminder before it ends."""
    now = now or timezone.now()
    PoolProfile.objects.filter(application=application).update(
        consented_at=now, consent_expires_at=consent_ends(now), withdrawn_at=None, reminder_sent_at=None
    )


def leave(application, now=None):
    """Takes the application's profile out of every search at once (consent withdrawn)."""
    PoolProfile.objects.filter(application=application, withdrawn_at__isnull=True).update(
        withdrawn_at=now or timezone.now()
    )


def claim_reminder(profile_id, now=None):
    """Marks the reminder as sent, once: True for the one caller that gets to send it."""
    now = now or timezone.now()
    due = PoolProfile.objects.reminder_due(REMINDER_BEFORE, now).filter(pk=profile_id)
    return bool(due.update(reminder_sent_at=now))


def unclaim_reminder(profile_id):
    PoolProfile.objects.filter(pk=profile_id).update(reminder_sent_at=None)

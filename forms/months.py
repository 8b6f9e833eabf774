"""Whole months in UK time: "six months after" keeps the UK clock time across summer time."""

from dateutil.relativedelta import relativedelta
from django.utils import timezone


def months_after(moment, months):
    """``moment`` plus ``months`` calendar months, at the same UK clock time (31 Jan + 6 → 31 Jul)."""
    return timezone.localtime(moment) + relativedelta(months=months)

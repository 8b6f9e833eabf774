"""Models of the application forms app, one module per concern."""

from .alerts import AlertDelivery, AlertKind, AlertSubscription
from .applicants import StatusWording
from .applications import (
    ACTIVE_STAGES,
    FILLING_PLACES,
    Application,
    ApplicationFile,
    ApplicationStatus,
    EligibilityResult,
    EqualityMonitoring,
    statuses_for,
)
from .drafts import SavedDraft
from .pages import ApplicationFormField, ApplicationFormPage, FormPurpose, WindowState
from .plans import PlanItem, PlanItemStatus, PlanTemplateItem
from .pool import Availability, PoolProfile, PoolRegion
from .ratelimits import PostCount
from .retention import PurgeRun

__all__ = [
    "AlertDelivery",
    "AlertKind",
    "AlertSubscription",
    "ACTIVE_STAGES",
    "FILLING_PLACES",
    "Application",
    "ApplicationFile",
    "EligibilityResult",
    "EqualityMonitoring",
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationStatus",
    "PurgeRun",
    "SavedDraft",
    "FormPurpose",
    "PostCount",
    "PlanItem",
    "PlanItemStatus",
    "PlanTemplateItem",
    "Availability",
    "PoolProfile",
    "PoolRegion",
    "StatusWording",
    "WindowState",
    "statuses_for",
]

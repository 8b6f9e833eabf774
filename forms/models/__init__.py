"""Models of the application forms app, one module per concern."""

from .applicants import StatusWording
from .applications import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    EligibilityResult,
    EqualityMonitoring,
)
from .pages import ApplicationFormField, ApplicationFormPage, FormPurpose, WindowState
from .plans import PlanItem, PlanItemStatus, PlanTemplateItem
from .pool import Availability, PoolProfile, PoolRegion

__all__ = [
    "Application",
    "ApplicationFile",
    "EligibilityResult",
    "EqualityMonitoring",
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationStatus",
    "FormPurpose",
    "PlanItem",
    "PlanItemStatus",
    "PlanTemplateItem",
    "Availability",
    "PoolProfile",
    "PoolRegion",
    "StatusWording",
    "WindowState",
]

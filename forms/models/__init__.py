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

__all__ = [
    "Application",
    "ApplicationFile",
    "EligibilityResult",
    "EqualityMonitoring",
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationStatus",
    "FormPurpose",
    "StatusWording",
    "WindowState",
]

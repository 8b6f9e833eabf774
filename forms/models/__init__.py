"""Models of the application forms app, one module per concern."""

from .applications import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    EligibilityResult,
    EqualityMonitoring,
)
from .pages import ApplicationFormField, ApplicationFormPage, FormPurpose, WindowState
from .ratelimits import PostCount

__all__ = [
    "Application",
    "ApplicationFile",
    "EligibilityResult",
    "EqualityMonitoring",
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationStatus",
    "FormPurpose",
    "PostCount",
    "WindowState",
]

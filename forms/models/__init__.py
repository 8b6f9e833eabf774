"""Models of the application forms app, one module per concern."""

from .applications import (
    Application,
    ApplicationFile,
    ApplicationStatus,
    EligibilityResult,
    EqualityMonitoring,
)
from .pages import ApplicationFormField, ApplicationFormPage, FormPurpose, WindowState
from .pipeline import ApplicationNote, ProgrammeAccess, StatusChange  # noqa: F401

__all__ = [
    "Application",
    "ApplicationFile",
    "EligibilityResult",
    "EqualityMonitoring",
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationStatus",
    "FormPurpose",
    "WindowState",
]

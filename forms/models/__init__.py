"""Models of the application forms app, one module per concern."""

from .applications import Application, ApplicationStatus
from .pages import ApplicationFormField, ApplicationFormPage, WindowState

__all__ = [
    "Application",
    "ApplicationFormField",
    "ApplicationFormPage",
    "ApplicationStatus",
    "WindowState",
]

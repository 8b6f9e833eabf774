"""The candidate's answers to interests, included at ``/your-applications/`` before the applicant pages."""

from django.urls import path

from recruiters import views_candidate

app_name = "candidate_interests"

urlpatterns = [
    path("<reference:reference>/interests/<int:interest_id>/share/", views_candidate.share, name="share"),
    path(
        "<reference:reference>/interests/<int:interest_id>/decline/", views_candidate.decline, name="decline"
    ),
]

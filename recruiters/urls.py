"""The recruiter area, included at ``/recruiters/`` (namespace ``recruiters``)."""

from django.urls import path

from recruiters import views

app_name = "recruiters"

urlpatterns = [
    path("", views.search_view, name="search"),
    path("sign-in/", views.SignInView.as_view(), name="sign_in"),
    path("sign-out/", views.SignOutView.as_view(), name="sign_out"),
    path("set-password/<str:uidb64>/<str:token>/", views.set_password, name="set_password"),
    path("candidates/<int:profile_id>/", views.profile, name="profile"),
    path("interests/", views.interest_list, name="interests"),
    path("interests/<int:interest_id>/", views.interest_detail, name="interest"),
]

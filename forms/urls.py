"""URLs of the applicant's own page, included at ``/your-applications/`` (namespace ``applicants``)."""

from django.urls import path

from forms import views_applicant as views
from forms import views_plan, views_pool

app_name = "applicants"

urlpatterns = [
    path("", views.home, name="home"),
    path("check-your-email/", views.check_email, name="check_email"),
    path("sign-in/<str:token>/", views.sign_in_with_link, name="sign_in"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("change-phone/", views.change_phone, name="change_phone"),
    path("change-email/", views.change_email, name="change_email"),
    path("confirm-email/<str:token>/", views.confirm_email, name="confirm_email"),
    path("<reference:reference>/", views.application_detail, name="application"),
    path("<reference:reference>/files/<int:file_id>/", views.download_file, name="file"),
    path("<reference:reference>/withdraw/", views.withdraw, name="withdraw"),
    path("<reference:reference>/plan/", views_plan.plan, name="plan"),
    path("<reference:reference>/plan/<int:item_id>/", views_plan.update_item, name="plan_item"),
    path("<reference:reference>/talent-pool/", views_pool.profile, name="pool_profile"),
    path("<reference:reference>/talent-pool/renew/", views_pool.renew, name="pool_renew"),
    path("<reference:reference>/talent-pool/leave/", views_pool.leave, name="pool_leave"),
]

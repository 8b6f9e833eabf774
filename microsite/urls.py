from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.generic import TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home.views import site_theme
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    # The answers to recruiters' interest first: its paths are longer than the applicant pages'.
    path("your-applications/", include("recruiters.candidate_urls")),
    path("your-applications/", include("forms.urls")),
    path("recruiters/", include("recruiters.urls")),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("site-theme.css", site_theme, name="site_theme"),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
        name="robots_txt",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Welsh under /cy/, English without a prefix (so no English URL changes).
urlpatterns += i18n_patterns(
    path("alerts/", include("forms.alert_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

# A database, storage or cache outage gives a 503 "try again" page instead of a 500 (or of
# the 400 Django gives when the session cannot be saved).
handler400 = "home.views.bad_request"
handler500 = "home.views.server_error"

"""Top-level URLs: the admin, and the public site under a language prefix (/kk/, /ru/, /en/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from . import running_title, views
from .sitemaps import SITEMAPS

urlpatterns = [
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots"),
    path("print/running-title.css", running_title.running_title, name="running_title"),
    path("data/", include("opendata.urls")),  # open data: JSON, no language prefix
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("i18n/", include("django.conf.urls.i18n")),  # set_language: the admin's language switcher
]

urlpatterns += i18n_patterns(
    path("", include("checker.urls")),
    path("", include("concordance.urls")),
    path("", include("official.urls")),
    path("search/", include("search.urls")),
    path("changes/", include("changelog.urls")),
    path("feedback/", include("feedback.urls")),
    path("", include("law.urls")),
    prefix_default_language=True,
)

handler400 = views.bad_request
handler404 = views.page_not_found
handler500 = views.server_error

from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

# 500 answers 503 "Volvemos enseguida" when the database or Redis is down (cms/errors.py).
handler500 = "cms.errors.server_error"

urlpatterns = [
    path("", include("cms.home.urls")),
    path("cuenta/", include("cms.accounts.urls")),
    path("aprender/", include("lms.courses.urls")),
    path("cuestionarios/", include("lms.quizzes.urls")),
    path("calificaciones/", include("lms.grades.urls")),
    path("", include("lms.certificates.urls")),
    path("encuestas/", include("lms.surveys.urls")),
    path("mentorias/", include("incubator.mentoring.urls")),
    path("incubadora/", include("incubator.urls")),
    path("h5p/", include("lms.h5p.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documentos/", include(wagtaildocs_urls)),
]

# Only public media (Wagtail images) is served; certificates, evidence and H5P packages never are.
urlpatterns.append(
    re_path(r"^media/(?P<path>(?:images|original_images)/[\w./-]+)$", serve,
            {"document_root": settings.MEDIA_ROOT}, name="public_media")
)

urlpatterns.append(path("", include(wagtail_urls)))

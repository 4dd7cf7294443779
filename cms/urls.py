from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("", include("cms.home.urls")),
    path("cuenta/", include("cms.accounts.urls")),
    path("aprender/", include("lms.courses.urls")),
    path("cuestionarios/", include("lms.quizzes.urls")),
    path("calificaciones/", include("lms.grades.urls")),
    path("", include("lms.certificates.urls")),
    path("encuestas/", include("lms.surveys.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("django-admin/", admin.site.urls),
    path("documentos/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns.append(path("", include(wagtail_urls)))

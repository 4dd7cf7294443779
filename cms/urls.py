from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.cache import cache_control
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.documents.views.serve import serve as document_serve

from cms.public_media import public_image

# 500 answers 503 "Volvemos enseguida" when the database or Redis is down (cms/errors.py).
handler500 = "cms.errors.server_error"

urlpatterns = [
    path("", include("cms.home.urls")),
    path("cuenta/", include("cms.accounts.urls")),
    path("derivaciones/", include("cms.referrals.urls")),
    path("trabajos/", include("cms.jobs.urls")),
    path("", include("cms.people.urls")),
    path("coordinacion/duplicados/", include("cms.people.urls_duplicates")),
    path("coordinacion/importar/", include("cms.people.urls_import")),
    path("coordinacion/invitar/", include("cms.people.urls_invite")),
    path("invitacion/", include("cms.people.urls_claim")),
    path("indicadores/", include("cms.indicators.urls")),
    path("cuenta/", include("cms.privacy.urls")),
    path("aprender/", include("lms.offline.urls")),
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
    # Documents are served only to their readers (lms/courses/wagtail_hooks.py): never kept by a shared cache.
    re_path(r"^documentos/(\d+)/(.*)$", cache_control(private=True, no_cache=True)(document_serve)),
    path("documentos/", include(wagtaildocs_urls)),
]

# /media/ answers only for Wagtail images and renditions; every other upload has a view that checks who asks.
urlpatterns.append(re_path(r"^media/(?P<path>.*)$", public_image, name="public_media"))

urlpatterns.append(path("", include(wagtail_urls)))

from django.urls import path

from cms.people import views_duplicates as views

app_name = "duplicates"
urlpatterns = [
    path("", views.index, name="index"),
    path("unir/", views.merge, name="merge"),
    path("distintas/", views.not_same, name="not_same"),
    path("deshacer/<id:pk>/", views.unmerge, name="unmerge"),
    path("aviso/<id:pk>/", views.hint_answer, name="hint_answer"),
]

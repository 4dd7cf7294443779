from django.urls import path

from incubator.plans import views

app_name = "plans"
urlpatterns = [
    path("<id:venture_id>/", views.plan, name="plan"),
    path("<id:venture_id>/autoguardar/", views.autosave, name="autosave"),
    path("<id:venture_id>/versiones/", views.history, name="history"),
    path("<id:venture_id>/versiones/<id:number>/", views.version, name="version"),
    path("<id:venture_id>/versiones/<id:number>/pdf/", views.version_download, name="version_pdf"),
    path("<id:venture_id>/comparar/", views.compare, name="compare"),
]

from django.urls import path

from incubator.plans import views

app_name = "plans"
urlpatterns = [
    path("<int:venture_id>/", views.plan, name="plan"),
    path("<int:venture_id>/autoguardar/", views.autosave, name="autosave"),
    path("<int:venture_id>/versiones/", views.history, name="history"),
    path("<int:venture_id>/versiones/<int:number>/", views.version, name="version"),
    path("<int:venture_id>/versiones/<int:number>/pdf/", views.version_download, name="version_pdf"),
    path("<int:venture_id>/comparar/", views.compare, name="compare"),
]

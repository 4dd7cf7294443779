from django.urls import path

from incubator.kpis import views

app_name = "kpis"
urlpatterns = [
    path("emprendimiento/<id:venture_pk>/", views.venture_kpis, name="venture"),
    path("emprendimiento/<id:venture_pk>/caja/", views.cash_diary, name="cash"),
    path("caja/<id:pk>/borrar/", views.cash_entry_delete, name="cash_delete"),
    path("cohorte/<id:cohort_pk>/", views.cohort_kpis, name="cohort"),
]

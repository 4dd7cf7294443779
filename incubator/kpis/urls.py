from django.urls import path

from incubator.kpis import views

app_name = "kpis"
urlpatterns = [
    path("emprendimiento/<int:venture_pk>/", views.venture_kpis, name="venture"),
    path("emprendimiento/<int:venture_pk>/caja/", views.cash_diary, name="cash"),
    path("caja/<int:pk>/borrar/", views.cash_entry_delete, name="cash_delete"),
    path("cohorte/<int:cohort_pk>/", views.cohort_kpis, name="cohort"),
]

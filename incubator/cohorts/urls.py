from django.urls import path

from incubator.cohorts import views

app_name = "cohorts"
urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("<id:pk>/postular/", views.cohort_apply, name="apply"),
    path("<id:pk>/mi-cupo/", views.my_seat, name="my_seat"),
    path("<id:pk>/mi-cupo/responder/", views.offer_respond, name="offer_respond"),
    path("<id:pk>/mi-cupo/tareas/<id:item_id>/", views.catch_up_tick, name="catch_up_tick"),
    path("<id:pk>/postulaciones/", views.applications, name="applications"),
    path("<id:pk>/postulaciones/<id:pid>/decidir/", views.decide, name="decide"),
    path("<id:pk>/postulaciones/<id:pid>/retiro/", views.dropout, name="dropout"),
    path("<id:pk>/tablero/", views.board, name="board"),
]

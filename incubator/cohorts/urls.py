from django.urls import path

from incubator.cohorts import views

app_name = "cohorts"
urlpatterns = [
    path("", views.cohort_list, name="list"),
    path("<int:pk>/postular/", views.cohort_apply, name="apply"),
    path("<int:pk>/mi-cupo/", views.my_seat, name="my_seat"),
    path("<int:pk>/mi-cupo/responder/", views.offer_respond, name="offer_respond"),
    path("<int:pk>/mi-cupo/tareas/<int:item_id>/", views.catch_up_tick, name="catch_up_tick"),
    path("<int:pk>/postulaciones/", views.applications, name="applications"),
    path("<int:pk>/postulaciones/<int:pid>/decidir/", views.decide, name="decide"),
    path("<int:pk>/postulaciones/<int:pid>/retiro/", views.dropout, name="dropout"),
    path("<int:pk>/tablero/", views.board, name="board"),
]

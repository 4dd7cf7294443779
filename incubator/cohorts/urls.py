from django.urls import path

from incubator.cohorts import views, views_replacement

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
    path("<id:pk>/reemplazo/", views_replacement.candidates, name="replacement"),
    path("<id:pk>/reemplazo/<id:user_id>/entrevista/", views_replacement.interview, name="replacement_interview"),
    path("<id:pk>/reemplazo/<id:user_id>/dar-cupo/", views_replacement.promote, name="replacement_promote"),
]

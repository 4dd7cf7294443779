from django.urls import path

from incubator.mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.session_list, name="list"),
    path("nueva/", views.session_new, name="new"),
    path("<int:pk>/", views.room, name="room"),
    path("<int:pk>/mensajes/", views.message_create, name="message"),
    path("<int:pk>/mano/", views.hand_toggle, name="hand"),
    path("<int:pk>/encuestas/<int:poll_id>/votar/", views.poll_vote, name="vote"),
    path("<int:pk>/mensajes/<int:message_id>/borrar/", views.message_delete, name="message_delete"),
    path("<int:pk>/notas/", views.notes_save, name="notes"),
    path("<int:pk>/encuestas/nueva/", views.poll_create, name="poll_new"),
    path("<int:pk>/encuestas/<int:poll_id>/cerrar/", views.poll_close, name="poll_close"),
    path("<int:pk>/personas/<int:user_id>/silenciar/", views.member_mute, name="mute"),
    path("<int:pk>/personas/<int:user_id>/sacar/", views.member_remove, name="remove"),
    path("<int:pk>/cerrar/", views.room_close, name="close"),
    path("<int:pk>/calendario.ics", views.session_calendar, name="ics"),
    path("<int:pk>/asistencia/", views.attendance, name="attendance"),
    path("<int:pk>/asistencia.csv", views.attendance_csv, name="attendance_csv"),
    path("<int:pk>/lista/", views.roll_call, name="roll_call"),
]

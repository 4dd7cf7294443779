from django.urls import path

from incubator.mentoring import views

app_name = "mentoring"
urlpatterns = [
    path("", views.session_list, name="list"),
    path("nueva/", views.session_new, name="new"),
    path("<id:pk>/", views.room, name="room"),
    path("<id:pk>/mensajes/", views.message_create, name="message"),
    path("<id:pk>/mano/", views.hand_toggle, name="hand"),
    path("<id:pk>/encuestas/<id:poll_id>/votar/", views.poll_vote, name="vote"),
    path("<id:pk>/mensajes/<id:message_id>/borrar/", views.message_delete, name="message_delete"),
    path("<id:pk>/notas/", views.notes_save, name="notes"),
    path("<id:pk>/encuestas/nueva/", views.poll_create, name="poll_new"),
    path("<id:pk>/encuestas/<id:poll_id>/cerrar/", views.poll_close, name="poll_close"),
    path("<id:pk>/personas/<id:user_id>/silenciar/", views.member_mute, name="mute"),
    path("<id:pk>/personas/<id:user_id>/sacar/", views.member_remove, name="remove"),
    path("<id:pk>/cerrar/", views.room_close, name="close"),
    path("<id:pk>/calendario.ics", views.session_calendar, name="ics"),
    path("<id:pk>/asistencia/", views.attendance, name="attendance"),
    path("<id:pk>/asistencia.csv", views.attendance_csv, name="attendance_csv"),
    path("<id:pk>/lista/", views.roll_call, name="roll_call"),
]

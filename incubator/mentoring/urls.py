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
    path("<int:pk>/cerrar/", views.room_close, name="close"),
    path("<int:pk>/calendario.ics", views.session_calendar, name="ics"),
    path("<int:pk>/asistencia/", views.attendance, name="attendance"),
    path("<int:pk>/asistencia.csv", views.attendance_csv, name="attendance_csv"),
    path("<int:pk>/lista/", views.roll_call, name="roll_call"),
]

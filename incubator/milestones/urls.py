from django.urls import path

from incubator.milestones import views

app_name = "milestones"
urlpatterns = [
    path("emprendimiento/<int:venture_pk>/", views.timeline, name="timeline"),
    path("emprendimiento/<int:venture_pk>/crear/", views.milestones_create, name="create"),
    path("emprendimiento/<int:venture_pk>/bitacora/", views.mentor_log, name="mentor_log"),
    path("emprendimiento/<int:venture_pk>/prototipos/", views.prototypes, name="prototypes"),
    path("<int:pk>/", views.milestone_detail, name="detail"),
    path("<int:pk>/tareas/<int:task_pk>/", views.task_toggle, name="task_toggle"),
    path("<int:pk>/evidencias/", views.evidence_upload, name="evidence_upload"),
    path("<int:pk>/enviar/", views.milestone_submit, name="submit"),
    path("<int:pk>/revisar/", views.milestone_review, name="review"),
    path("evidencias/<int:pk>/", views.evidence_download, name="evidence"),
    path("evidencias/<int:pk>/borrar/", views.evidence_delete, name="evidence_delete"),
    path("bitacora/<int:pk>/tarea/", views.mentor_log_task, name="mentor_log_task"),
    path("prototipos/<int:pk>/", views.prototype_detail, name="prototype"),
    path("prototipos/<int:pk>/fotos/", views.prototype_photo_upload, name="prototype_photo_upload"),
    path("prototipos/<int:pk>/opiniones/", views.prototype_feedback, name="prototype_feedback"),
    path("prototipos/fotos/<int:pk>/", views.prototype_photo, name="prototype_photo"),
]

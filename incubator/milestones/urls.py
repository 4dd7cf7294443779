from django.urls import path

from incubator.milestones import views

app_name = "milestones"
urlpatterns = [
    path("emprendimiento/<id:venture_pk>/", views.timeline, name="timeline"),
    path("emprendimiento/<id:venture_pk>/crear/", views.milestones_create, name="create"),
    path("emprendimiento/<id:venture_pk>/bitacora/", views.mentor_log, name="mentor_log"),
    path("emprendimiento/<id:venture_pk>/prototipos/", views.prototypes, name="prototypes"),
    path("<id:pk>/", views.milestone_detail, name="detail"),
    path("<id:pk>/tareas/<id:task_pk>/", views.task_toggle, name="task_toggle"),
    path("<id:pk>/evidencias/", views.evidence_upload, name="evidence_upload"),
    path("<id:pk>/enviar/", views.milestone_submit, name="submit"),
    path("<id:pk>/revisar/", views.milestone_review, name="review"),
    path("evidencias/<id:pk>/", views.evidence_download, name="evidence"),
    path("evidencias/<id:pk>/borrar/", views.evidence_delete, name="evidence_delete"),
    path("bitacora/<id:pk>/tarea/", views.mentor_log_task, name="mentor_log_task"),
    path("prototipos/<id:pk>/", views.prototype_detail, name="prototype"),
    path("prototipos/<id:pk>/fotos/", views.prototype_photo_upload, name="prototype_photo_upload"),
    path("prototipos/<id:pk>/opiniones/", views.prototype_feedback, name="prototype_feedback"),
    path("prototipos/fotos/<id:pk>/", views.prototype_photo, name="prototype_photo"),
]

from django.urls import path

from cms.referrals import feedback_views, views

app_name = "referrals"
urlpatterns = [
    # coordination
    path("", views.referral_list, name="list"),
    path("nueva/", views.referral_create, name="create"),
    path("<id:pk>/", views.referral_detail, name="detail"),
    path("<id:pk>/enviar/", views.referral_send, name="send"),
    path("<id:pk>/cerrar/", views.referral_close, name="close"),
    path("<id:pk>/revocar/", views.referral_revoke, name="revoke"),
    path("persona/<id:participant_pk>/", views.participant_referrals, name="participant"),
    # partner organisations
    path("recibidas/", views.partner_list, name="partner_list"),
    path("recibidas/<id:pk>/", views.partner_detail, name="partner_detail"),
    path("recibidas/<id:pk>/aceptar/", views.partner_accept, name="partner_accept"),
    path("recibidas/<id:pk>/rechazar/", views.partner_reject, name="partner_reject"),
    path("recibidas/<id:pk>/atendida/", views.partner_attend, name="partner_attend"),
    # the person
    path("mias/", views.mine, name="mine"),
    path("mias/<id:pk>/retirar/", views.withdraw, name="withdraw"),
    # the satisfaction question after childcare or credit (hers, or written down by coordination at a call)
    path("mias/<id:pk>/opinion/", feedback_views.feedback, name="feedback"),
    path("opiniones/", feedback_views.pending, name="feedback_pending"),
    path("<id:pk>/opinion/", feedback_views.record, name="feedback_record"),
]

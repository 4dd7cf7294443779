from django.urls import path

from cms.accounts import views

app_name = "accounts"
urlpatterns = [
    path("entrar/", views.LoginView.as_view(), name="login"),
    path("salir/", views.LogoutView.as_view(), name="logout"),
    path("registro/", views.signup, name="signup"),
    path("perfil/", views.profile, name="profile"),
    path("consentimiento/", views.consent, name="consent"),
    path("datos/", views.consent_text, name="consent_text"),
    path("sesion/estado/", views.session_status, name="session_status"),
    path("verificacion/", views.second_factor, name="second_factor"),
    path("verificacion/activar/", views.second_factor_setup, name="second_factor_setup"),
]

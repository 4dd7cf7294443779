import time

from django.contrib.auth import views as auth_views
from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cms.accounts.forms import LoginForm
from cms.accounts.middleware import SESSION_SEEN, idle_limit_seconds

EXPIRY_MESSAGES = {
    "inactividad": _("Cerramos tu sesión porque no hubo actividad. Vuelve a entrar."),
    "limite": _("Tu sesión duró 8 horas y se cerró. Vuelve a entrar."),
    "salida": _("Saliste de Semilla. Ya puedes dejar la computadora."),
}


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notice"] = EXPIRY_MESSAGES.get(self.request.GET.get("motivo", ""))
        return context


class LogoutView(auth_views.LogoutView):
    """POST only. Tells the browser to wipe what it kept of this site: shared computers."""

    next_page = "/cuenta/entrar/?motivo=salida"

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"cache", "cookies", "storage"'
        return response


@require_GET
def session_status(request):
    """Seconds left before idle logout; does not count as activity (see middleware)."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False, "seconds_left": 0})
    seen = request.session.get(SESSION_SEEN, int(time.time()))
    left = idle_limit_seconds(request.user) - (int(time.time()) - seen)
    return JsonResponse({"authenticated": True, "seconds_left": max(left, 0)})

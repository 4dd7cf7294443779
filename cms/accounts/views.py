import time
from base64 import b32encode
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from cms.accounts import devices, selectors, services
from cms.accounts.forms import CodeForm, ConsentForm, LoginForm, ProfileForm, SignupForm, wait_message
from cms.accounts.middleware import CONSENT_NEEDED, SESSION_SEEN, idle_limit_seconds, second_factor_pending
from cms.accounts.qr import qr_svg_data_uri

EXPIRY_MESSAGES = {
    "inactividad": _("Cerramos tu sesión porque no hubo actividad. Vuelve a entrar."),
    "limite": _("Tu sesión duró 8 horas y se cerró. Vuelve a entrar."),
    "salida": _("Saliste de Semilla. Ya puedes dejar la computadora."),
}
MODEL_BACKEND = "cms.accounts.backends.RolesModelBackend"


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["notice"] = EXPIRY_MESSAGES.get(self.request.GET.get("motivo", ""))
        return context

    def form_valid(self, form):
        response = super().form_valid(form)
        if second_factor_pending(self.request):
            query = urlencode({"next": self.get_success_url()})
            return redirect(f"{reverse('accounts:second_factor')}?{query}")
        if selectors.consent_needed_by(user=self.request.user):
            # A new text was published (or a coordinator opened the account): ask before anything else.
            self.request.session[CONSENT_NEEDED] = True
            query = urlencode({"next": self.get_success_url()})
            return redirect(f"{reverse('accounts:consent')}?{query}")
        return response


class LogoutView(auth_views.LogoutView):
    """POST only. Tells the browser to wipe what it kept of this site (shared computers). On a phone marked as
    her own it first asks whether to keep her downloads (see cms.accounts.devices)."""

    next_page = "/cuenta/entrar/?motivo=salida"

    def post(self, request, *args, **kwargs):
        if devices.logout_choice_needed(request):
            return render(request, "accounts/logout_choice.html")
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = devices.clear_site_data_for(request)
        return response


@require_GET
def session_status(request):
    """Seconds left before idle logout; does not count as activity (see middleware)."""
    if not request.user.is_authenticated:
        return JsonResponse({"authenticated": False, "seconds_left": 0})
    seen = request.session.get(SESSION_SEEN, int(time.time()))
    left = idle_limit_seconds(request.user) - (int(time.time()) - seen)
    return JsonResponse({"authenticated": True, "seconds_left": max(left, 0)})


@require_http_methods(["GET", "POST"])
def signup(request):
    """Create a learner account; only with the current consent accepted."""
    if request.user.is_authenticated:
        return redirect("home:dashboard")
    consent = selectors.consent_current()
    form = SignupForm(request.POST or None)
    if request.method == "POST" and consent is not None and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.user_signup(
                username=data["username"],
                password=data["password1"],
                consent=consent,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
            )
        except IntegrityError:  # someone took the same name in the instant between the check and the write
            form.username_unavailable(data["username"])
        else:
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, _("¡Bienvenida o bienvenido a Semilla! Tu cuenta está lista."))
            return redirect(f"{reverse('accounts:profile')}?nuevo=1")
    return render(request, "accounts/signup.html", {"form": form, "consent": consent})


@require_GET
def consent_text(request):
    """The current consent text, public, so anyone can read it before or after signing up."""
    return render(request, "accounts/consent_text.html", {"consent": selectors.consent_current()})


@login_required
@require_http_methods(["GET", "POST"])
def consent(request):
    """Accept the current consent text (asked at login when it changed)."""
    current = selectors.consent_current()
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse("home:dashboard")
    if current is None or not selectors.consent_needed_by(user=request.user):
        request.session.pop(CONSENT_NEEDED, None)
        return redirect(next_url)
    form = ConsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.consent_accept(user=request.user, version=current)
        request.session.pop(CONSENT_NEEDED, None)
        messages.success(request, _("Gracias. Guardamos tu respuesta."))
        return redirect(next_url)
    return render(request, "accounts/consent.html", {"form": form, "consent": current, "next": next_url})


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    """The person's own optional profile. There is no URL for anyone else's."""
    form = ProfileForm(request.POST or None, instance=selectors.profile_for(user=request.user))
    if request.method == "POST" and form.is_valid():
        services.profile_update(user=request.user, data=form.cleaned_data)
        messages.success(request, _("Guardamos tu perfil."))
        return redirect("accounts:profile")
    return render(request, "accounts/profile.html", {"form": form, "is_new": request.GET.get("nuevo") == "1"})


def _next_url(request, default: str) -> str:
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return next_url
    return default


def _code_checked(request, form: CodeForm, device) -> bool:
    """Confirm the form's code with `device`; on refusal put the reason next to the field."""
    try:
        services.second_factor_confirm(request=request, device=device, code=form.cleaned_data["code"])
    except services.CodeRefused as refused:
        form.add_error(
            "code",
            wait_message(refused.wait_seconds)
            if refused.wait_seconds
            else _("Ese código no es correcto o ya cambió. Escribe el que muestra tu aplicación ahora."),
        )
        return False
    return True


@login_required
@require_http_methods(["GET", "POST"])
def second_factor(request):
    """Staff confirm their sign-in with the 6-digit code of their app (a first time sets the app up)."""
    next_url = _next_url(request, reverse("wagtailadmin_home"))
    if not second_factor_pending(request):
        return redirect(next_url)
    device = selectors.totp_device_for(user=request.user)
    if device is None:
        return redirect(f"{reverse('accounts:second_factor_setup')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _code_checked(request, form, device):
        return redirect(next_url)
    return render(request, "accounts/second_factor.html", {"form": form, "next": next_url})


@login_required
@require_http_methods(["GET", "POST"])
def second_factor_setup(request):
    """Staff without an app yet: show the secret (QR, link and text), then confirm it with a first code."""
    next_url = _next_url(request, reverse("wagtailadmin_home"))
    if not second_factor_pending(request):
        return redirect(next_url)
    if selectors.totp_device_for(user=request.user) is not None:
        return redirect(f"{reverse('accounts:second_factor')}?{urlencode({'next': next_url})}")
    device = services.totp_device_pending_ensure(user=request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _code_checked(request, form, device):
        messages.success(request, _("Listo. Desde ahora, al entrar te pediremos un código de tu aplicación."))
        return redirect(next_url)
    secret = b32encode(device.bin_key).decode("ascii")
    return render(
        request,
        "accounts/second_factor_setup.html",
        {
            "form": form,
            "next": next_url,
            "uri": device.config_url,
            "qr": qr_svg_data_uri(device.config_url),
            "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        },
    )

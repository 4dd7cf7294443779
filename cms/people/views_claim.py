"""Invitations to claim an account: coordinators make and print them (/coordinacion/invitar/), the person
uses them (/invitacion/)."""

from django.contrib import messages
from django.contrib.auth import login
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.accounts import selectors as account_selectors
from cms.accounts.forms import SignupForm
from cms.accounts.models import Participant
from cms.accounts.qr import qr_svg_data_uri
from cms.people import services_claim as services
from cms.people.access import coordination_required
from cms.people.forms_desk import InviteCodeForm
from cms.people.models import AccountInvite
from cms.people.selectors import participant_for, participants_visible_to

MODEL_BACKEND = "cms.accounts.backends.RolesModelBackend"


@require_http_methods(["GET", "POST"])
@coordination_required
def invite_new(request, pk: int):
    try:
        participant = participant_for(user=request.user, pk=pk)
    except Participant.DoesNotExist:
        raise Http404 from None
    if request.method == "POST":
        try:
            invite = services.invite_create(by=request.user, participant=participant)
        except services.InviteInvalid as refused:
            messages.error(request, str(refused))
        else:
            return redirect("invite:print", pk=invite.pk)
    return render(request, "people/claim/invite_new.html", {"participant": participant})


@require_http_methods(["GET"])
@coordination_required
def invite_print(request, pk: int):
    visible = participants_visible_to(user=request.user).values("pk")
    try:
        invite = AccountInvite.objects.select_related("participant").get(pk=pk, participant__in=visible)
    except AccountInvite.DoesNotExist:
        raise Http404 from None
    link = request.build_absolute_uri(reverse("claim:claim", args=[services.invite_token(invite)]))
    context = {
        "invite": invite,
        "code": services.code_shown(invite.code),
        "link": link,
        "entry": request.build_absolute_uri(reverse("claim:enter")),
        "qr": qr_svg_data_uri(link),
        "expires": services.invite_expires_at(invite),
    }
    return render(request, "people/claim/invite_print.html", context)


@require_http_methods(["GET", "POST"])
def enter(request):
    """The person types the code from her printed sheet."""
    form = InviteCodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invite = services.invite_from_code(form.cleaned_data["code"])
        except services.InviteInvalid as refused:
            form.add_error("code", str(refused))
        else:
            return redirect("claim:claim", token=services.invite_token(invite))
    return render(request, "people/claim/enter.html", {"form": form})


@require_http_methods(["GET", "POST"])
def claim(request, token: str):
    if request.user.is_authenticated:
        return redirect("home:dashboard")
    try:
        invite = services.invite_from_token(token)
    except services.InviteInvalid as refused:
        return render(request, "people/claim/invalid.html", {"message": str(refused)}, status=404)
    consent = account_selectors.consent_current()
    person = invite.participant
    initial = {"first_name": person.given_names, "last_name": person.surnames, "phone": person.phone}
    form = SignupForm(request.POST or None, initial=initial)
    if request.method == "POST" and consent is not None and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.invite_claim(
                invite=invite,
                username=data["username"],
                password=data["password1"],
                consent=consent,
                first_name=data["first_name"],
                last_name=data["last_name"],
                email=data["email"],
                phone=data["phone"],
            )
        except IntegrityError:
            form.username_unavailable(data["username"])
        except services.InviteInvalid as refused:
            return render(request, "people/claim/invalid.html", {"message": str(refused)}, status=404)
        else:
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, _("¡Listo! Ya tienes tu cuenta y tus datos siguen contigo."))
            return redirect("home:dashboard")
    return render(request, "people/claim/claim.html", {"form": form, "consent": consent, "person": person})

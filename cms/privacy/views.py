"""The person's own privacy pages ("Mis datos") and the coordinators' desk of requests with clocks."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.accounts.models import ConsentVersion, Participant
from cms.accounts.roles import Role, has_role
from cms.people.selectors import participant_for
from cms.privacy import selectors, services
from cms.privacy.forms import AnswerForm, CenterRequestForm, EraseConfirmForm, RectifyForm
from cms.privacy.models import PrivacyRequest


def _own_participant(request) -> Participant | None:
    return Participant.objects.filter(user=request.user).first()


@login_required
def my_data(request):
    """Her privacy home: download, who read, erase, her requests. There is no URL for anyone else's."""
    participant = _own_participant(request)
    return render(
        request,
        "privacy/my_data.html",
        {"requests": selectors.requests_of(participant=participant)},
    )


def _filename(extension: str) -> str:
    return f"mis-datos-semilla-{timezone.localdate():%Y-%m-%d}.{extension}"


@login_required
def export_json(request):
    document = selectors.person_export(who=request.user)
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename("json")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def export_html(request):
    document = selectors.person_export(who=request.user)
    page = render_to_string("privacy/export.html", {"document": document, "user": request.user})
    response = HttpResponse(page, content_type="text/html; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename("html")}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def who_read(request):
    reads = selectors.who_read_my_data(participant=_own_participant(request))
    return render(request, "privacy/who_read.html", {"reads": reads})


@login_required
@require_http_methods(["GET", "POST"])
def erase(request):
    """Shows what erasure would remove and keep (from the registry); on confirm files the request."""
    form = EraseConfirmForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.privacy_request_file(
            participant=services.participant_of(request.user),
            kind=PrivacyRequest.Kind.ERASE,
            by=request.user,
            channel=PrivacyRequest.Channel.SELF,
        )
        messages.success(request, _("Recibimos tu pedido. Te respondemos en 15 días como máximo."))
        return redirect("privacy:my_data")
    lines = selectors.erasure_preview(who=request.user)
    return render(
        request,
        "privacy/erase.html",
        {"form": form, "erased": [x for x in lines if not x.kept], "kept": [x for x in lines if x.kept]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rectify(request):
    """She corrects her names or phone; organisations that received them get the correction."""
    user = request.user
    own = _own_participant(request) or Participant(
        user=user, given_names=user.first_name, surnames=user.last_name, phone=user.phone
    )
    form = RectifyForm(request.POST or None, instance=own)
    if request.method == "POST" and form.is_valid():
        changed = services.person_rectify(user=user, data=form.cleaned_data)
        if changed:
            messages.success(
                request, _("Guardamos tus datos corregidos. Si te derivamos a una organización, ya ve el dato nuevo.")
            )
        return redirect("privacy:my_data")
    return render(request, "privacy/rectify.html", {"form": form}, status=400 if form.is_bound else 200)


def notice(request):
    """The privacy notice (LOPDP Art. 12): the current consent version's text, and the rights, deadlines and
    the data protection officer's contact. Public: it must be readable before signing up."""
    return render(
        request,
        "privacy/notice.html",
        {"consent": ConsentVersion.objects.first(), "dpo_contact": settings.SEMILLA_DPO_CONTACT},
    )


# ---- the coordinators' desk ------------------------------------------------------------------------------


def _coordinator(request) -> None:
    if not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
        raise Http404


@login_required
def requests_list(request):
    """Requests of the people she may see: what is due and what is late."""
    _coordinator(request)
    now = timezone.now()
    rows = [(r, r.is_late(now)) for r in selectors.requests_visible_to(user=request.user)]
    return render(request, "privacy/requests.html", {"rows": rows, "now": now})


@login_required
@require_http_methods(["GET", "POST"])
def request_file(request, participant_pk: int):
    """A coordinator files a request for a person she may see (404 otherwise), saying how she checked who."""
    _coordinator(request)
    try:
        participant = participant_for(user=request.user, pk=participant_pk)
    except Participant.DoesNotExist:
        raise Http404 from None
    form = CenterRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.privacy_request_file(
            participant=participant, by=request.user, channel=PrivacyRequest.Channel.CENTER, **form.cleaned_data
        )
        messages.success(request, _("Registramos la solicitud. Hay 15 días para responder."))
        return redirect("privacy:requests")
    return render(request, "privacy/request_file.html", {"form": form, "participant": participant})


@login_required
@require_POST
def request_answer(request, pk: int):
    _coordinator(request)
    try:
        privacy_request = selectors.request_for(user=request.user, pk=pk)
    except PrivacyRequest.DoesNotExist:
        raise Http404 from None
    form = AnswerForm(request.POST)
    if form.is_valid():
        try:
            services.privacy_request_answer(request=privacy_request, by=request.user, **form.cleaned_data)
        except services.RequestRefused:
            messages.error(request, _("Esta solicitud ya fue respondida."))
        else:
            messages.success(request, _("Respuesta guardada."))
    return redirect("privacy:requests")

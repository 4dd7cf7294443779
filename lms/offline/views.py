"""Views of the offline app: the signed manifest and the pack's resources, the outbox sync, "Mis descargas",
"Este es mi teléfono" and the download offer on the module page."""

import json

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.formats import number_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from cms.accounts.devices import OWN_DEVICE_COOKIE, is_own_device
from lms.courses.models import LessonPage
from lms.offline import selectors, services

OWN_DEVICE_SECONDS = 365 * 24 * 60 * 60


def _learner_module(request, module_id: int):
    found = selectors.module_for_learner(request=request, module_id=module_id)
    if found is None:
        raise Http404
    return found


@require_GET
def manifest(request, module_id: int):
    """The signed pack manifest of a module, for an active learner of its course (404 for anyone else)."""
    module, progress = _learner_module(request, module_id)
    pack = selectors.pack_for(module=module, h5p=request.GET.get("h5p") == "1")
    data = selectors.manifest_for(user=request.user, pack=pack, progress=progress)
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@require_POST
def manifest_check(request, module_id: int):
    """The device asks whether the manifest it holds is authentic, hers and current (JSON body)."""
    module, _progress = _learner_module(request, module_id)
    try:
        held = json.loads(request.body[: services.MAX_BODY_BYTES + 1])
    except ValueError:
        held = None
    pack = selectors.pack_for(module=module, h5p=any(r.get("kind") == "h5p" for r in _resources_of(held)))
    if not isinstance(held, dict) or not selectors.manifest_is_authentic(user=request.user, manifest=held, pack=pack):
        return JsonResponse(
            {"ok": False, "message": _("Este paquete no es válido o está desactualizado. Descárgalo de nuevo.")},
            status=409,
        )
    return JsonResponse({"ok": True})


def _resources_of(held) -> list[dict]:
    resources = held.get("resources") if isinstance(held, dict) else None
    return [r for r in resources if isinstance(r, dict)] if isinstance(resources, list) else []


@require_GET
def lesson(request, module_id: int, lesson_id: int):
    """A lesson of the pack, rendered the same for everyone (its bytes match the manifest's hash)."""
    module, _progress = _learner_module(request, module_id)
    page = get_object_or_404(LessonPage.objects.live().child_of(module), pk=lesson_id)
    renditions = selectors.light_renditions([page])
    html = selectors.lesson_offline_html(module=module, lesson=page, renditions=renditions)
    return HttpResponse(html, content_type="text/html; charset=utf-8")


@require_GET
def quiz(request, module_id: int, quiz_id: int):
    """A quiz of the pack as JSON: questions and options, never the answers."""
    module, _progress = _learner_module(request, module_id)
    pack = selectors.pack_for(module=module)
    if quiz_id not in {q.id for q in pack.quizzes}:
        raise Http404
    quiz_obj, questions = selectors.quizzes_with_questions({quiz_id})[quiz_id]
    data = selectors.quiz_json_bytes(selectors.quiz_public_data(quiz=quiz_obj, questions=questions))
    return HttpResponse(data, content_type="application/json")


@require_POST
def sync(request):
    """The outbox: every item answered with its result; a retried key gets the stored result (CSRF-checked)."""
    if not request.user.is_authenticated:
        return JsonResponse({"message": _("Entra a tu cuenta para enviar tus respuestas.")}, status=401)
    length = int(request.META.get("CONTENT_LENGTH") or 0)
    if length > services.MAX_BODY_BYTES or len(request.body) > services.MAX_BODY_BYTES:
        return JsonResponse({"message": _("El envío es demasiado grande. Envía tus respuestas en partes.")}, status=413)
    try:
        items = services.outbox_parse(json.loads(request.body))
    except ValueError:
        return JsonResponse({"message": _("No se pudo leer el envío.")}, status=400)
    except services.OutboxInvalid as error:
        return JsonResponse({"message": error.message}, status=400)
    try:
        results = services.outbox_sync(user=request.user, items=items)
    except services.EnrolmentEnded as error:
        return JsonResponse({"message": error.message}, status=403)
    return JsonResponse({"results": results}, json_dumps_params={"ensure_ascii": False})


@login_required
@require_GET
def my_downloads(request):
    """Packs live on the device: the page is a shell the script fills; without it, it says so."""
    own_device = is_own_device(request)
    return TemplateResponse(
        request, "offline/my_downloads.html", {"own_device": own_device, "offline_strings": selectors.client_strings()}
    )


@require_GET
def service_worker(request):
    """The service worker, served under /aprender/ so its scope covers the packs (the file lives in static)."""
    _url, body = selectors.static_file("semilla/offline-sw.js")
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response


@require_POST
@login_required
def own_device(request):
    """Mark this device as her own ("Este es mi teléfono"): a cookie; logging out on it asks
    whether to keep her downloads (cms.accounts.devices)."""
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=False):
        target = "offline:my_downloads"
    response = redirect(target)
    if request.POST.get("propio") == "1":
        response.set_cookie(OWN_DEVICE_COOKIE, "1", max_age=OWN_DEVICE_SECONDS, httponly=True, samesite="Lax")
    else:
        response.delete_cookie(OWN_DEVICE_COOKIE, samesite="Lax")
    return response


def module_offer_panel(*, request, module, progress) -> str:
    """The download offer on the module page: only for an active learner of an unlocked module; with the size
    and cost only on a device she marked as her own (shared computers get no pack)."""
    current = next((m for m in progress.modules if m.module.id == module.id), None)
    if not progress.is_active or current is None or current.locked or not current.lessons:
        return ""
    context = {"own_device": is_own_device(request), "next": request.get_full_path()}
    if context["own_device"]:
        total, cost, version = selectors.cached_pack_summary(module=module)
        context.update(
            module_id=module.id,
            version=version,
            manifest_url=_manifest_url(module.id),
            size=number_format(round(total / selectors.MB, 1), 1),
            cost=number_format(cost, 2),
            offline_strings=selectors.client_strings(),
        )
    return render_to_string("offline/module_offer.html", context, request=request)


def _manifest_url(module_id: int) -> str:
    from django.urls import reverse

    return reverse("offline:manifest", kwargs={"module_id": module_id})

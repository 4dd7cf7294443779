"""Main-origin endpoints of H5P: open an activity (signed redirect), receive statements and state."""

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms.courses.models import LessonPage
from lms.h5p.licences import h5p_player_notices
from lms.h5p.models import H5PActivity
from lms.h5p.selectors import can_play
from lms.h5p.services import h5p_state_save, h5p_statement_record
from lms.h5p.signing import H5PTokenError, h5p_token_issue, h5p_token_read
from lms.h5p.xapi import MAX_STATEMENT_BYTES, verb_of


def _playable(activity_id: int, lesson_id: int) -> tuple[H5PActivity, LessonPage]:
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    activity = get_object_or_404(H5PActivity, pk=activity_id)
    return activity, lesson


def _error(message: str, status: int) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


@login_required
@require_GET
def open_activity(request, activity_id: int, lesson_id: int):
    """Issue a fresh signed URL for this learner and send the frame to the content origin."""
    activity, lesson = _playable(activity_id, lesson_id)
    if not can_play(user=request.user, lesson=lesson, activity_id=activity.pk):
        return HttpResponseForbidden(_("No tienes acceso a esta actividad."))
    token = h5p_token_issue(user_id=request.user.pk, activity_id=activity.pk, lesson_id=lesson.pk)
    return redirect(f"{settings.H5P_CONTENT_ORIGIN}/h5p-contenido/{token}/")


def _payload(request, activity: H5PActivity, lesson: LessonPage):
    """The JSON body, if small, well formed and carrying this learner's token for this activity."""
    if len(request.body) > MAX_STATEMENT_BYTES:
        return None, _error(_("Los datos pasan de 64 KB."), 413)
    try:
        body = json.loads(request.body)
        grant = h5p_token_read(str(body.get("token", "")))
    except (ValueError, AttributeError, H5PTokenError):
        return None, _error(_("Datos o enlace no válidos."), 400)
    if (grant.user_id, grant.activity_id, grant.lesson_id) != (request.user.pk, activity.pk, lesson.pk):
        return None, _error(_("Estos datos no son de tu actividad."), 403)
    return body, None


@login_required
@require_POST
def receive_statement(request, activity_id: int, lesson_id: int):
    activity, lesson = _playable(activity_id, lesson_id)
    body, error = _payload(request, activity, lesson)
    if error:
        return error
    statement = body.get("statement")
    if not isinstance(statement, dict) or verb_of(statement) is None:
        return _error(_("Ese tipo de registro no se acepta."), 400)
    h5p_statement_record(user=request.user, activity=activity, lesson=lesson, statement=statement)
    return JsonResponse({"ok": True}, status=201)


@login_required
@require_POST
def save_state(request, activity_id: int, lesson_id: int):
    activity, lesson = _playable(activity_id, lesson_id)
    body, error = _payload(request, activity, lesson)
    if error:
        return error
    state = body.get("state")
    if not isinstance(state, str):
        return _error(_("Datos no válidos."), 400)
    h5p_state_save(user=request.user, activity=activity, lesson=lesson, data=state)
    return JsonResponse({"ok": True})


@require_GET
def licences(request):
    return render(request, "h5p/licences.html", {"notices": h5p_player_notices()})

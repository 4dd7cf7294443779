"""Plain pages of the mentoring rooms: they work without JavaScript; the socket only adds liveness."""

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.accounts.roles import Role, has_role
from incubator.mentoring import selectors, services
from incubator.mentoring.forms import MessageForm, NotesForm, PollForm, SessionScheduleForm
from incubator.mentoring.ics import session_ics
from incubator.mentoring.models import HandRaise
from incubator.mentoring.selectors import RoomAccess, RoomStatus
from incubator.mentoring.tasks import attendance_csv_job


def _room_or_404(request: HttpRequest, pk: int, *, moderator: bool = False):
    """The session if the person belongs to it (404 otherwise: its existence is not revealed)."""
    access, session = selectors.room_access(session_id=pk, user=request.user)
    if not access.allowed:
        raise Http404
    if moderator and not access.moderator:
        raise PermissionDenied
    return access, session


@login_required
def session_list(request):
    """Mis mentorías: the sessions the person mentors, takes part in or coordinates (selectors.room_access)."""
    return render(
        request,
        "mentoring/session_list.html",
        {
            "upcoming": selectors.sessions_upcoming_for(user=request.user),
            "past": selectors.sessions_past_for(user=request.user),
            "can_schedule": has_role(request.user, Role.MENTOR, Role.COORDINATOR, Role.ADMIN),
        },
    )


@login_required
def session_new(request):
    if not has_role(request.user, Role.MENTOR, Role.COORDINATOR, Role.ADMIN):
        raise PermissionDenied
    require_mentor = not has_role(request.user, Role.MENTOR)
    search = request.GET.get("q", "").strip()[:100]  # the participants' search box (a plain GET form)
    form = SessionScheduleForm(request.POST or None, user=request.user, require_mentor=require_mentor, search=search)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.session_schedule(by=request.user, **form.cleaned_data)
        except ValidationError as exc:  # the same rule the form applies, checked again by the service
            form.add_error(None, exc)
        else:
            messages.success(request, _("La sesión quedó agendada."))
            return redirect("mentoring:room", pk=session.pk)
    return render(request, "mentoring/session_form.html", {"form": form, "search": search})


def _room_context(request: HttpRequest, pk: int, access: RoomAccess, session, **extra) -> dict:
    before = request.GET.get("antes")
    before_id = int(before) if before and before.isdigit() else None
    history, has_more = selectors.messages_latest(session_id=pk, before_id=before_id)
    own_hand = HandRaise.objects.filter(session_id=pk, user=request.user, lowered_at__isnull=True).exists()
    notes = selectors.notes_of(session_id=pk)
    muted = access.muted and not access.moderator
    form = MessageForm()
    form.fields["text"].disabled = muted  # shown, so the room can enable it again the moment she is unmuted
    context = {
        "session": session,
        "access": access,
        "history": history,
        "has_more": has_more,
        "older_id": history[0].pk if history and has_more else None,
        "paging": before_id is not None,
        "last_id": history[-1].pk if history and not before_id else 0,
        "form": form,
        "muted": muted,
        "open": access.status == RoomStatus.OPEN,
        "not_yet": access.status == RoomStatus.NOT_YET,
        "own_hand": own_hand,
        "people": selectors.presence_list(session_id=pk),
        "hands": selectors.hand_queue(session_id=pk),
        "polls": selectors.polls_for(session_id=pk, user_id=request.user.pk),
        "notes": notes,
        "notes_form": NotesForm(initial={"texto": notes["text"], "version": notes["version"]}),
        "poll_form": PollForm(),
        "roster": selectors.room_roster(session=session) if access.moderator else [],
    }
    context.update(extra)
    return context


@login_required
def room(request, pk: int):
    access, session = _room_or_404(request, pk)
    return render(request, "mentoring/room.html", _room_context(request, pk, access, session))


def _writable(access: RoomAccess) -> bool:
    return access.status == RoomStatus.OPEN and access.can_write


@login_required
@require_POST
def message_create(request, pk: int):
    access, _session = _room_or_404(request, pk)
    if not _writable(access):
        messages.error(request, _("Ahora no puedes escribir en esta sala."))
        return redirect("mentoring:room", pk=pk)
    form = MessageForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Escribe un mensaje de hasta 2000 letras."))
        return redirect("mentoring:room", pk=pk)
    try:
        services.message_post(session_id=pk, author=request.user, text=form.cleaned_data["text"])
    except services.RoomError as exc:
        messages.error(request, exc.message)
    return redirect(reverse("mentoring:room", args=[pk]) + "#escribir")


@login_required
@require_POST
def hand_toggle(request, pk: int):
    access, _session = _room_or_404(request, pk)
    person = request.POST.get("persona", "")
    if person.isdigit() and int(person) != request.user.pk:  # a moderator answers someone's hand
        if not access.moderator:
            raise PermissionDenied
        services.hand_lower(session_id=pk, user_id=int(person), by=request.user)
    elif request.POST.get("accion") == "bajar":
        services.hand_lower(session_id=pk, user_id=request.user.pk, by=request.user)
    elif _writable(access):
        services.hand_raise(session_id=pk, user=request.user)
    else:
        messages.error(request, _("Ahora no puedes levantar la mano."))
    return redirect("mentoring:room", pk=pk)


@login_required
@require_POST
def poll_vote(request, pk: int, poll_id: int):
    access, _session = _room_or_404(request, pk)
    option = request.POST.get("opcion", "")
    if not _writable(access) or not option.isdigit():
        messages.error(request, _("No se pudo guardar tu voto."))
        return redirect("mentoring:room", pk=pk)
    try:
        services.poll_vote(session_id=pk, poll_id=poll_id, option_id=int(option), user=request.user)
        messages.success(request, _("Tu voto quedó guardado."))
    except services.RoomError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:room", pk=pk)


@login_required
@require_POST
def notes_save(request, pk: int):
    """Save the notes from the plain form; on a conflict show the saved text and keep the person's own."""
    access, session = _room_or_404(request, pk)
    form = NotesForm(request.POST)
    if not _writable(access) or not form.is_valid():
        messages.error(request, _("No se pudieron guardar las notas."))
        return redirect("mentoring:room", pk=pk)
    try:
        services.notes_save(
            session_id=pk, by=request.user, text=form.cleaned_data["texto"], base_version=form.cleaned_data["version"]
        )
    except services.NotesConflict as exc:
        current = selectors.notes_of(session_id=pk)
        context = _room_context(
            request,
            pk,
            access,
            session,
            notes=current,
            notes_conflict=exc.message,
            my_notes=form.cleaned_data["texto"],
            notes_form=NotesForm(initial={"texto": current["text"], "version": current["version"]}),
        )
        return render(request, "mentoring/room.html", context, status=409)
    except services.RoomError as exc:
        messages.error(request, exc.message)
        return redirect("mentoring:room", pk=pk)
    messages.success(request, _("Notas guardadas."))
    return redirect(reverse("mentoring:room", args=[pk]) + "#t-notes")


def _moderate(request: HttpRequest, pk: int, action: Callable[[], object], done: str) -> HttpResponse:
    """Run a moderator's action from a plain form and go back to the room with the outcome."""
    access, _session = _room_or_404(request, pk, moderator=True)
    if access.status != RoomStatus.OPEN:
        messages.error(request, _("La sala no está abierta."))
        return redirect("mentoring:room", pk=pk)
    try:
        action()
        messages.success(request, done)
    except services.RoomError as exc:
        messages.error(request, exc.message)
    return redirect("mentoring:room", pk=pk)


@login_required
@require_POST
def poll_create(request, pk: int):
    form = PollForm(request.POST)
    if not form.is_valid():
        _room_or_404(request, pk, moderator=True)
        messages.error(request, _("Escribe una pregunta y entre 2 y 6 respuestas."))
        return redirect("mentoring:room", pk=pk)
    return _moderate(
        request,
        pk,
        lambda: services.poll_create(
            session_id=pk,
            by=request.user,
            question=form.cleaned_data["pregunta"],
            options=form.options(),
        ),
        _("La encuesta quedó publicada."),
    )


@login_required
@require_POST
def poll_close(request, pk: int, poll_id: int):
    return _moderate(
        request, pk, lambda: services.poll_close(session_id=pk, poll_id=poll_id), _("La encuesta quedó cerrada.")
    )


@login_required
@require_POST
def message_delete(request, pk: int, message_id: int):
    return _moderate(
        request,
        pk,
        lambda: services.message_delete(session_id=pk, message_id=message_id, by=request.user),
        _("El mensaje quedó borrado."),
    )


@login_required
@require_POST
def member_mute(request, pk: int, user_id: int):
    if request.POST.get("accion") == "quitar":
        return _moderate(
            request,
            pk,
            lambda: services.member_unmute(session_id=pk, user_id=user_id, by=request.user),
            _("Esa persona ya puede escribir."),
        )
    return _moderate(
        request,
        pk,
        lambda: services.member_mute(session_id=pk, user_id=user_id, by=request.user),
        _("Esa persona quedó silenciada en esta sesión."),
    )


@login_required
@require_POST
def member_remove(request, pk: int, user_id: int):
    return _moderate(
        request,
        pk,
        lambda: services.member_remove(session_id=pk, user_id=user_id, by=request.user),
        _("Esa persona salió de la sala."),
    )


@login_required
@require_POST
def room_close(request, pk: int):
    _access, session = _room_or_404(request, pk, moderator=True)
    services.session_close(session=session, by=request.user)
    messages.success(request, _("La sala quedó cerrada."))
    return redirect("mentoring:room", pk=pk)


@login_required
def session_calendar(request, pk: int):
    _access, session = _room_or_404(request, pk)
    body = session_ics(
        session=session,
        room_url=request.build_absolute_uri(reverse("mentoring:room", args=[pk])),
        host=request.get_host().split(":")[0],
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="mentoria-{pk}.ics"'
    return response


@login_required
def attendance(request, pk: int):
    _access, session = _room_or_404(request, pk, moderator=True)
    return render(
        request,
        "mentoring/attendance.html",
        {
            "session": session,
            "lines": selectors.attendance_for(session=session),
        },
    )


@login_required
def attendance_csv(request, pk: int):
    """The attendance as a CSV file, made by a background job: this sends to its progress page."""
    _access, session = _room_or_404(request, pk, moderator=True)
    return redirect("jobs:status", job_id=attendance_csv_job(session=session, user=request.user).pk)


@login_required
def roll_call(request, pk: int):
    """Present/absent per person for in-person workshops, stored as attendance."""
    _access, session = _room_or_404(request, pk, moderator=True)
    members = selectors.room_members(session=session)
    if request.method == "POST":
        present = {}
        for person in members:
            value = request.POST.get(f"persona-{person.pk}")
            if value in ("presente", "ausente"):
                present[person.pk] = value == "presente"
        services.roll_call_save(session=session, by=request.user, present=present)
        messages.success(request, _("La lista quedó guardada."))
        return redirect("mentoring:attendance", pk=pk)
    current = {line.user.pk: line.in_person for line in selectors.attendance_for(session=session)}
    rows = [(person, current.get(person.pk)) for person in members]
    return render(request, "mentoring/roll_call.html", {"session": session, "rows": rows})

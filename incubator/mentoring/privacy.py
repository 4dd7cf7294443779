"""Personal data held by mentoring rooms: the messages she wrote, her votes, attendance."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import Redact, by_user, declare, framework
from incubator.mentoring.models import (
    Attendance,
    HandRaise,
    MentoringSession,
    NotesPad,
    Poll,
    PollOption,
    PollVote,
    RoomMessage,
    RoomMute,
    RoomRemoval,
)

SECTION = _("Mentorías")

declare(
    MentoringSession,
    section=SECTION,
    title=_("Sesiones de mentoría"),
    rows=by_user("participants", "mentors", "created_by", "closed_by"),
    export=("topic", "starts_at", "ends_at", "location"),
    erase=reasons.COUNTS,
)
declare(
    RoomMessage,
    section=SECTION,
    title=_("Mensajes que escribiste"),
    rows=by_user("author"),
    export=("session__topic", "text", "created_at", "deleted"),
    erase=Redact("text"),
    mentions=by_user("session__participants", "session__ventures__members", "session__attendance__user"),
)
declare(
    HandRaise,
    section=SECTION,
    title=_("Manos levantadas"),
    rows=by_user("user"),
    export=("session__topic", "raised_at", "lowered_at"),
    erase=reasons.COUNTS,
)
declare(
    Poll,
    section=SECTION,
    title=_("Encuestas que creaste"),
    rows=by_user("created_by"),
    export=("session__topic", "question", "created_at"),
    erase=reasons.TEAM,
)
declare(
    PollVote,
    section=SECTION,
    title=_("Tus votos"),
    rows=by_user("user"),
    export=("poll__question", "option__text", "created_at"),
    erase=reasons.COUNTS,
)
declare(
    NotesPad,
    section=SECTION,
    title=_("Notas compartidas que editaste"),
    rows=by_user("updated_by"),
    export=("session__topic", "text", "updated_at"),
    erase=reasons.TEAM,
)
declare(
    RoomMute,
    section=SECTION,
    title=_("Silencios en la sala"),
    rows=by_user("user", "by"),
    export=("session__topic", "created_at"),
    erase=reasons.AUDIT,
)
declare(
    RoomRemoval,
    section=SECTION,
    title=_("Salidas de la sala"),
    rows=by_user("user", "by"),
    export=("session__topic", "created_at"),
    erase=reasons.AUDIT,
)
declare(
    Attendance,
    section=SECTION,
    title=_("Asistencia"),
    rows=by_user("user"),
    export=("session__topic", "source", "present", "joined_at", "left_at"),
    erase=reasons.COUNTS,
)
framework(PollOption._meta.label, _("Opciones de una encuesta; no tienen datos de nadie."))

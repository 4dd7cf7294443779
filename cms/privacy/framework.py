"""Declarations for the models of Django, Wagtail, django-axes and django-otp that hold data about a person.
They live here because those apps are not ours; every rule is the same as for Semilla's own models."""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.models import EditingSession, FormState
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import (
    APIToken,
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
    TaskState,
    UploadedFile,
    WorkflowState,
)
from wagtail.users.models import UserProfile

from cms.personal_data import reasons
from cms.personal_data.registry import REDACTED, Custom, Delete, Redact, by_user, declare
from cms.privacy.models import SessionOwner
from cms.privacy.sessions import session_keys_of, sessions_end

SECTION = _("Tu cuenta y tu perfil")
STAFF_WORK = _("Tu trabajo en el equipo")


def _sessions(person):
    """Her open sessions, found through the index of sign-ins (cms/privacy/sessions.py), not by decoding."""
    if person.user is None:
        return Session.objects.none()
    return Session.objects.filter(session_key__in=session_keys_of(user_id=person.user.pk))


def _session_owners(person):
    if person.user is None:
        return SessionOwner.objects.none()
    return SessionOwner.objects.filter(user=person.user)


def _sessions_end(person, queryset) -> None:
    sessions_end(keys=list(queryset.values_list("session_key", flat=True)))


def _by_username(model):
    def rows(person):
        if person.user is None:
            return model.objects.none()
        return model.objects.filter(username__iexact=person.user.username)

    return rows


def _about_her(person) -> Q:
    """Log lines written by her, or about her account or registry record (their label holds her name)."""
    query = Q(pk__in=[])
    if person.user is not None:
        query |= Q(user=person.user) | Q(
            content_type=ContentType.objects.get_for_model(person.user), object_id=str(person.user.pk)
        )
    if person.participant is not None:
        query |= Q(
            content_type=ContentType.objects.get_for_model(person.participant), object_id=str(person.participant.pk)
        )
    return query


def _log_redact(person, queryset) -> None:
    queryset.update(label=REDACTED, data={})


def _admin_log_rows(person):
    query = Q(pk__in=[])
    if person.user is not None:
        query |= Q(user=person.user) | Q(
            content_type=ContentType.objects.get_for_model(person.user), object_id=str(person.user.pk)
        )
    if person.participant is not None:
        query |= Q(
            content_type=ContentType.objects.get_for_model(person.participant), object_id=str(person.participant.pk)
        )
    return LogEntry.objects.filter(query)


def _admin_log_redact(person, queryset) -> None:
    queryset.update(object_repr=REDACTED, change_message="")


LOG_REDACT = _("Se queda el registro de qué se hizo y cuándo; se borra tu nombre de él.")

declare(Session, section=SECTION, title=_("Sesiones abiertas"), rows=_sessions, export=("expire_date",), erase=Delete())
# The index is what erasure walks: ending a session through the engine also drops its cached copy (Redis).
declare(
    SessionOwner,
    section=SECTION,
    title=_("Entradas con tu cuenta abiertas"),
    rows=_session_owners,
    export=("created_at",),
    erase=Custom(_sessions_end, _("Se cierran: tu cuenta sale de todas las computadoras donde estaba abierta.")),
)
declare(
    UserProfile,
    section=SECTION,
    title=_("Preferencias del panel"),
    rows=by_user("user"),
    export=("preferred_language", "current_time_zone"),
    erase=Delete(),
)
declare(
    TOTPDevice,
    section=SECTION,
    title=_("Verificación en dos pasos"),
    rows=by_user("user"),
    export=("name", "confirmed", "created_at", "last_used_at"),
    erase=Delete(),
)
for model in (AccessAttempt, AccessLog, AccessFailureLog):
    declare(
        model,
        section=SECTION,
        title=_("Registro de entradas a tu cuenta"),
        rows=_by_username(model),
        export=("attempt_time", "ip_address", "user_agent"),
        erase=Delete(),
    )
declare(
    ModelLogEntry,
    section=SECTION,
    title=_("Historial de cambios del panel"),
    rows=lambda person: ModelLogEntry.objects.filter(_about_her(person)),
    export=("action", "timestamp"),
    erase=Custom(_log_redact, LOG_REDACT),
)
declare(
    LogEntry,
    section=SECTION,
    title=_("Historial de cambios del panel (Django)"),
    rows=_admin_log_rows,
    export=("action_flag", "action_time"),
    erase=Custom(_admin_log_redact, LOG_REDACT),
)

declare(
    EditingSession,
    section=STAFF_WORK,
    title=_("Ediciones abiertas en el panel"),
    rows=by_user("user"),
    export=("last_seen_at",),
    erase=Delete(),
)
declare(
    FormState,
    section=STAFF_WORK,
    title=_("Formularios a medio llenar del panel"),
    rows=by_user("user"),
    export=("last_updated_at",),
    erase=Delete(),
)
declare(
    APIToken,
    section=STAFF_WORK,
    title=_("Claves de acceso a la API"),
    rows=by_user("user"),
    export=("name", "created"),
    erase=Delete(),
)
declare(
    PageSubscription,
    section=STAFF_WORK,
    title=_("Avisos de páginas"),
    rows=by_user("user"),
    export=("page__title",),
    erase=Delete(),
)
declare(
    Comment,
    section=STAFF_WORK,
    title=_("Comentarios en páginas"),
    rows=by_user("user"),
    export=("page__title", "text", "created_at"),
    erase=Redact("text"),
)
declare(
    CommentReply,
    section=STAFF_WORK,
    title=_("Respuestas a comentarios"),
    rows=by_user("user"),
    export=("comment__page__title", "text", "created_at"),
    erase=Redact("text"),
)
declare(
    Page,
    section=STAFF_WORK,
    title=_("Páginas del sitio"),
    rows=by_user("owner", "locked_by"),
    export=("title",),
    erase=reasons.STAFF,
)
declare(
    PageLogEntry,
    section=STAFF_WORK,
    title=_("Historial de páginas"),
    rows=by_user("user"),
    export=("action", "timestamp"),
    erase=reasons.STAFF,
)
declare(
    Revision,
    section=STAFF_WORK,
    title=_("Versiones de páginas"),
    rows=by_user("user"),
    export=("object_str", "created_at"),
    erase=reasons.STAFF,
)
declare(
    WorkflowState,
    section=STAFF_WORK,
    title=_("Revisiones de páginas pedidas"),
    rows=by_user("requested_by"),
    export=("status", "created_at"),
    erase=reasons.STAFF,
)
declare(
    TaskState,
    section=STAFF_WORK,
    title=_("Tareas de revisión"),
    rows=by_user("finished_by"),
    export=("status", "finished_at"),
    erase=reasons.STAFF,
)
for model in (Document, Image, UploadedFile):
    declare(
        model,
        section=STAFF_WORK,
        title=model._meta.verbose_name_plural,
        rows=by_user("uploaded_by_user"),
        export=("file",),
        erase=reasons.STAFF,
    )

# The desk's own requests: kept as proof that the right was answered, without her name (the record they
# point at is anonymised).
from cms.privacy.models import PrivacyRequest, PrivacyRequestEvent  # noqa: E402

declare(
    PrivacyRequest,
    section=_("Tus solicitudes de privacidad"),
    title=_("Solicitudes"),
    rows=lambda person: (
        PrivacyRequest.objects.filter(participant=person.participant)
        if person.participant
        else PrivacyRequest.objects.none()
    ),
    export=("kind", "channel", "received_at", "due_at", "state", "answered_at", "answer"),
    erase=Redact("detail"),
)
declare(
    PrivacyRequestEvent,
    section=_("Tus solicitudes de privacidad"),
    title=_("Historial de solicitudes"),
    rows=lambda person: (
        PrivacyRequestEvent.objects.filter(request__participant=person.participant)
        if person.participant
        else PrivacyRequestEvent.objects.none()
    ),
    export=("request__kind", "action", "at"),
    erase=reasons.AUDIT,
)

from cms.privacy.models import DataBreach  # noqa: E402

declare(
    DataBreach,
    section=_("Brechas de seguridad que te afectaron"),
    title=_("Brechas de seguridad"),
    rows=lambda person: (
        DataBreach.objects.filter(affected=person.participant) if person.participant else DataBreach.objects.none()
    ),
    export=("title", "data_affected", "measures", "discovered_at", "people_notified_at"),
    erase=reasons.AUDIT,
)

from cms.privacy.models import RetentionWarning  # noqa: E402

declare(
    RetentionWarning,
    section=_("Tus solicitudes de privacidad"),
    title=_("Avisos por inactividad"),
    rows=lambda person: (
        RetentionWarning.objects.filter(participant=person.participant)
        if person.participant
        else RetentionWarning.objects.none()
    ),
    export=("warned_at",),
    erase=reasons.AUDIT,
)

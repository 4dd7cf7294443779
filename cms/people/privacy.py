"""Personal data held by the registry: consents, sensitive reads, case notes, the registry's log."""

from django.utils.translation import gettext_lazy as _

from cms.people.models import (
    AccountInvite,
    CaseNote,
    ConsentEvent,
    ConsentText,
    DuplicateHint,
    ImportBatch,
    NotSamePerson,
    ParticipantEvent,
    SensitiveRead,
)
from cms.personal_data import reasons
from cms.personal_data.registry import Delete, Keep, Listed, Redact, by_participant, by_user, declare, framework

declare(
    ConsentEvent,
    section=_("Tus permisos"),
    title=_("Permisos que diste o retiraste"),
    rows=by_participant("participant"),
    export=("purpose", "scope", "action", "text__version", "at"),
    erase=Keep(
        reason=_("Es la prueba de qué permisos diste y cuándo: se queda, sin tu nombre."),
        legal_basis=_("Demostrar el consentimiento (LOPDP Art. 8 y 18)."),
    ),
)
declare(
    SensitiveRead,
    section=_("Quién vio tus datos"),
    title=_("Lecturas de tus datos sensibles"),
    rows=by_participant("participant"),
    export=("field", "reader__first_name", "reader__last_name", "reader_role", "reason", "at"),
    erase=reasons.AUDIT,
)
declare(
    CaseNote,
    section=_("Notas de coordinación"),
    title=_("Notas de coordinación sobre ti"),
    rows=by_participant("participant"),
    export=reasons.CASE_NOTES,
    erase=Delete(),
)
declare(
    ParticipantEvent,
    section=_("Tu cuenta y tu perfil"),
    title=_("Cambios en tu ficha"),
    rows=by_participant("participant"),
    export=("action", "detail", "at"),
    erase=Redact("detail"),
)
framework(ConsentText._meta.label, _("Textos publicados; no tienen datos de nadie."))

# The desk's own working rows (issue 11): duplicate checks, invitations, imports.
declare(
    NotSamePerson,
    section=_("Tu cuenta y tu perfil"),
    title=_("Registros marcados como otra persona"),
    rows=by_participant("first", "second"),
    export=("at",),
    erase=Delete(),
)
declare(
    DuplicateHint,
    section=_("Tu cuenta y tu perfil"),
    title=_("Avisos de posible registro repetido"),
    rows=by_user("user"),
    export=Listed(
        reason=_(
            "Al crear tu cuenta revisamos si ya estabas en el registro, para no tener dos fichas tuyas. "
            "Son avisos internos de coordinación."
        ),
        date_field="created_at",
    ),
    erase=Delete(),
)
declare(
    AccountInvite,
    section=_("Tu cuenta y tu perfil"),
    title=_("Invitaciones para crear tu cuenta"),
    rows=by_participant("participant"),
    export=("created_at", "claimed_at"),
    erase=Delete(),
)
# An import belongs to the coordinator who uploaded it; its rows (other people's data) expire after a day.
declare(
    ImportBatch,
    section=_("Tu trabajo en coordinación"),
    title=_("Archivos de personas que subiste"),
    rows=by_user("owner"),
    export=("filename", "created_at"),
    erase=Delete(),
)

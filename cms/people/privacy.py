"""Personal data held by the registry: consents, sensitive reads, case notes, the registry's log."""

from django.utils.translation import gettext_lazy as _

from cms.people.models import CaseNote, ConsentEvent, ConsentText, ParticipantEvent, SensitiveRead
from cms.personal_data import reasons
from cms.personal_data.registry import Delete, Keep, Redact, by_participant, declare, framework

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

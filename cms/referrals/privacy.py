"""Personal data held by referrals: hers, and the accounts that act for a partner organisation."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import Keep, Redact, by_participant, by_user, declare, framework
from cms.referrals.models import PartnerOrganisation, PartnerService, Referral, ReferralEvent, ReferralFeedback

declare(
    Referral,
    section=_("Tus derivaciones"),
    title=_("Derivaciones a servicios"),
    rows=by_participant("participant"),
    export=(
        "organisation__name",
        "service_type",
        "need",
        "contact",
        "state",
        "rejection_reason",
        "created_at",
        "sent_at",
        "accepted_at",
        "rejected_at",
        "attended_at",
        "closed_at",
        "revoked_at",
        "corrected_at",
    ),
    # The row stays without her words or contact, so the donor's counts of services received do not change.
    erase=Redact("need", "contact", "rejection_reason"),
)
declare(
    ReferralEvent,
    section=_("Tus derivaciones"),
    title=_("Cambios en tus derivaciones"),
    rows=by_participant("referral__participant"),
    export=("referral__service_type", "from_state", "to_state", "note", "at"),
    erase=Redact("note"),
)
declare(
    ReferralFeedback,
    section=_("Tus derivaciones"),
    title=_("Tu opinión sobre el cuidado infantil o el crédito"),
    rows=by_participant("referral__participant"),
    export=("referral__service_type", "rating", "channel", "created_at"),
    # A number from 1 to 5 and no words: it stays for the satisfaction counts, like the referral it answers.
    erase=reasons.COUNTS,
)
declare(
    PartnerOrganisation,
    section=_("Tu trabajo en una organización aliada"),
    title=_("Organizaciones para las que atiendes derivaciones"),
    rows=by_user("members"),
    export=("name", "cities"),
    erase=Keep(
        reason=_("La organización se queda; tu cuenta, ya sin nombre, deja de actuar por ella."),
        legal_basis=reasons.STAFF.legal_basis,
    ),
)
framework(PartnerService._meta.label, _("Servicios que ofrece una organización; no tienen datos de personas."))

"""Demo data of referrals: partner organisations in Quito, Santo Domingo and Ibarra, their services, and a
few referrals in different states. Idempotent: keyed by natural keys, created only when missing.

cms does not know the demo accounts: lms.demo passes in the coordinator, the partner account and the people.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from cms.accounts.models import Participant, User
from cms.people.models import ConsentText, Purpose
from cms.referrals import services
from cms.referrals.models import PartnerOrganisation, PartnerService, Referral, ServiceType

ORGANISATIONS = (
    (
        "Fundación Manitos Seguras",
        "Quito, Santo Domingo",
        "02 245 1100 · atencion@manitosseguras.example",
        ((ServiceType.CHILDCARE, "Quito"), (ServiceType.CHILDCARE, "Santo Domingo")),
    ),
    (
        "Asociación Caminos sin Fronteras",
        "Quito, Ibarra",
        "06 295 3300 · Lcda. Paola Chávez",
        (
            (ServiceType.LEGAL, "Quito"),
            (ServiceType.LEGAL, "Ibarra"),
            (ServiceType.PSYCHOSOCIAL, "Quito"),
            (ServiceType.PSYCHOSOCIAL, "Ibarra"),
        ),
    ),
    (
        "Cooperativa de Ahorro y Crédito Progreso Andino",
        "Quito, Santo Domingo, Ibarra",
        "1800 776 347 · socios@progresoandino.example",
        tuple(
            (kind, city)
            for kind in (ServiceType.ACCOUNT, ServiceType.SAVINGS, ServiceType.CREDIT)
            for city in ("Quito", "Santo Domingo", "Ibarra")
        ),
    ),
    (
        "Red de Empleo y Salud Comunitaria",
        "Santo Domingo, Ibarra",
        "02 275 8800 · Sr. Ramiro Guevara",
        (
            (ServiceType.EMPLOYMENT, "Santo Domingo"),
            (ServiceType.EMPLOYMENT, "Ibarra"),
            (ServiceType.HEALTH, "Santo Domingo"),
            (ServiceType.HEALTH, "Ibarra"),
        ),
    ),
)
CONSENT_TEXT = (
    "Para ayudarte con este servicio, compartimos con la organización elegida solo tu primer nombre, el "
    "contacto que tú elegiste y lo que necesitas. La organización no ve tus documentos ni tu situación "
    "migratoria. Puedes retirar tu consentimiento cuando quieras en «Mis derivaciones» y la derivación se detiene."
)
# (organisation index, service, state to reach, what she needs, days ago it was sent)
REFERRALS = (
    (0, ServiceType.CHILDCARE, Referral.State.SENT, "Cuidado para su hija de 3 años mientras va al curso.", 5),
    (1, ServiceType.LEGAL, Referral.State.ACCEPTED, "Orientación para renovar su visa.", 6),
    (2, ServiceType.CREDIT, Referral.State.CLOSED, "Un microcrédito para comprar una cocina industrial.", 30),
    (1, ServiceType.PSYCHOSOCIAL, Referral.State.REJECTED, "Acompañamiento después de la mudanza.", 10),
)


def _organisations_ensure(*, partner: User, created: Counter[str]) -> list[PartnerOrganisation]:
    organisations = []
    for name, cities, contact, offered in ORGANISATIONS:
        organisation, new = PartnerOrganisation.objects.get_or_create(
            name=name, defaults={"cities": cities, "contact": contact}
        )
        created["organizaciones aliadas"] += int(new)
        for service_type, city in offered:
            _service, new = PartnerService.objects.get_or_create(
                organisation=organisation, service_type=service_type, city=city
            )
            created["servicios de aliadas"] += int(new)
        organisations.append(organisation)
    organisations[0].members.add(partner)  # the demo partner answers for the childcare foundation
    return organisations


def _referral_ensure(*, coordinator: User, partner: User, participant: Participant, organisation, spec) -> bool:
    _index, service_type, target, need, days_ago = spec
    if Referral.objects.filter(participant=participant, organisation=organisation, service_type=service_type).exists():
        return False
    referral = services.referral_start(
        by=coordinator,
        participant=participant,
        organisation=organisation,
        service_type=service_type,
        need=need,
        contact=participant.phone or "0991234567",
        consent=True,
        send=True,
    )
    # Only the demo partner answers in the demo: she acts for another organisation just for these steps.
    guest = not organisation.members.filter(pk=partner.pk).exists()
    if guest:
        organisation.members.add(partner)
    if target == Referral.State.REJECTED:
        services.referral_reject(by=partner, referral=referral, reason="No tenemos cupos este mes.")
    if target in (Referral.State.ACCEPTED, Referral.State.ATTENDED, Referral.State.CLOSED):
        services.referral_accept(by=partner, referral=referral)
    if target in (Referral.State.ATTENDED, Referral.State.CLOSED):
        services.referral_attend(by=partner, referral=referral)
    if guest:
        organisation.members.remove(partner)
    if target == Referral.State.CLOSED:
        services.referral_close(by=coordinator, referral=referral, note="Recibió el crédito.")
    _backdate(referral, days_ago)
    return True


def _backdate(referral: Referral, days_ago: int) -> None:
    """Spread the demo's stamps over the past so the clock and the overdue list have something to show."""
    referral.refresh_from_db()
    sent = timezone.now() - timedelta(days=days_ago)
    stamps = {"created_at": sent, "sent_at": sent}
    if referral.accepted_at:
        stamps["accepted_at"] = sent + timedelta(days=1)
    if referral.rejected_at:
        stamps["rejected_at"] = sent + timedelta(days=2)
    if referral.attended_at:
        stamps["attended_at"] = sent + timedelta(days=8)
    if referral.closed_at:
        stamps["closed_at"] = sent + timedelta(days=10)
    Referral.objects.filter(pk=referral.pk).update(**stamps)


@transaction.atomic
def referrals_demo_ensure(*, coordinator: User, partner: User, participants: list[Participant]) -> Counter[str]:
    """Partner organisations, their services, the consent text for referrals and, for each participant
    given, the demo referrals in several states. Returns what was created. The programme and centers that
    put these people in the coordinator's scope come from cms.people.demo, called first."""
    created: Counter[str] = Counter()
    if not ConsentText.objects.filter(purpose=Purpose.REFERRAL).exists():
        ConsentText.objects.create(purpose=Purpose.REFERRAL, version="2026-12", body=CONSENT_TEXT)
        created["textos de consentimiento"] += 1
    organisations = _organisations_ensure(partner=partner, created=created)
    for participant in participants:
        for spec in REFERRALS:
            if _referral_ensure(
                coordinator=coordinator,
                partner=partner,
                participant=participant,
                organisation=organisations[spec[0]],
                spec=spec,
            ):
                created["derivaciones"] += 1
    return created

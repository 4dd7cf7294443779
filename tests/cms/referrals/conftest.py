"""Fixtures of the referral tests: a programme in Quito, its coordinator, a participant with an account, and a
childcare foundation with its partner account."""

from dataclasses import dataclass

import pytest

from cms.accounts.models import Center, Participant, Programme, User
from cms.people.models import Purpose
from cms.people.services import consent_give
from cms.referrals import services
from cms.referrals.models import PartnerOrganisation, PartnerService, Referral, ServiceType
from tests.factories import UserFactory


@dataclass
class World:
    programme: Programme
    coordinator: User
    person: User
    participant: Participant
    organisation: PartnerOrganisation
    partner: User


def organisation_with_partner(name: str, *services_offered: str, city: str = "Quito"):
    organisation = PartnerOrganisation.objects.create(name=name, cities=city, contact="02 000 0000")
    for service_type in services_offered or (ServiceType.CHILDCARE,):
        PartnerService.objects.create(organisation=organisation, service_type=service_type, city=city)
    partner = UserFactory(role="aliada")
    organisation.members.add(partner)
    return organisation, partner


@pytest.fixture
def world(db) -> World:
    programme = Programme.objects.create(name="Emprende Pichincha", slug="pichincha")
    center = Center.objects.create(programme=programme, name="Centro Norte", province="Pichincha", city="Quito")
    coordinator = UserFactory(role="coordinacion")
    programme.coordinators.add(coordinator)
    person = UserFactory(role="aprendiz", first_name="Brígida")
    participant = Participant.objects.create(
        user=person,
        given_names="Brígida Mercedes",
        surnames="Yépez Hidalgo",
        center=center,
        document_type="cedula_venezolana",
        document_number="V-19.876.543",
        mobility="refugiada",
        phone="0987654321",
    )
    organisation, partner = organisation_with_partner(
        "Fundación Manitos Seguras", ServiceType.CHILDCARE, ServiceType.CREDIT
    )
    return World(programme, coordinator, person, participant, organisation, partner)


def draft(world: World, service_type: str = ServiceType.CHILDCARE, participant=None, organisation=None) -> Referral:
    return services.referral_create(
        by=world.coordinator,
        participant=participant or world.participant,
        organisation=organisation or world.organisation,
        service_type=service_type,
        need="Cuidado para su hija de 3 años mientras va al curso.",
        contact="WhatsApp 0987654321",
    )


def sent(world: World, service_type: str = ServiceType.CHILDCARE, participant=None, organisation=None) -> Referral:
    participant = participant or world.participant
    organisation = organisation or world.organisation
    consent_give(
        participant=participant,
        purpose=Purpose.REFERRAL,
        by=world.coordinator,
        scope=f"{organisation.pk}:{service_type}",
    )
    referral = draft(world, service_type, participant, organisation)
    return services.referral_send(by=world.coordinator, referral=referral)


def in_state(world: World, state: str, service_type: str = ServiceType.CHILDCARE) -> Referral:
    """A referral brought to `state` through the services, as people would."""
    State = Referral.State
    if state == State.DRAFT:
        return draft(world, service_type)
    referral = sent(world, service_type)
    if state == State.REJECTED:
        return services.referral_reject(by=world.partner, referral=referral, reason="Sin cupos")
    if state == State.REVOKED:
        return services.referral_revoke(by=world.coordinator, referral=referral)
    if state in (State.ACCEPTED, State.ATTENDED, State.CLOSED):
        referral = services.referral_accept(by=world.partner, referral=referral)
    if state in (State.ATTENDED, State.CLOSED):
        referral = services.referral_attend(by=world.partner, referral=referral)
    if state == State.CLOSED:
        referral = services.referral_close(by=world.coordinator, referral=referral)
    return referral

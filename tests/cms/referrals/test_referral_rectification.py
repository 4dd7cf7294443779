"""LOPDP Art. 14: a correction of a field a partner organisation received (her first name, the phone chosen as
contact) is passed on to it: the referral carries the new value, the partner sees "Dato corregido el …", and
the referral's log says so. Referrals finished long ago stay as they were."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from cms.people.models import ConsentEvent, ParticipantEvent, Purpose
from cms.people.services import consent_give, participant_update
from cms.privacy.models import PrivacyRequest, PrivacyRequestEvent
from cms.referrals import services
from cms.referrals.models import ContactSource, Referral, ReferralEvent, ServiceType
from tests.cms.referrals.conftest import in_state

State = Referral.State
pytestmark = pytest.mark.django_db
NEW_PHONE = "0991112233"


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def sent_with_phone(world, service_type=ServiceType.CHILDCARE) -> Referral:
    """A referral whose contact is her registry's phone, sent to the foundation."""
    consent_give(
        participant=world.participant,
        purpose=Purpose.REFERRAL,
        by=world.coordinator,
        scope=f"{world.organisation.pk}:{service_type}",
    )
    referral = services.referral_create(
        by=world.coordinator,
        participant=world.participant,
        organisation=world.organisation,
        service_type=service_type,
        need="Cuidado para su hija.",
        contact=world.participant.phone,
    )
    return services.referral_send(by=world.coordinator, referral=referral)


def test_the_contact_remembers_it_came_from_her_phone(world):
    assert sent_with_phone(world).contact_source == ContactSource.PHONE
    assert in_state(world, State.DRAFT, ServiceType.CREDIT).contact_source == ContactSource.OTHER  # "WhatsApp …"


def test_her_own_correction_of_her_phone_reaches_the_partner(world):
    referral = sent_with_phone(world)
    client = client_for(world.person)
    response = client.post(
        reverse("privacy:rectify"), {"given_names": "Brígida Mercedes", "surnames": "Yépez Hidalgo", "phone": NEW_PHONE}
    )
    assert response.status_code == 302

    referral.refresh_from_db()
    assert referral.contact == NEW_PHONE and referral.corrected_at is not None
    page = client_for(world.partner).get(reverse("referrals:partner_detail", args=[referral.pk])).content.decode()
    assert NEW_PHONE in page and "0987654321" not in page
    assert f"Dato corregido el {timezone.localtime(referral.corrected_at):%d/%m/%Y}".replace(" 0", " ") in page
    listing = client_for(world.partner).get(reverse("referrals:partner_list")).content.decode()
    assert "dato corregido" in listing

    line = ReferralEvent.objects.filter(referral=referral).last()
    assert line.actor == world.person and "teléfono" in line.note and line.from_state == line.to_state == State.SENT
    # Logged on her registry record and as a rectification answered at once, on her "Mis datos" page.
    assert ParticipantEvent.objects.filter(
        participant=world.participant, action=ParticipantEvent.Action.UPDATED, detail__fields=["phone"]
    ).exists()
    request = PrivacyRequest.objects.get(participant=world.participant, kind=PrivacyRequest.Kind.RECTIFY)
    assert request.state == PrivacyRequest.State.DONE
    assert request.events.filter(action=PrivacyRequestEvent.Action.RECTIFIED, note="teléfono").exists()
    world.person.refresh_from_db()
    assert world.person.phone == NEW_PHONE


def test_a_coordinators_correction_of_her_first_name_is_marked_for_the_partner(world):
    referral = sent_with_phone(world)
    services.referral_accept(by=world.partner, referral=referral)
    participant_update(by=world.coordinator, participant=world.participant, data={"given_names": "Brigitte"})
    referral.refresh_from_db()
    assert referral.corrected_at is not None and referral.contact == "0987654321"
    page = client_for(world.partner).get(reverse("referrals:partner_detail", args=[referral.pk])).content.decode()
    assert "Brigitte" in page and "Dato corregido el" in page
    note = ReferralEvent.objects.filter(referral=referral).last().note
    assert "nombre" in note and "teléfono" not in note


def test_a_contact_typed_for_the_referral_is_not_overwritten(world):
    referral = in_state(world, State.SENT)  # contact "WhatsApp 0987654321", typed by coordination
    participant_update(by=world.coordinator, participant=world.participant, data={"phone": NEW_PHONE})
    referral.refresh_from_db()
    assert referral.contact == "WhatsApp 0987654321" and referral.corrected_at is None
    assert not ReferralEvent.objects.filter(referral=referral, note__contains="corregido").exists()


def test_a_field_no_partner_received_changes_nothing(world):
    referral = sent_with_phone(world)
    participant_update(by=world.coordinator, participant=world.participant, data={"city": "Cuenca"})
    referral.refresh_from_db()
    assert referral.corrected_at is None


def test_a_draft_gets_the_new_phone_without_a_notice_to_the_partner(world):
    referral = services.referral_create(
        by=world.coordinator,
        participant=world.participant,
        organisation=world.organisation,
        service_type=ServiceType.CHILDCARE,
        need="Cuidado.",
        contact="0987654321",
    )
    participant_update(by=world.coordinator, participant=world.participant, data={"phone": NEW_PHONE})
    referral.refresh_from_db()
    assert referral.contact == NEW_PHONE and referral.corrected_at is None


def test_recently_finished_referrals_are_corrected_and_old_ones_are_left_as_history(world):
    recent = sent_with_phone(world, ServiceType.CHILDCARE)
    services.referral_revoke(by=world.coordinator, referral=recent)
    old = sent_with_phone(world, ServiceType.CREDIT)
    services.referral_revoke(by=world.coordinator, referral=old)
    long_ago = timezone.now() - timedelta(days=services.RECENT_DAYS + 1)
    Referral.objects.filter(pk=old.pk).update(revoked_at=long_ago)

    participant_update(by=world.coordinator, participant=world.participant, data={"phone": NEW_PHONE})
    recent.refresh_from_db()
    old.refresh_from_db()
    assert recent.contact == NEW_PHONE and recent.corrected_at is not None
    assert old.contact == "0987654321" and old.corrected_at is None


def test_she_removes_her_phone_and_the_partner_no_longer_sees_the_old_one(world):
    referral = sent_with_phone(world)
    participant_update(by=world.coordinator, participant=world.participant, data={"phone": ""})
    referral.refresh_from_db()
    assert referral.contact == "" and referral.contact_source == ContactSource.OTHER


def test_a_correction_that_changes_nothing_logs_nothing(world):
    sent_with_phone(world)
    client = client_for(world.person)
    data = {"given_names": "Brígida Mercedes", "surnames": "Yépez Hidalgo", "phone": "0987654321"}
    assert client.post(reverse("privacy:rectify"), data).status_code == 302
    assert not PrivacyRequest.objects.exists()


def test_the_rectify_page_refuses_a_bad_phone_and_is_hers_only(world):
    client = client_for(world.person)
    page = client.get(reverse("privacy:rectify")).content.decode()
    assert "Brígida Mercedes" in page and "0987654321" in page
    response = client.post(reverse("privacy:rectify"), {"given_names": "Brígida", "surnames": "", "phone": "abc"})
    assert response.status_code == 400 and "Escribe solo números" in response.content.decode()
    assert Client().get(reverse("privacy:rectify")).status_code == 302  # to the login page


def test_consent_withdrawn_still_works_after_a_correction(world):
    referral = sent_with_phone(world)
    participant_update(by=world.coordinator, participant=world.participant, data={"phone": NEW_PHONE})
    services.referral_consent_withdraw(by=world.person, referral=Referral.objects.get(pk=referral.pk))
    assert Referral.objects.get(pk=referral.pk).state == State.REVOKED
    assert ConsentEvent.objects.filter(action=ConsentEvent.Action.REVOKED).exists()

"""Referral states: every transition, its refusal, consent, no double referral, the clock and the counts."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from cms.append_only import AppendOnlyModel
from cms.people.models import ConsentEvent, Purpose
from cms.people.services import consent_give, consent_revoke
from cms.referrals import selectors, services
from cms.referrals.models import FINANCIAL_SERVICES, Referral, ReferralEvent, ServiceType
from tests.cms.referrals.conftest import draft, in_state, organisation_with_partner, sent
from tests.factories import UserFactory

State = Referral.State
pytestmark = pytest.mark.django_db


def test_a_draft_is_logged_and_sending_stamps_the_clock(world):
    referral = draft(world)
    assert referral.state == State.DRAFT and referral.sent_at is None
    referral = sent(world, ServiceType.CREDIT)
    assert referral.state == State.SENT and referral.sent_at is not None
    assert issubclass(ReferralEvent, AppendOnlyModel)
    assert list(ReferralEvent.objects.filter(referral=referral).values_list("from_state", "to_state")) == [
        ("", State.DRAFT),
        (State.DRAFT, State.SENT),
    ]


def test_the_log_is_append_only(world):
    event = draft(world).events.get()
    with pytest.raises(ValidationError):
        event.save()
    with pytest.raises(ValidationError):
        event.delete()


def test_sending_needs_her_consent_for_that_organisation_and_service(world):
    referral = draft(world)
    other, _partner = organisation_with_partner("Otra fundación")
    consent_give(participant=world.participant, purpose=Purpose.REFERRAL, by=None, scope=f"{other.pk}:cuidado_infantil")
    consent_give(
        participant=world.participant, purpose=Purpose.REFERRAL, by=None, scope=f"{world.organisation.pk}:credito"
    )
    with pytest.raises(services.ReferralError, match="Falta su consentimiento"):
        services.referral_send(by=world.coordinator, referral=referral)
    referral.refresh_from_db()
    assert referral.state == State.DRAFT


def test_the_form_step_records_the_consent_given_at_the_center_by_the_coordinator(world):
    referral = services.referral_start(
        by=world.coordinator,
        participant=world.participant,
        organisation=world.organisation,
        service_type=ServiceType.CHILDCARE,
        need="Cuidado",
        contact="0987654321",
        consent=True,
        send=True,
    )
    assert referral.state == State.SENT
    event = ConsentEvent.objects.get(participant=world.participant)
    assert event.by == world.coordinator and event.scope == f"{world.organisation.pk}:cuidado_infantil"
    assert event.action == ConsentEvent.Action.GIVEN


def test_the_form_step_without_consent_saves_nothing(world):
    with pytest.raises(ValidationError) as caught:
        services.referral_start(
            by=world.coordinator,
            participant=world.participant,
            organisation=world.organisation,
            service_type=ServiceType.CHILDCARE,
            need="Cuidado",
            contact="0987654321",
            consent=False,
            send=True,
        )
    assert "consent" in caught.value.message_dict
    assert not Referral.objects.exists()


def test_the_happy_path_stamps_each_state(world):
    referral = in_state(world, State.CLOSED)
    assert referral.state == State.CLOSED
    assert referral.sent_at <= referral.accepted_at <= referral.attended_at <= referral.closed_at
    assert [e.to_state for e in referral.events.all()] == [
        State.DRAFT,
        State.SENT,
        State.ACCEPTED,
        State.ATTENDED,
        State.CLOSED,
    ]
    assert referral.events.get(to_state=State.ACCEPTED).actor == world.partner


def test_a_rejection_needs_a_reason_and_keeps_it(world):
    referral = sent(world)
    with pytest.raises(ValidationError):
        services.referral_reject(by=world.partner, referral=referral, reason="  ")
    referral = services.referral_reject(by=world.partner, referral=referral, reason="No hay cupos este mes")
    assert referral.state == State.REJECTED and referral.rejected_at is not None
    assert referral.rejection_reason == "No hay cupos este mes"
    assert referral.events.last().note == "No hay cupos este mes"


# (action, states it is refused from)
REFUSALS = [
    ("send", [State.SENT, State.ACCEPTED, State.REJECTED, State.ATTENDED, State.CLOSED, State.REVOKED]),
    ("accept", [State.DRAFT, State.ACCEPTED, State.REJECTED, State.ATTENDED, State.CLOSED, State.REVOKED]),
    ("reject", [State.DRAFT, State.ACCEPTED, State.REJECTED, State.ATTENDED, State.CLOSED, State.REVOKED]),
    ("attend", [State.DRAFT, State.SENT, State.REJECTED, State.ATTENDED, State.CLOSED, State.REVOKED]),
    ("close", [State.DRAFT, State.SENT, State.ACCEPTED, State.REJECTED, State.CLOSED, State.REVOKED]),
    ("revoke", [State.REJECTED, State.CLOSED, State.REVOKED]),
]


def _act(world, action, referral):
    if action == "send":
        return services.referral_send(by=world.coordinator, referral=referral)
    if action == "accept":
        return services.referral_accept(by=world.partner, referral=referral)
    if action == "reject":
        return services.referral_reject(by=world.partner, referral=referral, reason="Sin cupos")
    if action == "attend":
        return services.referral_attend(by=world.partner, referral=referral)
    if action == "close":
        return services.referral_close(by=world.coordinator, referral=referral)
    return services.referral_revoke(by=world.coordinator, referral=referral)


@pytest.mark.parametrize(("action", "state"), [(a, s) for a, states in REFUSALS for s in states])
def test_a_transition_from_a_wrong_state_is_refused_and_changes_nothing(world, action, state):
    referral = in_state(world, state)
    events = referral.events.count()
    with pytest.raises(services.ReferralError, match="ya no se puede cambiar"):
        _act(world, action, referral)
    referral.refresh_from_db()
    assert referral.state == state and referral.events.count() == events


@pytest.mark.parametrize("state", [State.DRAFT, State.SENT, State.ACCEPTED, State.ATTENDED])
def test_coordination_revokes_from_any_open_state(world, state):
    referral = services.referral_revoke(by=world.coordinator, referral=in_state(world, state), note="Se mudó")
    assert referral.state == State.REVOKED and referral.revoked_at is not None


def test_a_stale_copy_cannot_undo_what_another_person_did(world):
    """The row lock reads the state again: a partner's old page cannot accept what coordination revoked."""
    referral = sent(world)
    stale = Referral.objects.get(pk=referral.pk)
    services.referral_revoke(by=world.coordinator, referral=referral)
    with pytest.raises(services.ReferralError):
        services.referral_accept(by=world.partner, referral=stale)
    assert Referral.objects.get(pk=referral.pk).state == State.REVOKED


def test_a_partner_of_another_organisation_and_other_coordinators_may_not_act(world):
    referral = sent(world)
    _other, stranger = organisation_with_partner("Otra fundación")
    with pytest.raises(PermissionDenied):
        services.referral_accept(by=stranger, referral=referral)
    with pytest.raises(PermissionDenied):
        services.referral_revoke(by=UserFactory(role="coordinacion"), referral=referral)
    with pytest.raises(PermissionDenied):
        services.referral_close(by=world.partner, referral=referral)


def test_no_second_open_referral_for_the_same_service(world):
    first = sent(world)
    with pytest.raises(ValidationError, match="ya tiene una derivación abierta"):
        draft(world)
    other, _partner = organisation_with_partner("Otra fundación")
    with pytest.raises(ValidationError):
        draft(world, organisation=other)  # the same service at another organisation is a double referral too
    services.referral_revoke(by=world.coordinator, referral=first)
    assert draft(world).state == State.DRAFT  # once the first is over, a new one may start


def test_the_database_refuses_a_double_open_referral_even_past_the_service(world):
    referral = draft(world)
    with pytest.raises(IntegrityError), transaction.atomic():
        Referral.objects.create(
            participant=world.participant,
            organisation=referral.organisation,
            service_type=referral.service_type,
            need="x",
            contact="x",
            state=State.SENT,
        )


def test_another_service_may_be_open_at_the_same_time(world):
    sent(world)
    assert sent(world, ServiceType.CREDIT).state == State.SENT


def test_withdrawing_consent_in_the_ledger_revokes_the_open_referrals_of_that_scope_only(world):
    childcare = sent(world)
    credit = sent(world, ServiceType.CREDIT)
    consent_revoke(
        participant=world.participant, purpose=Purpose.REFERRAL, by=world.person, scope=childcare.consent_scope
    )
    childcare.refresh_from_db()
    credit.refresh_from_db()
    assert childcare.state == State.REVOKED and credit.state == State.SENT
    assert childcare.events.last().actor == world.person
    assert "consentimiento" in childcare.events.last().note


def test_the_person_withdraws_consent_from_her_referral(world):
    referral = in_state(world, State.ACCEPTED)
    referral = services.referral_consent_withdraw(by=world.person, referral=referral)
    assert referral.state == State.REVOKED
    latest = ConsentEvent.objects.filter(participant=world.participant).first()
    assert latest.action == ConsentEvent.Action.REVOKED and latest.scope == referral.consent_scope
    assert not selectors.referrals_for_partner(user=world.partner).exists()


def test_no_one_else_withdraws_her_consent(world):
    referral = sent(world)
    with pytest.raises(PermissionDenied):
        services.referral_consent_withdraw(by=UserFactory(role="aprendiz"), referral=referral)
    with pytest.raises(PermissionDenied):
        services.referral_consent_withdraw(by=world.coordinator, referral=referral)


def _backdate(referral, **stamps):
    Referral.objects.filter(pk=referral.pk).update(**stamps)
    referral.refresh_from_db()
    return referral


def test_the_clock_counts_calendar_days_and_says_how_late(world, settings):
    settings.SEMILLA_REFERRAL_ACCEPT_DAYS = 3
    settings.SEMILLA_REFERRAL_ATTEND_DAYS = 15
    now = timezone.now()
    referral = _backdate(sent(world), sent_at=now - timedelta(days=5, hours=1))
    clock = selectors.referral_clock(referral, now=now)
    assert (clock.days_to_accept, clock.days_to_attend, clock.overdue_days) == (5, None, 2)
    referral = services.referral_accept(by=world.partner, referral=referral)
    referral = _backdate(referral, accepted_at=now - timedelta(days=16, hours=2))
    clock = selectors.referral_clock(referral, now=now)
    assert clock.days_to_attend == 16 and clock.overdue_days == 1
    referral = services.referral_attend(by=world.partner, referral=referral)
    assert selectors.referral_clock(referral).overdue_days == 0


def test_the_overdue_list_holds_late_ones_only_and_follows_the_settings(world, settings):
    settings.SEMILLA_REFERRAL_ACCEPT_DAYS = 3
    now = timezone.now()
    late = _backdate(sent(world), sent_at=now - timedelta(days=4, minutes=1))
    on_time = _backdate(sent(world, ServiceType.CREDIT), sent_at=now - timedelta(days=3, hours=23))
    overdue = list(selectors.referrals_overdue(user=world.coordinator, now=now))
    assert overdue == [late]
    assert selectors.referral_clock(on_time, now=now).overdue_days == 0
    settings.SEMILLA_REFERRAL_ACCEPT_DAYS = 2
    assert set(selectors.referrals_overdue(user=world.coordinator, now=now)) == {late, on_time}
    assert not selectors.referrals_overdue(user=UserFactory(role="coordinacion"), now=now).exists()


def test_attended_referrals_are_counted_per_service_and_period(world):
    childcare = in_state(world, State.ATTENDED)
    credit = in_state(world, State.CLOSED, ServiceType.CREDIT)
    assert set(selectors.referrals_attended()) == {childcare, credit}
    assert list(selectors.referrals_attended(service_type=ServiceType.CREDIT)) == [credit]
    assert list(selectors.referrals_attended(service_type=FINANCIAL_SERVICES)) == [credit]
    now = timezone.now()
    assert selectors.referrals_attended(since=now - timedelta(days=1), until=now + timedelta(days=1)).count() == 2
    assert not selectors.referrals_attended(since=now + timedelta(days=1)).exists()
    revoked_after = services.referral_revoke(by=world.coordinator, referral=childcare)
    assert revoked_after in selectors.referrals_attended()  # she did receive the service


def test_the_person_page_selector_respects_the_coordinators_scope(world):
    referral = sent(world)
    assert list(selectors.referrals_for_participant(user=world.coordinator, participant=world.participant)) == [
        referral
    ]
    for user in (UserFactory(role="coordinacion"), UserFactory(role="mentor"), world.partner):
        assert not selectors.referrals_for_participant(user=user, participant=world.participant).exists()

"""Allocation in rank order at close (fixed and requested amounts), then a withdrawal promotes from the reserve."""

from decimal import Decimal as D

import pytest
from django.urls import reverse

from incubator.jury.models import AuditEntry, Award, PitchEvent, Result
from incubator.jury.services.awards import award_withdraw
from incubator.jury.services.results import ResultsError, event_close
from tests.incubator.jury.results_support import agreeing_grid, scored_event

pytestmark = pytest.mark.django_db


def outcomes(entries) -> list[tuple[str, int | None]]:
    stored = {r.entry_id: r for r in Result.objects.filter(entry__in=entries)}
    return [(stored[e.pk].outcome, stored[e.pk].reserve_position) for e in entries]


def test_a_fixed_700_on_a_2100_budget_makes_three_winners_and_a_ranked_reserve():
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3), budget="2100", fixed_amount="700")
    allocation = event_close(event=event, by=coordinator)
    assert allocation.spent == D(2100) and allocation.remaining == 0
    assert [(a.entry_id, a.amount) for a in Award.objects.order_by("entry_id")] == [(e.pk, D(700)) for e in entries[:3]]
    assert outcomes(entries) == [("ganador", None)] * 3 + [("reserva", 1), ("reserva", 2), ("reserva", 3)]
    allocated = AuditEntry.objects.filter(event=event, kind=AuditEntry.Kind.ALLOCATED).order_by("id")
    assert [line.new_value["remaining"] for line in allocated] == ["1400.00", "700.00", "0.00"]
    assert [line.entry_id for line in allocated] == [e.pk for e in entries[:3]]


def test_requested_amounts_go_in_rank_order_and_never_skip_to_a_cheaper_entry():
    # Asked 1000, 800, 500, 300, 200, 150 with 2100: 1000 + 800 = 1800; the third (500) does not fit in 300,
    # so allocation stops there even though the fourth (300) would fit.
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3), budget="2100")
    PitchEvent.objects.filter(pk=event.pk).update(award_rule=PitchEvent.AwardRule.REQUESTED)
    for entry, amount in zip(entries, ("1000", "800", "500", "300", "200", "150"), strict=True):
        entry.requested_amount = D(amount)
        entry.save(update_fields=["requested_amount"])
    event.refresh_from_db()
    allocation = event_close(event=event, by=coordinator)
    assert allocation.spent == D(1800) and allocation.remaining == D(300)
    assert outcomes(entries)[:3] == [("ganador", None), ("ganador", None), ("reserva", 1)]
    # The 800 withdraws: 300 + 800 = 1100 left, so 500 (-> 600), 300 (-> 300) and 200 (-> 100) go up; 150 does not fit.
    second = Award.objects.get(entry=entries[1])
    promoted = award_withdraw(award=second, by=coordinator, reason="Cerró el negocio.")
    assert [(a.entry_id, a.amount) for a in promoted] == [
        (entries[2].pk, D(500)),
        (entries[3].pk, D(300)),
        (entries[4].pk, D(200)),
    ]
    assert outcomes(entries) == [
        ("ganador", None),
        ("retirado", None),
        ("ganador", None),
        ("ganador", None),
        ("ganador", None),
        ("reserva", 1),
    ]
    remaining = [
        line.new_value["remaining"] for line in AuditEntry.objects.filter(kind=AuditEntry.Kind.PROMOTED).order_by("id")
    ]
    assert remaining == ["600.00", "300.00", "100.00"]


def test_close_needs_every_requested_amount():
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    PitchEvent.objects.filter(pk=event.pk).update(award_rule=PitchEvent.AwardRule.REQUESTED)
    event.refresh_from_db()
    with pytest.raises(ResultsError) as refused:
        event_close(event=event, by=coordinator)
    assert "monto solicitado" in refused.value.messages[0]


def test_a_withdrawal_promotes_the_first_of_the_reserve_and_both_are_audited_with_the_reason(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    award = Award.objects.get(entry=entries[1])
    url = reverse("jury:award_withdraw", args=[event.pk, award.pk])
    client.force_login(coordinator)
    client.post(url, {"reason": ""})
    award.refresh_from_db()
    assert award.status == Award.Status.ACTIVE
    response = client.post(url, {"reason": "Se mudó a otra ciudad."}, follow=True)
    assert "Sube desde la reserva" in response.content.decode()
    award.refresh_from_db()
    assert award.status == Award.Status.WITHDRAWN and award.withdrawal_reason == "Se mudó a otra ciudad."
    new = Award.objects.get(entry=entries[3], status=Award.Status.ACTIVE)
    assert new.promoted_from_reserve and new.amount == D(700)
    assert outcomes(entries)[1:] == [
        ("retirado", None),
        ("ganador", None),
        ("ganador", None),
        ("reserva", 1),
        ("reserva", 2),
    ]
    withdrawn = AuditEntry.objects.get(kind=AuditEntry.Kind.WITHDRAWN, entry=entries[1])
    assert withdrawn.old_value == {"status": "vigente", "amount": "700.00"}
    assert withdrawn.new_value == {"status": "retirado"} and withdrawn.reason == "Se mudó a otra ciudad."
    promoted = AuditEntry.objects.get(kind=AuditEntry.Kind.PROMOTED)
    assert promoted.entry_id == entries[3].pk and promoted.actor == coordinator
    assert promoted.old_value == {"outcome": "reserva", "reserve_position": 1}
    assert promoted.new_value["amount"] == "700.00" and "Se mudó a otra ciudad." in promoted.reason
    with pytest.raises(ResultsError):
        award_withdraw(award=award, by=coordinator, reason="otra vez")
    page = client.get(reverse("jury:results", args=[event.pk])).content.decode()
    assert "Subió desde la reserva" in page and "Se mudó a otra ciudad." in page


def test_another_coordinator_cannot_withdraw_an_award(client):
    from tests.factories import UserFactory

    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    award = Award.objects.get(entry=entries[0])
    for person in (UserFactory(role="coordinacion"), jurors[0], entries[0].venture.members.first()):
        client.force_login(person)
        response = client.post(reverse("jury:award_withdraw", args=[event.pk, award.pk]), {"reason": "x"})
        assert response.status_code == 404
    award.refresh_from_db()
    assert award.status == Award.Status.ACTIVE

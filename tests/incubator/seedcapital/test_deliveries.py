"""Purchases, staged deliveries, the one-time code and the balance running to zero."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from incubator.seedcapital import selectors, services
from incubator.seedcapital.models import Delivery, SeedCapitalEvent
from incubator.seedcapital.services import LedgerError, PurchaseItem

from .conftest import DAY, PLACE, buy_all, plan, schedule

pytestmark = pytest.mark.django_db


def _wrong(code: str) -> str:
    return str((int(code) + 1) % 10**6).zfill(6)


def test_goods_are_bought_within_the_plan_and_delivered_only_once_bought(award, coordinator):
    oven, trays = plan(award, coordinator, ("Horno", 1, "450.00"), ("Bandejas", 10, "25.00"))
    with pytest.raises(ValidationError) as exc:
        schedule(award, coordinator, (oven, 1))
    assert exc.value.message_dict == {f"qty_{oven.pk}": ["Hay 0 unidades compradas sin entrega programada."]}
    services.purchase_record(
        award=award,
        by=coordinator,
        purchased_on=date(2031, 3, 1),
        supplier="Frío Total",
        items=[PurchaseItem(trays, 4, Decimal("96.00"))],
    )
    with pytest.raises(ValidationError) as exc:
        services.purchase_record(
            award=award,
            by=coordinator,
            purchased_on=date(2031, 3, 2),
            supplier="X",
            items=[PurchaseItem(trays, 7, Decimal("1.00"))],
        )
    assert exc.value.message_dict == {f"qty_{trays.pk}": ["Solo faltan comprar 6 unidades de este artículo."]}
    schedule(award, coordinator, (trays, 3))
    with pytest.raises(ValidationError):
        schedule(award, coordinator, (trays, 2))  # only 1 bought and not yet in a delivery
    ledger = selectors.ledger_for(award=award)
    row = {r.item.pk: r for r in ledger.rows}[trays.pk]
    assert (row.bought, row.bought_cost, row.scheduled, row.delivered) == (4, Decimal("96.00"), 3, 0)
    assert ledger.bought_cost == Decimal("96.00") and ledger.balance == Decimal("700.00")


def test_the_code_confirms_the_delivery_once(scheduled, coordinator):
    award, items, delivery = scheduled
    code = services.delivery_code(delivery=delivery)
    assert len(code) == 6 and code.isdigit()
    assert code not in str(Delivery.objects.filter(pk=delivery.pk).values().get())  # never stored
    confirmed = services.delivery_confirm(
        delivery=delivery, by=coordinator, code=f" {code[:3]} {code[3:]} ", witness_name="Rosa Quishpe"
    )
    assert confirmed.status == "confirmada" and confirmed.confirmed_at is not None
    assert confirmed.witness_name == "Rosa Quishpe" and confirmed.confirmed_by == coordinator
    with pytest.raises(LedgerError, match="ya fue confirmada"):
        services.delivery_confirm(delivery=delivery, by=coordinator, code=code, witness_name="Otra persona")
    assert selectors.ledger_for(award=award).balance == Decimal("250.00")
    assert SeedCapitalEvent.objects.filter(award=award, kind="entrega_confirmada").count() == 1


def test_a_wrong_code_counts_attempts_and_locks_after_five(scheduled, coordinator):
    award, items, delivery = scheduled
    code = services.delivery_code(delivery=delivery)
    for left in (4, 3, 2, 1):
        with pytest.raises(ValidationError) as exc:
            services.delivery_confirm(delivery=delivery, by=coordinator, code=_wrong(code), witness_name="Ana")
        expected = "Te queda 1 intento." if left == 1 else f"Te quedan {left} intentos."
        assert exc.value.message_dict == {"code": [f"El código no es correcto. {expected}"]}
    with pytest.raises(LedgerError, match="bloqueada"):
        services.delivery_confirm(delivery=delivery, by=coordinator, code=_wrong(code), witness_name="Ana")
    delivery.refresh_from_db()
    assert (delivery.failed_attempts, delivery.status) == (5, "bloqueada")
    with pytest.raises(LedgerError, match="bloqueada"):  # even the right code no longer works
        services.delivery_confirm(delivery=delivery, by=coordinator, code=code, witness_name="Ana")
    delivery.refresh_from_db()
    assert delivery.confirmed_at is None
    kinds = list(SeedCapitalEvent.objects.filter(award=award).values_list("kind", flat=True))
    assert kinds.count("codigo_incorrecto") == 4 and kinds.count("entrega_bloqueada") == 1
    # Cancelled, its goods can be scheduled again, with a new code.
    services.delivery_cancel(delivery=delivery, by=coordinator)
    again = schedule(award, coordinator, (items[0], 1))
    assert again.status == "programada" and again.code_salt != delivery.code_salt


def test_the_balance_reaches_zero_exactly_in_three_deliveries(award, coordinator, client, member):
    a, b, c = plan(award, coordinator, ("Horno", 1, "250.50"), ("Mesa de acero", 1, "249.50"), ("Bandejas", 8, "25.00"))
    buy_all(award, coordinator, [a, b, c])
    balances = []
    for item, qty in ((a, 1), (b, 1), (c, 8)):
        delivery = schedule(award, coordinator, (item, qty))
        services.delivery_confirm(
            delivery=delivery,
            by=coordinator,
            code=services.delivery_code(delivery=delivery),
            witness_name="Rosa Quishpe",
        )
        balances.append(selectors.ledger_for(award=award).balance)
    assert balances == [Decimal("449.50"), Decimal("200.00"), Decimal("0.00")]
    ledger = selectors.ledger_for(award=award)
    assert ledger.fully_delivered and [b for _d, b in ledger.running] == balances
    client.force_login(member)
    page = client.get(reverse("seedcapital:ledger", args=[award.pk])).content.decode()
    assert "Entregado por completo" in page and "Por entregar: US$ 0,00" in page
    assert "449,50" in page and "200,00" in page


def test_the_coordinator_confirms_on_the_page_with_the_code_the_recipient_reads_out(client, scheduled, coordinator):
    award, items, delivery = scheduled
    url = reverse("seedcapital:delivery_confirm", args=[award.pk, delivery.pk])
    client.force_login(coordinator)
    page = client.get(reverse("seedcapital:ledger", args=[award.pk])).content.decode()
    code = services.delivery_code(delivery=delivery)
    assert code not in page  # the coordinator never sees the code
    prefix = f"d{delivery.pk}-"
    response = client.post(url, {prefix + "code": _wrong(code), prefix + "witness_name": "Rosa"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "El código no es correcto. Te quedan 4 intentos." in html and 'value="Rosa"' in html
    response = client.post(url, {prefix + "code": code, prefix + "witness_name": "Rosa"}, follow=True)
    assert "Entrega confirmada." in response.content.decode()
    response = client.post(url, {prefix + "code": code, prefix + "witness_name": "Rosa"}, follow=True)
    assert "Esta entrega ya fue confirmada." in response.content.decode()
    delivery.refresh_from_db()
    assert delivery.status == "confirmada" and delivery.failed_attempts == 1


def test_scheduling_on_the_page_keeps_the_date_and_place_private_to_the_ledger(client, award, coordinator):
    (oven,) = plan(award, coordinator, ("Horno", 1, "450.00"))
    buy_all(award, coordinator, [oven])
    client.force_login(coordinator)
    response = client.post(
        reverse("seedcapital:delivery_schedule", args=[award.pk]),
        {"planned_on": DAY.isoformat(), "place": PLACE, f"qty_{oven.pk}": "1"},
        follow=True,
    )
    html = response.content.decode()
    assert "Entrega programada." in html and PLACE in html
    assert Delivery.objects.get().place == PLACE
    response = client.post(
        reverse("seedcapital:delivery_schedule", args=[award.pk]),
        {"planned_on": DAY.isoformat(), "place": PLACE, f"qty_{oven.pk}": "1"},
    )
    assert response.status_code == 400
    assert "Hay 0 unidades compradas sin entrega programada." in response.content.decode()
    assert Delivery.objects.count() == 1

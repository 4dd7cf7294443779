"""The goods plan stays within the award; a withdrawn award's ledger is read-only."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from incubator.jury.models import Award
from incubator.seedcapital import services
from incubator.seedcapital.models import GoodsItem, SeedCapitalEvent
from incubator.seedcapital.services import LedgerError

from .conftest import plan

pytestmark = pytest.mark.django_db


def test_the_plan_cannot_exceed_the_award(award, coordinator):
    plan(award, coordinator, ("Horno", 1, "450.00"), ("Bandejas", 10, "25.00"))  # exactly 700.00
    with pytest.raises(ValidationError) as exc:
        services.goods_item_add(
            award=award, by=coordinator, description="Batidora", quantity=1, supplier="X", unit_cost=Decimal("0.01")
        )
    assert exc.value.message_dict["unit_cost"] == [
        "Con este artículo el plan suma US$ 700,01 y el premio es de US$ 700,00. Baja la cantidad o el costo."
    ]
    assert GoodsItem.objects.filter(award=award).count() == 2


def test_changing_an_item_is_checked_against_the_others(award, coordinator):
    oven, trays = plan(award, coordinator, ("Horno", 1, "450.00"), ("Bandejas", 10, "25.00"))
    with pytest.raises(ValidationError):
        services.goods_item_update(
            item=trays, by=coordinator, description="Bandejas", quantity=11, supplier="X", unit_cost=Decimal("25.00")
        )
    services.goods_item_update(
        item=trays, by=coordinator, description="Bandejas", quantity=9, supplier="X", unit_cost=Decimal("25.00")
    )
    trays.refresh_from_db()
    assert trays.quantity == 9
    kinds = list(SeedCapitalEvent.objects.filter(award=award).values_list("kind", flat=True))
    assert kinds == ["articulo_nuevo", "articulo_nuevo", "articulo_cambiado"]


def test_the_page_shows_the_error_next_to_the_field_and_keeps_what_was_typed(client, award, coordinator):
    client.force_login(coordinator)
    response = client.post(
        reverse("seedcapital:item_add", args=[award.pk]),
        {"description": "Congeladora grande", "quantity": "2", "supplier": "Frío Total", "unit_cost": "400.00"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "el premio es de US$ 700,00" in html and 'id="id_unit_cost_error"' in html
    assert 'value="Congeladora grande"' in html and 'value="Frío Total"' in html and 'value="400.00"' in html
    assert not GoodsItem.objects.exists()


def test_a_coordinator_adds_an_item_and_the_team_only_reads(client, award, coordinator, member):
    client.force_login(coordinator)
    response = client.post(
        reverse("seedcapital:item_add", args=[award.pk]),
        {"description": "Horno", "quantity": "1", "supplier": "Frío Total", "unit_cost": "450.00"},
        follow=True,
    )
    assert "Artículo agregado al plan." in response.content.decode()
    item = GoodsItem.objects.get()
    client.force_login(member)
    page = client.get(reverse("seedcapital:ledger", args=[award.pk])).content.decode()
    assert "Horno" in page and reverse("seedcapital:item_add", args=[award.pk]) not in page
    assert (
        client.post(
            reverse("seedcapital:item_add", args=[award.pk]),
            {"description": "Otro", "quantity": "1", "supplier": "X", "unit_cost": "1"},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("seedcapital:item_edit", args=[award.pk, item.pk]),
            {"description": "Otro", "quantity": "1", "supplier": "X", "unit_cost": "1"},
        ).status_code
        == 403
    )
    assert GoodsItem.objects.get().description == "Horno"


def test_a_withdrawn_award_is_read_only(client, scheduled, coordinator):
    award, items, delivery = scheduled
    Award.objects.filter(pk=award.pk).update(status=Award.Status.WITHDRAWN, withdrawal_reason="Cerró el negocio.")
    award.refresh_from_db()
    with pytest.raises(LedgerError, match="solo de lectura"):
        services.goods_item_add(
            award=award, by=coordinator, description="X", quantity=1, supplier="X", unit_cost=Decimal("1")
        )
    with pytest.raises(LedgerError):
        services.delivery_confirm(delivery=delivery, by=coordinator, code="000000", witness_name="Ana")
    with pytest.raises(LedgerError):
        services.delivery_cancel(delivery=delivery, by=coordinator)
    client.force_login(coordinator)
    page = client.get(reverse("seedcapital:ledger", args=[award.pk])).content.decode()
    assert "solo de lectura" in page and '<form method="post" action="/incubadora/capital-semilla/' not in page
    response = client.post(
        reverse("seedcapital:item_add", args=[award.pk]),
        {"description": "X", "quantity": "1", "supplier": "X", "unit_cost": "1.00"},
        follow=True,
    )
    assert "solo de lectura" in response.content.decode()
    assert GoodsItem.objects.filter(award=award).count() == 2
    delivery.refresh_from_db()
    assert delivery.failed_attempts == 0 and delivery.status == "programada"

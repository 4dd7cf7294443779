"""Deliveries are numbered per award; the change log reads as Spanish for people (issue 16, items 2 and 3)."""

import re
from datetime import UTC, datetime
from unittest import mock

import pytest
from django.urls import reverse

from incubator.seedcapital import services
from tests.factories import award_for

from .conftest import buy_all, plan, schedule

pytestmark = pytest.mark.django_db


def test_the_first_delivery_of_a_new_award_is_number_one(client, pitch, award, coordinator):
    items = plan(award, coordinator, ("Horno", 1, "450.00"), ("Bandejas", 10, "25.00"))
    buy_all(award, coordinator, items)
    first, second = schedule(award, coordinator, (items[0], 1)), schedule(award, coordinator, (items[1], 4))
    assert (first.number, second.number) == (1, 2)
    other_entry = pitch[1][1]
    other_award = award_for(other_entry, "300")
    [blender] = plan(other_award, coordinator, ("Licuadora", 1, "120.00"))
    buy_all(other_award, coordinator, [blender])
    delivery = schedule(other_award, coordinator, (blender, 1))
    assert delivery.number == 1 and str(delivery) == "Entrega 1"

    client.force_login(other_entry.venture.members.get())
    page = client.get(reverse("seedcapital:ledger", args=[other_award.pk])).content.decode()
    assert "Tu código para la entrega 1<" in page
    assert f"entrega {delivery.pk}<" not in page or delivery.pk == 1


def test_a_cancelled_number_is_not_given_again(award, coordinator):
    items = plan(award, coordinator, ("Horno", 1, "450.00"))
    buy_all(award, coordinator, items)
    services.delivery_cancel(delivery=schedule(award, coordinator, (items[0], 1)), by=coordinator)
    assert schedule(award, coordinator, (items[0], 1)).number == 2


def test_the_change_log_shows_words_local_times_and_dollars(client, award, coordinator):
    items = plan(award, coordinator, ("Horno industrial", 1, "450.00"))
    buy_all(award, coordinator, items)
    delivery = schedule(award, coordinator, (items[0], 1))
    moment = datetime(2026, 12, 2, 6, 14, 17, 123456, tzinfo=UTC)  # 01:14 in Guayaquil (UTC-5)
    with mock.patch("incubator.seedcapital.services.timezone.now", return_value=moment):
        services.delivery_confirm(
            delivery=delivery,
            by=coordinator,
            code=services.delivery_code(delivery=delivery),
            witness_name="Rosa Quishpe",
        )

    client.force_login(coordinator)
    page = client.get(reverse("seedcapital:ledger", args=[award.pk])).content.decode()
    log = page[page.index('id="registro"') :]
    for raw in (
        "foto: False",
        "False",
        "True",
        "+00:00",
        "2026-12-02",
        "{'",
        "articulo",
        "costo_unitario",
        "estado: programada",
    ):
        assert raw not in log, raw
    assert not re.search(r"(</span> |; )[a-z_]+: ", log)  # no raw key starts a field
    assert "Foto de la entrega: No" in log
    assert "Hora: 02/12/2026 01:14" in log
    assert "Estado: Programada" in log and "Estado: Confirmada" in log
    assert "Artículos: Horno industrial × 1 (US$ 450" in log
    assert "Costo unitario: US$ 450" in log
    assert "Foto de la factura: No" in log
    assert "Entrega: 1" in log

import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from incubator.seedcapital import services
from incubator.seedcapital.services import DeliveryItem, PurchaseItem
from tests.factories import CohortFactory, UserFactory, award_for, pitch_event_with_entries

PLACE = "Bodega del barrio Solanda, puerta azul"
DAY = date(2031, 3, 14)
DAY_TEXTS = ("14/03/2031", "2031-03-14", "14 de marzo")


@pytest.fixture
def pitch():
    """(event, entries, jurors, coordinator) with two ventures."""
    return pitch_event_with_entries(ventures=2, jurors=1)


@pytest.fixture
def award(pitch):
    return award_for(pitch[1][0], "700")


@pytest.fixture
def coordinator(pitch):
    return pitch[3]


@pytest.fixture
def member(pitch):
    return pitch[1][0].venture.members.get()


@pytest.fixture
def people(pitch):
    """Everyone who must not see the ledger, by name."""
    event, entries, jurors, _coordinator = pitch
    other_coordinator = UserFactory(role="coordinacion")
    CohortFactory(coordinators=[other_coordinator])
    return {
        "otra coordinación": other_coordinator,
        "jurado": jurors[0],
        "mentor": entries[0].venture.mentors.get(),
        "otro equipo": entries[1].venture.members.get(),
    }


def image_upload(name="foto.jpg", *, size=(40, 30)) -> SimpleUploadedFile:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(out, "JPEG")
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def plan(award, by, *lines):
    """Plan items from (description, quantity, unit cost) tuples."""
    return [
        services.goods_item_add(
            award=award, by=by, description=d, quantity=q, supplier="Ferretería Andina", unit_cost=Decimal(c)
        )
        for d, q, c in lines
    ]


def buy_all(award, by, items, receipt=None):
    return services.purchase_record(
        award=award,
        by=by,
        purchased_on=date(2031, 3, 1),
        supplier="Ferretería Andina",
        items=[PurchaseItem(i, i.quantity, i.line_total) for i in items],
        receipt=receipt,
    )


def schedule(award, by, *pairs, place=PLACE, day=DAY):
    return services.delivery_schedule(
        award=award, by=by, planned_on=day, place=place, items=[DeliveryItem(item, qty) for item, qty in pairs]
    )


@pytest.fixture
def scheduled(award, coordinator):
    """An award with a plan of two items, both bought, and the first scheduled for delivery."""
    items = plan(award, coordinator, ("Horno industrial", 1, "450.00"), ("Bandejas", 10, "25.00"))
    buy_all(award, coordinator, items)
    delivery = schedule(award, coordinator, (items[0], 1))
    return award, items, delivery

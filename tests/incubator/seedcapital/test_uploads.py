"""Receipt and handover photos are checked by content before anything is written, and served privately."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from incubator.seedcapital import services
from incubator.seedcapital.models import Delivery, Purchase, SeedCapitalEvent
from incubator.seedcapital.services import PurchaseItem
from tests.cms.image_files import bilevel_png, upload

from .conftest import image_upload, plan

pytestmark = pytest.mark.django_db


def _stored_files(settings) -> list:
    root = settings.MEDIA_ROOT
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def _buy(award, by, item, receipt):
    return services.purchase_record(
        award=award,
        by=by,
        purchased_on=date(2031, 3, 1),
        supplier="Frío Total",
        items=[PurchaseItem(item, 1, Decimal("450.00"))],
        receipt=receipt,
    )


def test_a_jpg_that_is_really_text_is_refused_before_anything_is_written(award, coordinator, settings):
    (oven,) = plan(award, coordinator, ("Horno", 1, "450.00"))
    events = SeedCapitalEvent.objects.count()
    fake = SimpleUploadedFile("factura.jpg", b"esto no es una foto", content_type="image/jpeg")
    with pytest.raises(ValidationError, match="no es una foto"):
        _buy(award, coordinator, oven, fake)
    assert not Purchase.objects.exists() and _stored_files(settings) == []
    assert SeedCapitalEvent.objects.count() == events


def test_an_oversize_photo_is_refused_before_anything_is_written(scheduled, coordinator, settings):
    award, items, delivery = scheduled
    big = SimpleUploadedFile("entrega.jpg", b"\xff\xd8\xff" + b"0" * (5 * 1024 * 1024), content_type="image/jpeg")
    with pytest.raises(ValidationError, match="grande"):
        services.delivery_confirm(
            delivery=delivery,
            by=coordinator,
            code=services.delivery_code(delivery=delivery),
            witness_name="Rosa",
            photo=big,
        )
    delivery.refresh_from_db()
    assert delivery.status == "programada" and delivery.failed_attempts == 0 and _stored_files(settings) == []


def test_photos_are_reencoded_and_kept_outside_public_media(scheduled, coordinator, settings):
    award, items, delivery = scheduled
    png = image_upload("entrega.png")
    confirmed = services.delivery_confirm(
        delivery=delivery,
        by=coordinator,
        code=services.delivery_code(delivery=delivery),
        witness_name="Rosa",
        photo=png,
    )
    assert confirmed.photo.name.startswith(f"capital-semilla/{award.pk}/") and confirmed.photo.name.endswith(".jpg")
    with Image.open(confirmed.photo.path) as image:
        assert image.format == "JPEG" and not image.getexif()
    assert len(_stored_files(settings)) == 1


def test_the_page_shows_the_upload_error_next_to_the_field(client, award, coordinator, settings):
    (oven,) = plan(award, coordinator, ("Horno", 1, "450.00"))
    client.force_login(coordinator)
    response = client.post(
        reverse("seedcapital:purchase_add", args=[award.pk]),
        {
            "purchased_on": "2031-03-01",
            "supplier": "Frío Total",
            f"qty_{oven.pk}": "1",
            f"cost_{oven.pk}": "450.00",
            "receipt": SimpleUploadedFile("factura.jpg", b"%PDF-1.4 no es foto", content_type="image/jpeg"),
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="compra_receipt_error"' in html and "no es una foto" in html and 'value="Frío Total"' in html
    assert not Purchase.objects.exists() and _stored_files(settings) == []


def test_a_purchase_with_a_receipt_is_recorded_from_the_page(client, award, coordinator, member):
    (oven,) = plan(award, coordinator, ("Horno", 1, "450.00"))
    client.force_login(coordinator)
    response = client.post(
        reverse("seedcapital:purchase_add", args=[award.pk]),
        {
            "purchased_on": "2031-03-01",
            "supplier": "Frío Total",
            f"qty_{oven.pk}": "1",
            f"cost_{oven.pk}": "445.90",
            "receipt": image_upload("factura.jpg"),
        },
        follow=True,
    )
    assert "Compra registrada." in response.content.decode()
    purchase = Purchase.objects.get()
    assert purchase.lines.get().cost == Decimal("445.90")
    client.force_login(member)
    download = client.get(reverse("seedcapital:receipt", args=[award.pk, purchase.pk]))
    assert download.status_code == 200 and download["Content-Type"] == "image/jpeg"
    assert "no-store" in download["Cache-Control"]
    assert not Delivery.objects.exists()


def test_a_photo_with_too_many_pixels_is_refused_from_its_header(scheduled, coordinator, settings):
    award, items, delivery = scheduled
    with pytest.raises(ValidationError, match="demasiados píxeles"):
        services.delivery_confirm(
            delivery=delivery,
            by=coordinator,
            code=services.delivery_code(delivery=delivery),
            witness_name="Rosa",
            photo=upload(bilevel_png(8000, 5000), "entrega.png"),
        )
    delivery.refresh_from_db()
    assert delivery.status == "programada" and _stored_files(settings) == []

"""Writes for seed capital: the goods plan, purchases, deliveries and their confirmation by a one-time code.

Every write locks the award row first, so two coordinators saving at once cannot together push the plan past
the amount or deliver the same units twice, and refuses to change a withdrawn award (its ledger is read-only).
Every change is appended to SeedCapitalEvent. Nothing here sends a notification or an e-mail."""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from incubator.jury.models import Award
from incubator.seedcapital.models import (
    CENT,
    MAX_CODE_ATTEMPTS,
    Delivery,
    DeliveryLine,
    GoodsItem,
    Purchase,
    PurchaseLine,
    SeedCapitalEvent,
)
from incubator.seedcapital.uploads import photo_check

CODE_DIGITS = 6


class LedgerError(Exception):
    """A write the ledger's state does not allow (withdrawn award, delivery already confirmed or locked)."""


@dataclass(frozen=True)
class PurchaseItem:
    item: GoodsItem
    quantity: int
    cost: Decimal


@dataclass(frozen=True)
class DeliveryItem:
    item: GoodsItem
    quantity: int


def _money(value: Decimal) -> str:
    return str(Decimal(value).quantize(CENT))


def _locked_award(award: Award) -> Award:
    # Row lock on the award: every write of its ledger is serialized behind it.
    locked = Award.objects.select_for_update().get(pk=award.pk)
    if locked.status != Award.Status.ACTIVE:
        raise LedgerError(_("Este premio fue retirado: su registro es solo de lectura."))
    return locked


def _log(award: Award, kind: str, by, old=None, new=None) -> None:
    SeedCapitalEvent.objects.create(award=award, kind=kind, actor=by, old_value=old, new_value=new)


def _item_value(item: GoodsItem) -> dict:
    return {
        "articulo": item.description,
        "cantidad": item.quantity,
        "proveedor": item.supplier,
        "costo_unitario": _money(item.unit_cost),
    }


def _check_plan_total(award: Award, *, quantity: int, unit_cost: Decimal, exclude: int | None = None) -> None:
    others = GoodsItem.objects.filter(award=award)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    total = sum((i.line_total for i in others), Decimal("0")) + (unit_cost * quantity).quantize(CENT)
    if total > award.amount:
        raise ValidationError(
            {
                "unit_cost": _(
                    "Con este artículo el plan suma US$ %(total)s y el premio es de US$ %(amount)s. "
                    "Baja la cantidad o el costo."
                )
                % {"total": number_format(total, 2), "amount": number_format(award.amount, 2)}
            }
        )


def goods_item_add(
    *, award: Award, by, description: str, quantity: int, supplier: str, unit_cost: Decimal
) -> GoodsItem:
    """Add a line to the goods plan. Raises ValidationError (on unit_cost) if the plan would exceed the award."""
    with transaction.atomic():
        locked = _locked_award(award)
        _check_plan_total(locked, quantity=quantity, unit_cost=unit_cost)
        item = GoodsItem.objects.create(
            award=locked,
            description=description.strip(),
            quantity=quantity,
            supplier=supplier.strip(),
            unit_cost=unit_cost,
        )
        _log(locked, SeedCapitalEvent.Kind.ITEM_ADDED, by, new=_item_value(item))
    return item


def _committed(item: GoodsItem) -> tuple[int, int]:
    bought = sum(item.purchase_lines.values_list("quantity", flat=True))
    scheduled = sum(
        item.delivery_lines.exclude(delivery__status=Delivery.Status.CANCELLED).values_list("quantity", flat=True)
    )
    return bought, scheduled


def goods_item_update(
    *, item: GoodsItem, by, description: str, quantity: int, supplier: str, unit_cost: Decimal
) -> GoodsItem:
    """Change a plan line. Refuses a quantity below what was already bought or scheduled, or a plan past the award."""
    with transaction.atomic():
        locked = _locked_award(item.award)
        item = GoodsItem.objects.get(pk=item.pk)
        bought, scheduled = _committed(item)
        if quantity < max(bought, scheduled):
            committed = max(bought, scheduled)
            raise ValidationError(
                {
                    "quantity": ngettext(
                        "Ya se compró o programó %(n)s unidad: la cantidad no puede ser menor.",
                        "Ya se compraron o programaron %(n)s unidades: la cantidad no puede ser menor.",
                        committed,
                    )
                    % {"n": committed}
                }
            )
        _check_plan_total(locked, quantity=quantity, unit_cost=unit_cost, exclude=item.pk)
        old = _item_value(item)
        item.description, item.quantity = description.strip(), quantity
        item.supplier, item.unit_cost = supplier.strip(), unit_cost
        item.save(update_fields=["description", "quantity", "supplier", "unit_cost"])
        _log(locked, SeedCapitalEvent.Kind.ITEM_CHANGED, by, old=old, new=_item_value(item))
    return item


def goods_item_remove(*, item: GoodsItem, by) -> None:
    """Remove a plan line nobody bought or scheduled yet."""
    with transaction.atomic():
        locked = _locked_award(item.award)
        if any(_committed(item)):
            raise LedgerError(_("Este artículo ya tiene compras o entregas: no se puede quitar."))
        old = _item_value(item)
        item.delete()
        _log(locked, SeedCapitalEvent.Kind.ITEM_REMOVED, by, old=old)


def _save_photo(field, content: bytes | None) -> None:
    if content is not None:
        field.save("x", ContentFile(content), save=False)


def purchase_record(
    *,
    award: Award,
    by,
    purchased_on: date,
    supplier: str,
    items: list[PurchaseItem],
    receipt: UploadedFile | None = None,
) -> Purchase:
    """Record goods bought. The receipt photo is checked before any write; no plan item may be bought beyond
    its planned quantity. Raises ValidationError (keys receipt, qty_<item id>) or LedgerError."""
    content = photo_check(receipt) if receipt else None  # a refused file leaves no trace
    if not items:
        raise ValidationError({"__all__": _("Indica al menos un artículo comprado.")})
    with transaction.atomic():
        locked = _locked_award(award)
        errors = {}
        for entry in items:
            if entry.item.award_id != locked.pk:
                raise LedgerError(_("Ese artículo no es de este plan."))
            bought, _scheduled = _committed(entry.item)
            if bought + entry.quantity > entry.item.quantity:
                missing = entry.item.quantity - bought
                errors[f"qty_{entry.item.pk}"] = ngettext(
                    "Solo falta comprar %(n)s unidad de este artículo.",
                    "Solo faltan comprar %(n)s unidades de este artículo.",
                    missing,
                ) % {"n": missing}
        if errors:
            raise ValidationError(errors)
        purchase = Purchase(award=locked, purchased_on=purchased_on, supplier=supplier.strip(), recorded_by=by)
        _save_photo(purchase.receipt, content)
        try:
            purchase.save()
            PurchaseLine.objects.bulk_create(
                [PurchaseLine(purchase=purchase, item=e.item, quantity=e.quantity, cost=e.cost) for e in items]
            )
            _log(
                locked,
                SeedCapitalEvent.Kind.PURCHASED,
                by,
                new={
                    "fecha": purchased_on.isoformat(),
                    "proveedor": purchase.supplier,
                    "factura": bool(content),
                    "articulos": [
                        {"articulo": e.item.description, "cantidad": e.quantity, "costo": _money(e.cost)} for e in items
                    ],
                },
            )
        except Exception:
            if purchase.receipt:
                purchase.receipt.delete(save=False)
            raise
    return purchase


def delivery_code(*, delivery: Delivery) -> str:
    """The recipient's one-time code: a keyed hash of the delivery's random salt, six digits.
    Only the entrepreneur's page shows it; it is never stored, logged or sent."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"seedcapital.delivery:{delivery.code_salt}".encode(), hashlib.sha256
    ).digest()
    return str(int.from_bytes(digest[:8], "big") % 10**CODE_DIGITS).zfill(CODE_DIGITS)


def delivery_schedule(*, award: Award, by, planned_on: date, place: str, items: list[DeliveryItem]) -> Delivery:
    """Schedule a handover of goods already bought and not yet in another delivery; generates the recipient's
    code. Raises ValidationError (keys qty_<item id>) or LedgerError."""
    if not items:
        raise ValidationError({"__all__": _("Indica al menos un artículo para entregar.")})
    with transaction.atomic():
        locked = _locked_award(award)
        errors = {}
        for entry in items:
            if entry.item.award_id != locked.pk:
                raise LedgerError(_("Ese artículo no es de este plan."))
            bought, scheduled = _committed(entry.item)
            if scheduled + entry.quantity > bought:
                free = max(0, bought - scheduled)
                errors[f"qty_{entry.item.pk}"] = ngettext(
                    "Hay %(n)s unidad comprada sin entrega programada.",
                    "Hay %(n)s unidades compradas sin entrega programada.",
                    free,
                ) % {"n": free}
        if errors:
            raise ValidationError(errors)
        # Under the award's row lock: two deliveries scheduled at once cannot take the same number.
        number = (Delivery.objects.filter(award=locked).aggregate(last=Max("number"))["last"] or 0) + 1
        delivery = Delivery.objects.create(
            award=locked,
            number=number,
            planned_on=planned_on,
            place=place.strip(),
            code_salt=secrets.token_hex(16),
            scheduled_by=by,
        )
        DeliveryLine.objects.bulk_create(
            [
                DeliveryLine(
                    delivery=delivery,
                    item=e.item,
                    quantity=e.quantity,
                    value=(e.item.unit_cost * e.quantity).quantize(CENT),
                )
                for e in items
            ]
        )
        _log(
            locked,
            SeedCapitalEvent.Kind.SCHEDULED,
            by,
            new={
                "entrega": delivery.pk,
                "fecha": planned_on.isoformat(),
                "lugar": delivery.place,
                "articulos": [{"articulo": e.item.description, "cantidad": e.quantity} for e in items],
            },
        )
    return delivery


def _normalized(code: str) -> bytes:
    return "".join(ch for ch in code if not ch.isspace() and ch != "-").encode()


def delivery_confirm(
    *, delivery: Delivery, by, code: str, witness_name: str, photo: UploadedFile | None = None
) -> Delivery:
    """Confirm a handover with the code the recipient reads out. A wrong code counts an attempt; after
    MAX_CODE_ATTEMPTS the delivery is locked. A delivery is confirmed once. Raises ValidationError (keys code,
    photo) or LedgerError. The photo is checked before anything is written."""
    content = photo_check(photo) if photo else None
    with transaction.atomic():
        _locked_award(delivery.award)
        # Lock the delivery too: two confirmations at once must not both pass, nor two wrong codes count once.
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if locked.status == Delivery.Status.CONFIRMED:
            raise LedgerError(_("Esta entrega ya fue confirmada."))
        if locked.status == Delivery.Status.LOCKED:
            raise LedgerError(_("Esta entrega quedó bloqueada por demasiados intentos. Cancélala y programa otra."))
        if locked.status != Delivery.Status.SCHEDULED:
            raise LedgerError(_("Esta entrega fue cancelada."))
        right = hmac.compare_digest(_normalized(code), delivery_code(delivery=locked).encode())
        if right:
            locked.status, locked.confirmed_at, locked.confirmed_by = (Delivery.Status.CONFIRMED, timezone.now(), by)
            locked.witness_name = witness_name.strip()
            _save_photo(locked.photo, content)
            try:
                locked.save(update_fields=["status", "confirmed_at", "confirmed_by", "witness_name", "photo"])
                _log(
                    locked.award,
                    SeedCapitalEvent.Kind.CONFIRMED,
                    by,
                    old={"estado": Delivery.Status.SCHEDULED},
                    new={
                        "entrega": locked.pk,
                        "estado": locked.status,
                        "testigo": locked.witness_name,
                        "foto": bool(content),
                        "hora": locked.confirmed_at.isoformat(),
                    },
                )
            except Exception:
                if locked.photo:
                    locked.photo.delete(save=False)
                raise
            return locked
        locked.failed_attempts += 1
        if locked.failed_attempts >= MAX_CODE_ATTEMPTS:
            locked.status = Delivery.Status.LOCKED
        locked.save(update_fields=["failed_attempts", "status"])
        kind = (
            SeedCapitalEvent.Kind.LOCKED
            if locked.status == Delivery.Status.LOCKED
            else SeedCapitalEvent.Kind.WRONG_CODE
        )
        _log(locked.award, kind, by, new={"entrega": locked.pk, "intentos": locked.failed_attempts})
    # Outside the transaction: the failed attempt is committed before the error is raised.
    if locked.status == Delivery.Status.LOCKED:
        raise LedgerError(
            _("Código incorrecto. La entrega quedó bloqueada por demasiados intentos. Cancélala y programa otra.")
        )
    raise ValidationError(
        {
            "code": ngettext(
                "El código no es correcto. Te queda %(n)s intento.",
                "El código no es correcto. Te quedan %(n)s intentos.",
                locked.attempts_left,
            )
            % {"n": locked.attempts_left}
        }
    )


def delivery_cancel(*, delivery: Delivery, by) -> Delivery:
    """Cancel a delivery not yet confirmed (e.g. locked after wrong codes); its goods can be scheduled again."""
    with transaction.atomic():
        _locked_award(delivery.award)
        locked = Delivery.objects.select_for_update().get(pk=delivery.pk)
        if locked.status not in (Delivery.Status.SCHEDULED, Delivery.Status.LOCKED):
            raise LedgerError(_("Solo se cancela una entrega que no fue confirmada."))
        old = locked.status
        locked.status = Delivery.Status.CANCELLED
        locked.save(update_fields=["status"])
        _log(
            locked.award,
            SeedCapitalEvent.Kind.CANCELLED,
            by,
            old={"estado": old},
            new={"entrega": locked.pk, "estado": locked.status},
        )
    return locked

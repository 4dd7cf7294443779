"""Seed capital in goods: for each award, the goods plan, the purchases, the staged deliveries and a log.

Who won, how much, and when and where goods are handed over are private: only the coordinators of the
event's cohort and the members of the awarded venture reach these rows (see selectors.awards_visible_to).
The money is USD with two decimal places, always Decimal."""

import uuid
from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cms.append_only import AppendOnlyModel

CENT = Decimal("0.01")
MAX_CODE_ATTEMPTS = 5


class GoodsItem(models.Model):
    """One line of an award's goods plan: what, how many, from whom, at what unit cost."""

    award = models.ForeignKey(
        "jury.Award", on_delete=models.PROTECT, related_name="goods_items", verbose_name=_("premio")
    )
    description = models.CharField(_("artículo"), max_length=200)
    quantity = models.PositiveIntegerField(_("cantidad"), validators=[MinValueValidator(1)])
    supplier = models.CharField(_("proveedor"), max_length=150)
    unit_cost = models.DecimalField(
        _("costo unitario (USD)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(CENT)]
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["award", "id"]
        verbose_name = _("artículo del plan de bienes")
        verbose_name_plural = _("plan de bienes")

    def __str__(self) -> str:
        return self.description

    @property
    def line_total(self) -> Decimal:
        return (self.unit_cost * self.quantity).quantize(CENT)


def private_photo_path(instance, filename: str) -> str:
    # Under capital-semilla/: never served from MEDIA_URL, only through the access-checked views.
    return f"capital-semilla/{instance.award_id}/{uuid.uuid4().hex}.jpg"


class Purchase(models.Model):
    """Goods bought for an award on a date from a supplier, with an optional photo of the receipt."""

    award = models.ForeignKey(
        "jury.Award", on_delete=models.PROTECT, related_name="purchases", verbose_name=_("premio")
    )
    purchased_on = models.DateField(_("fecha de compra"))
    supplier = models.CharField(_("proveedor"), max_length=150)
    receipt = models.FileField(_("foto de la factura"), upload_to=private_photo_path, max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("registrado por"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["award", "purchased_on", "id"]
        verbose_name = _("compra")
        verbose_name_plural = _("compras")

    def __str__(self) -> str:
        return f"{self.supplier} · {self.pk}"


class PurchaseLine(models.Model):
    """How many units of a plan item one purchase bought, and what they actually cost in total."""

    purchase = models.ForeignKey(Purchase, on_delete=models.CASCADE, related_name="lines", verbose_name=_("compra"))
    item = models.ForeignKey(GoodsItem, on_delete=models.PROTECT, related_name="purchase_lines", verbose_name=_("bien"))
    quantity = models.PositiveIntegerField(_("cantidad"), validators=[MinValueValidator(1)])
    cost = models.DecimalField(
        _("costo real (USD)"), max_digits=10, decimal_places=2, validators=[MinValueValidator(Decimal("0"))]
    )

    class Meta:
        ordering = ["purchase", "id"]
        verbose_name = _("artículo comprado")
        verbose_name_plural = _("artículos comprados")

    def __str__(self) -> str:
        return f"{self.item} × {self.quantity}"


class Delivery(models.Model):
    """A staged handover of goods. Its date and place are private: they appear only on the ledger page.

    The recipient's one-time code is never stored: `code_salt` is random per delivery and the code is a keyed
    hash (HMAC with the project's secret key) of it, so the entrepreneur's page can show it again, a copy of
    the database alone does not reveal it, and it is checked in constant time (see services.delivery_code)."""

    class Status(models.TextChoices):
        SCHEDULED = "programada", _("Programada")
        CONFIRMED = "confirmada", _("Confirmada")
        LOCKED = "bloqueada", _("Bloqueada por intentos fallidos")
        CANCELLED = "cancelada", _("Cancelada")

    award = models.ForeignKey(
        "jury.Award", on_delete=models.PROTECT, related_name="deliveries", verbose_name=_("premio")
    )
    # 1, 2, 3… within the award (the first delivery of every award is "Entrega 1"); never reused.
    number = models.PositiveIntegerField(_("número"), editable=False)
    planned_on = models.DateField(_("fecha de entrega"))
    place = models.CharField(_("lugar de entrega"), max_length=200)
    status = models.CharField(_("estado"), max_length=12, choices=Status.choices, default=Status.SCHEDULED)
    code_salt = models.CharField(max_length=64, editable=False, verbose_name=_("sal del código"))
    failed_attempts = models.PositiveSmallIntegerField(default=0, verbose_name=_("intentos fallidos"))
    confirmed_at = models.DateTimeField(_("confirmada el"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("confirmado por"),
    )
    witness_name = models.CharField(_("nombre del testigo"), max_length=150, blank=True)
    photo = models.FileField(_("foto de la entrega"), upload_to=private_photo_path, max_length=200, blank=True)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("programado por"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["award", "number"]
        constraints = [models.UniqueConstraint(fields=["award", "number"], name="one_delivery_number_per_award")]
        verbose_name = _("entrega")
        verbose_name_plural = _("entregas")

    def __str__(self) -> str:
        # Never the date or the place: this text may end up in logs or admin lists.
        return _("Entrega %(n)s") % {"n": self.number}

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.SCHEDULED

    @property
    def attempts_left(self) -> int:
        return max(0, MAX_CODE_ATTEMPTS - self.failed_attempts)


class DeliveryLine(models.Model):
    """Units of a plan item in one delivery; `value` is frozen at the plan's unit cost when it was scheduled."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="lines", verbose_name=_("entrega"))
    item = models.ForeignKey(GoodsItem, on_delete=models.PROTECT, related_name="delivery_lines", verbose_name=_("bien"))
    quantity = models.PositiveIntegerField(_("cantidad"), validators=[MinValueValidator(1)])
    value = models.DecimalField(_("valor (USD)"), max_digits=10, decimal_places=2)

    class Meta:
        ordering = ["delivery", "id"]
        verbose_name = _("artículo entregado")
        verbose_name_plural = _("artículos entregados")

    def __str__(self) -> str:
        return f"{self.item} × {self.quantity}"


class SeedCapitalEvent(AppendOnlyModel):
    """Append-only log of a ledger: who did what, when, with the old and the new value."""

    class Kind(models.TextChoices):
        ITEM_ADDED = "articulo_nuevo", _("Artículo agregado al plan")
        ITEM_CHANGED = "articulo_cambiado", _("Artículo del plan cambiado")
        ITEM_REMOVED = "articulo_quitado", _("Artículo quitado del plan")
        PURCHASED = "compra", _("Compra registrada")
        SCHEDULED = "entrega_programada", _("Entrega programada")
        CONFIRMED = "entrega_confirmada", _("Entrega confirmada")
        WRONG_CODE = "codigo_incorrecto", _("Código incorrecto")
        LOCKED = "entrega_bloqueada", _("Entrega bloqueada por intentos fallidos")
        CANCELLED = "entrega_cancelada", _("Entrega cancelada")

    award = models.ForeignKey(
        "jury.Award", on_delete=models.PROTECT, related_name="seed_capital_events", verbose_name=_("premio")
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hecho por"),
    )
    old_value = models.JSONField(null=True, blank=True, verbose_name=_("valor anterior"))
    new_value = models.JSONField(null=True, blank=True, verbose_name=_("valor nuevo"))
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["award", "created_at", "id"]
        verbose_name = _("registro del capital semilla")
        verbose_name_plural = _("registro del capital semilla")

    def __str__(self) -> str:
        return f"{self.award_id} · {self.kind}"

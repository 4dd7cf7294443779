"""Reads for seed capital. Every award is reached through awards_visible_to: one query decides both whether the
person may see the ledger at all and whether they coordinate it or belong to the awarded team."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

from django.db.models import BooleanField, DecimalField, Exists, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort
from incubator.jury.models import Award
from incubator.seedcapital.models import Delivery, DeliveryLine, GoodsItem, Purchase, SeedCapitalEvent
from incubator.ventures.models import Venture

ZERO = Decimal("0.00")
LEDGER_TIME_ZONE = "America/Guayaquil"  # where goods are handed over, whatever the server's zone
MONEY: "DecimalField[Decimal, Decimal]" = DecimalField(max_digits=12, decimal_places=2)


def awards_visible_to(user) -> QuerySet[Award]:
    """Awards whose ledger the person may open, annotated with `viewer_coordinates` and `viewer_is_member`.

    Coordinators of the event's cohort (admins: all, as in jury.access.can_coordinate) and the members of the
    awarded venture. Nobody else: not jurors, mentors, other teams, nor other cohorts' coordinators."""
    if not user.is_authenticated:
        return Award.objects.none()
    is_member = Exists(
        Venture.members.through.objects.filter(venture_id=OuterRef("entry__venture_id"), user_id=user.pk)
    )
    coordinates: Exists | Value
    if has_role(user, Role.ADMIN):
        coordinates = Value(True, output_field=BooleanField())
    elif has_role(user, Role.COORDINATOR):
        coordinates = Exists(
            Cohort.coordinators.through.objects.filter(cohort_id=OuterRef("entry__event__cohort_id"), user_id=user.pk)
        )
    else:
        coordinates = Value(False, output_field=BooleanField())
    return (
        Award.objects.filter(entry__venture__isnull=False)
        .annotate(viewer_coordinates=coordinates, viewer_is_member=is_member)
        .filter(Q(viewer_coordinates=True) | Q(viewer_is_member=True))
    )


def award_for(*, user, pk: int) -> Award:
    """The award if the person may see its ledger; 404 otherwise (its existence is not revealed)."""
    award = awards_visible_to(user).select_related("entry__venture", "entry__event__cohort").filter(pk=pk).first()
    if award is None:
        raise Http404
    return award


def _confirmed_value():
    lines = (
        DeliveryLine.objects.filter(delivery__award_id=OuterRef("pk"), delivery__status=Delivery.Status.CONFIRMED)
        .order_by()
        .values("delivery__award_id")
        .annotate(total=Sum("value"))
        .values("total")
    )
    return Coalesce(Subquery(lines, output_field=MONEY), Value(ZERO), output_field=MONEY)


def award_list(*, user, coordinated: bool) -> list[Award]:
    """The awards of the events the person coordinates (coordinated=True) or of their own ventures, each with
    `delivered_value` and `balance`. One query. Shows no delivery date or place."""
    qs = awards_visible_to(user).filter(**({"viewer_coordinates": True} if coordinated else {"viewer_is_member": True}))
    awards: list[Award] = list(
        qs.select_related("entry__venture", "entry__event")
        .annotate(delivered_value=_confirmed_value())
        .order_by("-entry__event__starts_at", "entry__venture__name", "id")
    )
    for award in awards:
        award.balance = award.amount - award.delivered_value  # type: ignore[attr-defined]
    return awards


@dataclass
class ItemRow:
    """A plan item with what was bought, what is committed to deliveries and what was handed over."""

    item: GoodsItem
    bought: int = 0
    bought_cost: Decimal = ZERO
    scheduled: int = 0  # in deliveries not cancelled, confirmed or not
    delivered: int = 0
    delivered_value: Decimal = ZERO

    @property
    def can_schedule(self) -> int:
        return max(0, self.bought - self.scheduled)


@dataclass
class Ledger:
    award: Award
    rows: list[ItemRow]
    purchases: list[Purchase]
    deliveries: list[Delivery]
    events: list[SeedCapitalEvent]
    plan_total: Decimal = ZERO
    bought_cost: Decimal = ZERO
    delivered_value: Decimal = ZERO
    running: list[tuple[Delivery, Decimal]] = field(default_factory=list)

    @property
    def log(self) -> list["LogEntry"]:
        return log_entries(events=self.events, deliveries=self.deliveries)

    @property
    def balance(self) -> Decimal:
        return self.award.amount - self.delivered_value

    @property
    def plan_room(self) -> Decimal:
        return self.award.amount - self.plan_total

    @property
    def fully_delivered(self) -> bool:
        return self.balance <= ZERO


def ledger_for(*, award: Award) -> Ledger:
    """Everything the ledger page shows, in five queries whatever the number of items and deliveries."""
    items = list(GoodsItem.objects.filter(award=award).order_by("id"))
    purchases = list(
        Purchase.objects.filter(award=award)
        .select_related("recorded_by")
        .prefetch_related("lines")
        .order_by("purchased_on", "id")
    )
    deliveries = list(
        Delivery.objects.filter(award=award).select_related("confirmed_by").prefetch_related("lines").order_by("id")
    )
    events = list(SeedCapitalEvent.objects.filter(award=award).select_related("actor").order_by("-created_at", "-id"))
    rows = {item.pk: ItemRow(item=item) for item in items}
    for purchase in purchases:
        for bought in purchase.lines.all():
            row = rows[bought.item_id]
            row.bought += bought.quantity
            row.bought_cost += bought.cost
            bought.item = row.item  # no query per line in the template
    ledger = Ledger(award=award, rows=list(rows.values()), purchases=purchases, deliveries=deliveries, events=events)
    running = award.amount
    for delivery in deliveries:
        delivery.total_value = sum((line.value for line in delivery.lines.all()), ZERO)  # type: ignore[attr-defined]
        for line in delivery.lines.all():
            line.item = rows[line.item_id].item
            if delivery.status == Delivery.Status.CANCELLED:
                continue
            row = rows[line.item_id]
            row.scheduled += line.quantity
            if delivery.status == Delivery.Status.CONFIRMED:
                row.delivered += line.quantity
                row.delivered_value += line.value
    confirmed = sorted(
        (d for d in deliveries if d.status == Delivery.Status.CONFIRMED), key=lambda d: (d.confirmed_at, d.pk)
    )
    for delivery in confirmed:
        running -= delivery.total_value  # type: ignore[attr-defined]
        ledger.running.append((delivery, running))
    ledger.plan_total = sum((row.item.line_total for row in ledger.rows), ZERO)
    ledger.bought_cost = sum((row.bought_cost for row in ledger.rows), ZERO)
    ledger.delivered_value = sum((row.delivered_value for row in ledger.rows), ZERO)
    return ledger


def item_for(*, award: Award, pk: int) -> GoodsItem:
    item = GoodsItem.objects.filter(award=award, pk=pk).first()
    if item is None:
        raise Http404
    return item


def delivery_for(*, award: Award, pk: int) -> Delivery:
    delivery = Delivery.objects.filter(award=award, pk=pk).first()
    if delivery is None:
        raise Http404
    return delivery


def purchase_for(*, award: Award, pk: int) -> Purchase:
    purchase = Purchase.objects.filter(award=award, pk=pk).first()
    if purchase is None:
        raise Http404
    return purchase


# --- The change log, written for people -----------------------------------------------------------------


@dataclass(frozen=True)
class LogField:
    label: str
    text: str


@dataclass(frozen=True)
class LogEntry:
    """One SeedCapitalEvent as the ledger page shows it: Spanish labels, Sí/No, local times, US$ amounts."""

    event: SeedCapitalEvent
    before: list[LogField]
    after: list[LogField]


def _log_labels() -> dict[str, str]:
    return {
        "articulo": _("Artículo"),
        "cantidad": _("Cantidad"),
        "proveedor": _("Proveedor"),
        "costo_unitario": _("Costo unitario"),
        "costo": _("Costo"),
        "fecha": _("Fecha"),
        "factura": _("Foto de la factura"),
        "articulos": _("Artículos"),
        "entrega": _("Entrega"),
        "lugar": _("Lugar"),
        "estado": _("Estado"),
        "testigo": _("Testigo"),
        "foto": _("Foto de la entrega"),
        "hora": _("Hora"),
        "intentos": _("Intentos fallidos"),
    }


def _usd(value) -> str:
    try:
        return _("US$ %(amount)s") % {"amount": number_format(Decimal(str(value)), 2)}
    except (InvalidOperation, ValueError):
        return str(value)


def _local_date(value) -> str:
    try:
        return date_format(date.fromisoformat(str(value)), "d/m/Y")
    except ValueError:
        return str(value)


def _local_time(value) -> str:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return str(value)
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment, UTC)
    return date_format(timezone.localtime(moment, ZoneInfo(LEDGER_TIME_ZONE)), "d/m/Y H:i")


def _goods(value) -> str:
    if not isinstance(value, list):
        return str(value)
    parts = []
    for line in value:
        if not isinstance(line, dict):
            parts.append(str(line))
            continue
        text = f"{line.get('articulo', '')} × {line.get('cantidad', '')}"
        if "costo" in line:
            text += f" ({_usd(line['costo'])})"
        parts.append(text)
    return ", ".join(parts)


def _log_text(key: str, value, delivery_numbers: dict[int, int]) -> str:
    if isinstance(value, bool):
        return _("Sí") if value else _("No")
    if key in {"costo_unitario", "costo"}:
        return _usd(value)
    if key == "fecha":
        return _local_date(value)
    if key == "hora":
        return _local_time(value)
    if key == "articulos":
        return _goods(value)
    if key == "estado":
        return str(Delivery.Status(value).label) if value in Delivery.Status.values else str(value)
    if key == "entrega":
        return str(delivery_numbers.get(value, value))  # the log stores the delivery's id
    return str(value)


def _log_fields(values, delivery_numbers: dict[int, int]) -> list[LogField]:
    if not isinstance(values, dict):
        return [LogField(label="", text=str(values))] if values else []
    labels = _log_labels()
    return [
        LogField(
            label=labels.get(key, key.replace("_", " ").capitalize()), text=_log_text(key, value, delivery_numbers)
        )
        for key, value in values.items()
    ]


def log_entries(*, events: list[SeedCapitalEvent], deliveries: list[Delivery]) -> list[LogEntry]:
    """The ledger's change log in words: no raw keys, booleans, ISO dates or Python lists. No query."""
    numbers = {delivery.pk: delivery.number for delivery in deliveries}
    return [
        LogEntry(event=event, before=_log_fields(event.old_value, numbers), after=_log_fields(event.new_value, numbers))
        for event in events
    ]

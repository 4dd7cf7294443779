"""Personal data held by the seed-capital ledger: kept under the legal retention, without her name."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data import reasons
from cms.personal_data.registry import by_user, declare
from incubator.seedcapital.models import Delivery, DeliveryLine, GoodsItem, Purchase, PurchaseLine, SeedCapitalEvent

SECTION = _("Incubadora: capital semilla")
MEMBERS = "award__entry__venture__members"

declare(
    GoodsItem,
    section=SECTION,
    title=_("Bienes del premio"),
    rows=by_user(MEMBERS),
    export=("description", "quantity", "supplier", "unit_cost"),
    erase=reasons.SEED_CAPITAL,
)
declare(
    Purchase,
    section=SECTION,
    title=_("Compras"),
    rows=by_user(MEMBERS, "recorded_by"),
    export=("purchased_on", "supplier"),
    erase=reasons.SEED_CAPITAL,
)
declare(
    PurchaseLine,
    section=SECTION,
    title=_("Líneas de compra"),
    rows=by_user(f"purchase__{MEMBERS}"),
    export=("item__description", "quantity", "cost"),
    erase=reasons.SEED_CAPITAL,
)
declare(
    Delivery,
    section=SECTION,
    title=_("Entregas"),
    rows=by_user(MEMBERS, "confirmed_by", "scheduled_by"),
    export=("number", "planned_on", "place", "status", "confirmed_at"),
    erase=reasons.SEED_CAPITAL,
)
declare(
    DeliveryLine,
    section=SECTION,
    title=_("Líneas de entrega"),
    rows=by_user(f"delivery__{MEMBERS}"),
    export=("item__description", "quantity", "value"),
    erase=reasons.SEED_CAPITAL,
)
declare(
    SeedCapitalEvent,
    section=SECTION,
    title=_("Historial del capital semilla"),
    rows=by_user(MEMBERS, "actor"),
    export=("kind", "created_at"),
    erase=reasons.SEED_CAPITAL,
)

"""Seed-capital ledger pages: plain forms, POST/redirect/GET, no JavaScript needed.

Every page and download first reaches the award through selectors.award_for, which answers 404 to anyone who
is neither a coordinator of the event's cohort nor a member of the awarded venture. Coordinators write;
the team reads and sees its delivery codes. No page title, link text or message carries a delivery's date or place."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.accounts.roles import Role, has_role
from cms.forms_flow import handle_action, handle_form
from incubator.seedcapital import selectors, services
from incubator.seedcapital.forms import ConfirmForm, DeliveryForm, GoodsItemForm, PurchaseForm
from incubator.seedcapital.models import Delivery
from incubator.seedcapital.services import DeliveryItem, LedgerError, PurchaseItem

# The plan, purchase and delivery forms share one page: distinct ids keep each label tied to its own field.
PURCHASE_IDS = "compra_%s"
DELIVERY_IDS = "entrega_%s"


def private(view):
    """Never cached, never indexed: these pages say who won, how much, and when and where goods are handed over."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    return wrapper


def _ledger_form(request, award, form, *, service, success_message: str, invalid, error_field=None):
    """The ledger's form flow: a service's refusal (LedgerError) and success both return to the ledger."""
    return handle_form(
        request,
        form,
        service=service,
        success_url=reverse("seedcapital:ledger", args=[award.pk]),
        success_message=success_message,
        refused=LedgerError,
        invalid=invalid,
        error_field=error_field,
    )


def _coordinated_award(request: HttpRequest, pk: int):
    award = selectors.award_for(user=request.user, pk=pk)
    if not award.viewer_coordinates:
        raise PermissionDenied
    return award


@private
@login_required
def index(request):
    """Capital semilla: the awards of the events the coordinator runs (404 for everyone else)."""
    if not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
        raise Http404
    return render(
        request,
        "seedcapital/index.html",
        {"awards": selectors.award_list(user=request.user, coordinated=True), "coordinated": True},
    )


@private
@login_required
def mine(request):
    """Mi capital semilla: the awards of the person's own ventures."""
    return render(
        request,
        "seedcapital/index.html",
        {"awards": selectors.award_list(user=request.user, coordinated=False), "coordinated": False},
    )


def _ledger_page(request, award, *, status: int = 200, **forms):
    ledger = selectors.ledger_for(award=award)
    editable = award.viewer_coordinates and award.status == award.Status.ACTIVE
    items = [row.item for row in ledger.rows]
    codes = {}
    if award.viewer_is_member:
        codes = {d.pk: services.delivery_code(delivery=d) for d in ledger.deliveries if d.is_open}
    confirm_forms = forms.get("confirm_forms", {})
    for delivery in ledger.deliveries:
        delivery.code = codes.get(delivery.pk)
        delivery.confirm_form = confirm_forms.get(delivery.pk) or ConfirmForm(prefix=f"d{delivery.pk}")
    return render(
        request,
        "seedcapital/ledger.html",
        {
            "award": award,
            "venture": award.entry.venture,
            "event": award.entry.event,
            "ledger": ledger,
            "editable": editable,
            "is_member": award.viewer_is_member,
            "item_form": forms.get("item_form") or GoodsItemForm(),
            "purchase_form": forms.get("purchase_form") or PurchaseForm(items=items, auto_id=PURCHASE_IDS),
            "delivery_form": forms.get("delivery_form") or DeliveryForm(items=items, auto_id=DELIVERY_IDS),
        },
        status=status,
    )


@private
@login_required
def ledger(request, pk: int):
    """The award's ledger: plan, purchases, deliveries, the balance running to zero and the log."""
    return _ledger_page(request, selectors.award_for(user=request.user, pk=pk))


@private
@login_required
@require_POST
def item_add(request, pk: int):
    award = _coordinated_award(request, pk)
    return _ledger_form(
        request,
        award,
        GoodsItemForm(request.POST),
        service=lambda data: services.goods_item_add(award=award, by=request.user, **data),
        success_message=_("Artículo agregado al plan."),
        invalid=lambda form: _ledger_page(request, award, status=400, item_form=form),
    )


@private
@login_required
def item_edit(request, pk: int, item_pk: int):
    """Change one line of the plan (coordinators of an active award)."""
    award = _coordinated_award(request, pk)
    item = selectors.item_for(award=award, pk=item_pk)
    initial = {
        "description": item.description,
        "quantity": item.quantity,
        "supplier": item.supplier,
        "unit_cost": item.unit_cost,
    }
    form = GoodsItemForm(request.POST or None, initial=initial)

    def page(form):
        return render(
            request,
            "seedcapital/item_edit.html",
            {
                "award": award,
                "item": item,
                "form": form,
                "editable": award.status == award.Status.ACTIVE,
            },
            status=400 if form.is_bound else 200,
        )

    if request.method != "POST":
        return page(form)
    return _ledger_form(
        request,
        award,
        form,
        service=lambda data: services.goods_item_update(item=item, by=request.user, **data),
        success_message=_("Artículo guardado."),
        invalid=page,
    )


@private
@login_required
@require_POST
def item_remove(request, pk: int, item_pk: int):
    award = _coordinated_award(request, pk)
    item = selectors.item_for(award=award, pk=item_pk)
    return handle_action(
        request,
        service=lambda: services.goods_item_remove(item=item, by=request.user),
        success_url=reverse("seedcapital:ledger", args=[award.pk]),
        success_message=_("Artículo quitado del plan."),
        refused=LedgerError,
    )


def _plan_items(award):
    return list(award.goods_items.order_by("id"))


@private
@login_required
@require_POST
def purchase_add(request, pk: int):
    award = _coordinated_award(request, pk)
    form = PurchaseForm(request.POST, request.FILES, items=_plan_items(award), auto_id=PURCHASE_IDS)
    return _ledger_form(
        request,
        award,
        form,
        service=lambda data: services.purchase_record(
            award=award,
            by=request.user,
            purchased_on=data["purchased_on"],
            supplier=data["supplier"],
            receipt=data.get("receipt"),
            items=[PurchaseItem(item, qty, cost) for item, qty, cost in form.chosen_with_cost()],
        ),
        success_message=_("Compra registrada."),
        error_field="receipt",
        invalid=lambda form: _ledger_page(request, award, status=400, purchase_form=form),
    )


@private
@login_required
@require_POST
def delivery_schedule(request, pk: int):
    award = _coordinated_award(request, pk)
    form = DeliveryForm(request.POST, items=_plan_items(award), auto_id=DELIVERY_IDS)
    return _ledger_form(
        request,
        award,
        form,
        service=lambda data: services.delivery_schedule(
            award=award,
            by=request.user,
            planned_on=data["planned_on"],
            place=data["place"],
            items=[DeliveryItem(item, qty) for item, qty in form.chosen()],
        ),
        success_message=_("Entrega programada. El equipo ve su código en esta página."),
        invalid=lambda form: _ledger_page(request, award, status=400, delivery_form=form),
    )


@private
@login_required
@require_POST
def delivery_confirm(request, pk: int, delivery_pk: int):
    """The coordinator types the code the recipient reads out at the handover, the witness and a photo."""
    award = _coordinated_award(request, pk)
    delivery = selectors.delivery_for(award=award, pk=delivery_pk)
    return _ledger_form(
        request,
        award,
        ConfirmForm(request.POST, request.FILES, prefix=f"d{delivery.pk}"),
        service=lambda data: services.delivery_confirm(delivery=delivery, by=request.user, **data),
        success_message=_("Entrega confirmada."),
        error_field="photo",
        invalid=lambda form: _ledger_page(request, award, status=400, confirm_forms={delivery.pk: form}),
    )


@private
@login_required
@require_POST
def delivery_cancel(request, pk: int, delivery_pk: int):
    award = _coordinated_award(request, pk)
    delivery = selectors.delivery_for(award=award, pk=delivery_pk)
    return handle_action(
        request,
        service=lambda: services.delivery_cancel(delivery=delivery, by=request.user),
        success_url=reverse("seedcapital:ledger", args=[award.pk]),
        success_message=_("Entrega cancelada. Sus artículos se pueden programar de nuevo."),
        refused=LedgerError,
    )


def _photo_response(field_file):
    if not field_file:
        raise Http404
    return FileResponse(field_file.open("rb"), content_type="image/jpeg", filename="foto.jpg")  # inline


@private
@login_required
def receipt(request, pk: int, purchase_pk: int):
    """A purchase's receipt photo, only for the people who see the ledger (404 for everyone else)."""
    award = selectors.award_for(user=request.user, pk=pk)
    return _photo_response(selectors.purchase_for(award=award, pk=purchase_pk).receipt)


@private
@login_required
def delivery_photo(request, pk: int, delivery_pk: int):
    """A handover photo, only for the people who see the ledger (404 for everyone else)."""
    award = selectors.award_for(user=request.user, pk=pk)
    delivery = selectors.delivery_for(award=award, pk=delivery_pk)
    if delivery.status != Delivery.Status.CONFIRMED:
        raise Http404
    return _photo_response(delivery.photo)

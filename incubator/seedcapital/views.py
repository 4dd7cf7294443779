"""Seed-capital ledger pages: plain forms, POST/redirect/GET, no JavaScript needed.

Every page and download first reaches the award through selectors.award_for, which answers 404 to anyone who
is neither a coordinator of the event's cohort nor a member of the awarded venture. Coordinators write;
the team reads and sees its delivery codes. No page title, link text or message carries a delivery's date or place."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.accounts.roles import Role, has_role
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


def _add_errors(form, exc: ValidationError, field: str | None = None) -> None:
    """Put a service's errors next to their fields; an error without a field goes to `field` (or the top)."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(field, exc.messages)


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
    return render(request, "seedcapital/index.html", {
        "awards": selectors.award_list(user=request.user, coordinated=True), "coordinated": True})


@private
@login_required
def mine(request):
    """Mi capital semilla: the awards of the person's own ventures."""
    return render(request, "seedcapital/index.html", {
        "awards": selectors.award_list(user=request.user, coordinated=False), "coordinated": False})


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
    return render(request, "seedcapital/ledger.html", {
        "award": award, "venture": award.entry.venture, "event": award.entry.event, "ledger": ledger,
        "editable": editable, "is_member": award.viewer_is_member,
        "item_form": forms.get("item_form") or GoodsItemForm(),
        "purchase_form": forms.get("purchase_form") or PurchaseForm(items=items, auto_id=PURCHASE_IDS),
        "delivery_form": forms.get("delivery_form") or DeliveryForm(items=items, auto_id=DELIVERY_IDS),
    }, status=status)


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
    form = GoodsItemForm(request.POST)
    if form.is_valid():
        try:
            services.goods_item_add(award=award, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        except LedgerError as exc:
            messages.error(request, str(exc))
            return redirect("seedcapital:ledger", pk=award.pk)
        else:
            messages.success(request, _("Artículo agregado al plan."))
            return redirect("seedcapital:ledger", pk=award.pk)
    return _ledger_page(request, award, status=400, item_form=form)


@private
@login_required
def item_edit(request, pk: int, item_pk: int):
    """Change one line of the plan (coordinators of an active award)."""
    award = _coordinated_award(request, pk)
    item = selectors.item_for(award=award, pk=item_pk)
    initial = {"description": item.description, "quantity": item.quantity, "supplier": item.supplier,
               "unit_cost": item.unit_cost}
    form = GoodsItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.goods_item_update(item=item, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        except LedgerError as exc:
            messages.error(request, str(exc))
            return redirect("seedcapital:ledger", pk=award.pk)
        else:
            messages.success(request, _("Artículo guardado."))
            return redirect("seedcapital:ledger", pk=award.pk)
    return render(request, "seedcapital/item_edit.html", {
        "award": award, "item": item, "form": form, "editable": award.status == award.Status.ACTIVE,
    }, status=400 if form.is_bound else 200)


@private
@login_required
@require_POST
def item_remove(request, pk: int, item_pk: int):
    award = _coordinated_award(request, pk)
    item = selectors.item_for(award=award, pk=item_pk)
    try:
        services.goods_item_remove(item=item, by=request.user)
        messages.success(request, _("Artículo quitado del plan."))
    except LedgerError as exc:
        messages.error(request, str(exc))
    return redirect("seedcapital:ledger", pk=award.pk)


def _plan_items(award):
    return list(award.goods_items.order_by("id"))


@private
@login_required
@require_POST
def purchase_add(request, pk: int):
    award = _coordinated_award(request, pk)
    form = PurchaseForm(request.POST, request.FILES, items=_plan_items(award), auto_id=PURCHASE_IDS)
    if form.is_valid():
        try:
            services.purchase_record(
                award=award, by=request.user, purchased_on=form.cleaned_data["purchased_on"],
                supplier=form.cleaned_data["supplier"], receipt=form.cleaned_data.get("receipt"),
                items=[PurchaseItem(item, qty, cost) for item, qty, cost in form.chosen_with_cost()])
        except ValidationError as exc:
            _add_errors(form, exc, "receipt")
        except LedgerError as exc:
            messages.error(request, str(exc))
            return redirect("seedcapital:ledger", pk=award.pk)
        else:
            messages.success(request, _("Compra registrada."))
            return redirect("seedcapital:ledger", pk=award.pk)
    return _ledger_page(request, award, status=400, purchase_form=form)


@private
@login_required
@require_POST
def delivery_schedule(request, pk: int):
    award = _coordinated_award(request, pk)
    form = DeliveryForm(request.POST, items=_plan_items(award), auto_id=DELIVERY_IDS)
    if form.is_valid():
        try:
            services.delivery_schedule(
                award=award, by=request.user, planned_on=form.cleaned_data["planned_on"],
                place=form.cleaned_data["place"], items=[DeliveryItem(item, qty) for item, qty in form.chosen()])
        except ValidationError as exc:
            _add_errors(form, exc)
        except LedgerError as exc:
            messages.error(request, str(exc))
            return redirect("seedcapital:ledger", pk=award.pk)
        else:
            messages.success(request, _("Entrega programada. El equipo ve su código en esta página."))
            return redirect("seedcapital:ledger", pk=award.pk)
    return _ledger_page(request, award, status=400, delivery_form=form)


@private
@login_required
@require_POST
def delivery_confirm(request, pk: int, delivery_pk: int):
    """The coordinator types the code the recipient reads out at the handover, the witness and a photo."""
    award = _coordinated_award(request, pk)
    delivery = selectors.delivery_for(award=award, pk=delivery_pk)
    form = ConfirmForm(request.POST, request.FILES, prefix=f"d{delivery.pk}")
    if form.is_valid():
        try:
            services.delivery_confirm(delivery=delivery, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc, "photo")
        except LedgerError as exc:
            messages.error(request, str(exc))
            return redirect("seedcapital:ledger", pk=award.pk)
        else:
            messages.success(request, _("Entrega confirmada."))
            return redirect("seedcapital:ledger", pk=award.pk)
    return _ledger_page(request, award, status=400, confirm_forms={delivery.pk: form})


@private
@login_required
@require_POST
def delivery_cancel(request, pk: int, delivery_pk: int):
    award = _coordinated_award(request, pk)
    delivery = selectors.delivery_for(award=award, pk=delivery_pk)
    try:
        services.delivery_cancel(delivery=delivery, by=request.user)
        messages.success(request, _("Entrega cancelada. Sus artículos se pueden programar de nuevo."))
    except LedgerError as exc:
        messages.error(request, str(exc))
    return redirect("seedcapital:ledger", pk=award.pk)


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

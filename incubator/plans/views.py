"""Plan pages: one form that works without JavaScript; autosave only adds comfort. Every page goes through
the venture access rule (404 for outsiders; team edits, mentors and coordinators read)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from incubator.plans import selectors, services
from incubator.plans.fields import CANVAS_BLOCKS, NARRATIVE_SECTIONS, ROW_FIELDS, display, plan_values
from incubator.plans.forms import PlanForm
from incubator.plans.selectors import VentureAccess
from incubator.plans.tasks import plan_version_pdf_job

FINANCE_FIELDS = ("unit_name", "price_per_unit", "variable_cost_per_unit", "expected_monthly_units")
LAST_SAVE = "planes-ultimo-guardado"  # session key: {plan id: [revision, page id]}


def _saved_at(plan) -> str:
    return timezone.localtime(plan.updated_at or timezone.now()).strftime("%H:%M")


def _edit_context(access: VentureAccess, plan, form: PlanForm, conflicts: dict[str, str]) -> dict:
    def entries(names):
        return [{"field": form[n], "name": n, "saved": conflicts.get(n)} for n in names]

    return {
        "venture": access.venture,
        "plan": plan,
        "form": form,
        "conflicts": conflicts,
        "canvas": entries(s.name for s in CANVAS_BLOCKS),
        "narrative": entries(s.name for s in NARRATIVE_SECTIONS),
        "finance_fields": entries(FINANCE_FIELDS),
        "row_tables": [
            {"name": n, "label": form.rows_label(n), "rows": form.rows(n), "saved": conflicts.get(n)}
            for n in ROW_FIELDS
        ],
        "results": selectors.plan_sections(plan_values(plan))["finance"],
        "updated_ms": int(plan.updated_at.timestamp() * 1000) if plan.updated_at else 0,
    }


def _page_id(request: HttpRequest) -> str:
    """The id the autosave script gives each open page (empty without JavaScript)."""
    return request.POST.get("pestana", "").strip()[:40]


def _plan_save(request: HttpRequest, *, plan_id: int, values: dict, base_revision: int):
    """Save the draft. A page whose previous save reached the server but whose answer was lost (the
    connection died on the way back) still holds the old revision, yet it has everything the current one has
    and more: its next save goes on top instead of being taken for another tab's conflict."""
    try:
        plan = services.business_plan_save(plan_id=plan_id, by=request.user, values=values, base_revision=base_revision)
    except services.PlanConflict as exc:
        page = _page_id(request)
        if not page or request.session.get(LAST_SAVE, {}).get(str(plan_id)) != [exc.plan.revision, page]:
            raise
        plan = services.business_plan_save(
            plan_id=plan_id, by=request.user, values=values, base_revision=exc.plan.revision
        )
    if _page_id(request):
        request.session[LAST_SAVE] = {
            **request.session.get(LAST_SAVE, {}),
            str(plan_id): [plan.revision, _page_id(request)],
        }
    return plan


def _save(request: HttpRequest, access: VentureAccess, plan):
    """Explicit save (the no-JS path): errors and conflicts re-render the page with everything typed."""
    form = PlanForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Revisa los campos marcados: lo que escribiste sigue aquí."))
        return render(request, "plans/edit.html", _edit_context(access, plan, form, {}), status=400)
    values = form.values()
    saved = plan_values(plan)
    for name in form.fields_kept_from_saved():
        values[name] = saved[name]
    try:
        plan = _plan_save(request, plan_id=plan.pk, values=values, base_revision=form.cleaned_data["revision"])
    except services.PlanConflict as exc:
        data = request.POST.copy()
        data["revision"] = str(exc.plan.revision)
        for key in [k for k in data if k.startswith("elegir-")]:
            del data[key]
        current = plan_values(exc.plan)
        conflicts = {name: display(name, current[name]) for name in exc.fields}
        return render(
            request, "plans/edit.html", _edit_context(access, exc.plan, PlanForm(data), conflicts), status=409
        )
    if request.POST.get("accion") == "enviar":
        try:
            version = services.plan_version_submit(plan_id=plan.pk, by=request.user)
        except services.NothingToSubmit as exc:
            messages.info(request, str(exc))
        else:
            messages.success(
                request, _("Enviaste la versión %(number)s. Tu mentor(a) ya puede verla.") % {"number": version.number}
            )
        return redirect("plans:history", venture_id=access.venture.pk)
    messages.success(request, _("Guardado a las %(time)s.") % {"time": _saved_at(plan)})
    return redirect("plans:plan", venture_id=access.venture.pk)


@login_required
def plan(request: HttpRequest, venture_id: int) -> HttpResponse:
    """The team edits the plan here; mentors and coordinators of the cohort read it."""
    access = selectors.venture_access_or_404(user=request.user, venture_id=venture_id)
    if not access.can_edit:
        if request.method == "POST":
            raise PermissionDenied
        current = selectors.plan_of(venture=access.venture)
        return render(
            request,
            "plans/read.html",
            {
                "venture": access.venture,
                "plan": current,
                "sections": selectors.plan_sections(plan_values(current)) if current else None,
            },
        )
    current = services.business_plan_ensure(venture=access.venture)
    if request.method == "POST":
        return _save(request, access, current)
    form = PlanForm(initial_values={**plan_values(current), "revision": current.revision})
    return render(request, "plans/edit.html", _edit_context(access, current, form, {}))


@login_required
@require_POST
def autosave(request: HttpRequest, venture_id: int) -> JsonResponse:
    """The autosave script posts the whole form here every few seconds after a change."""
    access = selectors.venture_access_or_404(user=request.user, venture_id=venture_id)
    if not access.can_edit:
        raise PermissionDenied
    current = services.business_plan_ensure(venture=access.venture)
    form = PlanForm(request.POST)
    if not form.is_valid():
        return JsonResponse(
            {"ok": False, "message": _("Hay datos por corregir. Pulsa «Guardar» para ver cuáles.")}, status=400
        )
    try:
        current = _plan_save(
            request, plan_id=current.pk, values=form.values(), base_revision=form.cleaned_data["revision"]
        )
    except services.PlanConflict:
        return JsonResponse(
            {
                "ok": False,
                "conflict": True,
                "message": _("Este plan se guardó en otro lugar. Pulsa «Guardar» para ver los dos textos y elegir."),
            },
            status=409,
        )
    return JsonResponse(
        {
            "ok": True,
            "revision": current.revision,
            "message": _("Guardado a las %(time)s") % {"time": _saved_at(current)},
        }
    )


@login_required
def history(request: HttpRequest, venture_id: int) -> HttpResponse:
    access = selectors.venture_access_or_404(user=request.user, venture_id=venture_id)
    current = selectors.plan_of(venture=access.venture)
    return render(
        request,
        "plans/history.html",
        {
            "venture": access.venture,
            "access": access,
            "versions": selectors.versions_of(plan=current),
        },
    )


@login_required
def version(request: HttpRequest, venture_id: int, number: int) -> HttpResponse:
    access = selectors.venture_access_or_404(user=request.user, venture_id=venture_id)
    frozen = selectors.version_of_or_404(plan=selectors.plan_of(venture=access.venture), number=number)
    return render(
        request,
        "plans/version.html",
        {
            "venture": access.venture,
            "version": frozen,
            "snapshot": frozen.snapshot,
            "sections": selectors.plan_sections(frozen.snapshot["fields"]),
        },
    )


@login_required
def version_download(request: HttpRequest, venture_id: int, number: int) -> HttpResponse:
    """Starts (or finds) the version's PDF job and sends the person to its page, which offers the file."""
    access = selectors.venture_access_or_404(user=request.user, venture_id=venture_id)
    frozen = selectors.version_of_or_404(plan=selectors.plan_of(venture=access.venture), number=number)
    return redirect("jobs:status", job_id=plan_version_pdf_job(version=frozen, user=request.user).pk)


def _number(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@login_required
def compare(request: HttpRequest, venture_id: int) -> HttpResponse:
    """?a=1&b=2: only the fields that changed, old (a) vs new (b)."""
    access = selectors.venture_access_or_404(user=request.user, venture_id=venture_id)
    current = selectors.plan_of(venture=access.venture)
    versions = selectors.versions_of(plan=current)
    a, b = _number(request.GET.get("a")), _number(request.GET.get("b"))
    context = {"venture": access.venture, "versions": versions, "a": a, "b": b, "changes": None}
    if a is not None and b is not None:
        if current is None:
            raise Http404
        context.update(
            old=selectors.version_of_or_404(plan=current, number=a),
            new=selectors.version_of_or_404(plan=current, number=b),
        )
        context["changes"] = selectors.versions_compare(old=context["old"], new=context["new"])
    return render(request, "plans/compare.html", context)

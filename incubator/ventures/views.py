"""Venture pages: Mis emprendimientos, create, the venture home, team and mentors. No JavaScript needed."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from incubator.cohorts.selectors import is_cohort_coordinator
from incubator.ventures import selectors, services
from incubator.ventures.access import can_edit_venture
from incubator.ventures.forms import MemberAddForm, MentorsForm, VentureForm

# Sections of the venture home: (label, candidate URL names taking the venture id). Other apps fill
# their URLs in parallel; a section shows once one of its names resolves.
SECTIONS = [
    (gettext_lazy("Plan de negocio"), ("plans:plan",)),
    (gettext_lazy("Prototipos"), ("milestones:prototypes",)),
    (gettext_lazy("Hitos"), ("milestones:timeline",)),
    (gettext_lazy("Bitácora de mentoría"), ("milestones:mentor_log",)),
    (gettext_lazy("Indicadores"), ("kpis:venture",)),
    (gettext_lazy("Mentorías"), ("mentoring:venture_sessions",)),
]


def venture_sections(venture) -> list[tuple[str, str]]:
    sections = []
    for label, names in SECTIONS:
        for name in names:
            try:
                sections.append((label, reverse(name, args=[venture.pk])))
                break
            except NoReverseMatch:
                continue
    return sections


def _venture_or_404(request, pk: int):
    venture = selectors.venture_with_team_or_none(user=request.user, pk=pk)
    if venture is None:
        raise Http404
    return venture


@login_required
def mine(request):
    return render(
        request,
        "ventures/mine.html",
        {
            "ventures": selectors.my_ventures(user=request.user),
            "can_create": bool(selectors.cohorts_to_start_venture(user=request.user)),
        },
    )


@login_required
def create(request):
    cohorts = selectors.cohorts_to_start_venture(user=request.user)
    if not cohorts:
        messages.error(request, _("Para crear un emprendimiento necesitas un cupo aceptado en una cohorte."))
        return redirect("ventures:mine")
    form = VentureForm(request.POST or None, cohorts=cohorts)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            venture = services.venture_create(
                cohort=data["cohort"],
                by=request.user,
                name=data["name"],
                sector=data["sector"],
                description=data["description"],
                city=data["city"],
            )
        except services.VentureError as e:
            form.add_error(None, str(e))
        else:
            messages.success(request, _("¡Listo! Tu emprendimiento ya existe."))
            return redirect("ventures:detail", pk=venture.pk)
    return render(request, "ventures/create.html", {"form": form})


def _detail_context(request, venture, **extra) -> dict:
    coordinates = is_cohort_coordinator(user=request.user, cohort=venture.cohort)
    members = list(venture.members.all())
    return {
        "venture": venture,
        "members": members,
        "mentors": list(venture.mentors.all()),
        "sections": venture_sections(venture),
        "can_edit": can_edit_venture(request.user, venture),
        "coordinates": coordinates,
        "member_form": MemberAddForm(),
        "can_remove": len(members) > 1 and (coordinates or can_edit_venture(request.user, venture)),
        **extra,
    }


@login_required
def detail(request, pk: int):
    venture = _venture_or_404(request, pk)
    return render(request, "ventures/detail.html", _detail_context(request, venture))


@login_required
def member_add(request, pk: int):
    venture = _venture_or_404(request, pk)
    if not can_edit_venture(request.user, venture):
        raise Http404
    if request.method != "POST":
        return redirect("ventures:detail", pk=pk)
    form = MemberAddForm(request.POST)
    if form.is_valid():
        try:
            user = services.venture_member_add(venture=venture, by=request.user, username=form.cleaned_data["username"])
        except services.VentureError as e:
            form.add_error("username", str(e))
        else:
            messages.success(request, _("%(name)s ya es parte del equipo.") % {"name": user.display_name})
            return redirect("ventures:detail", pk=pk)
    return render(request, "ventures/detail.html", _detail_context(request, venture, member_form=form), status=400)


@login_required
@require_POST
def member_remove(request, pk: int, user_id: int):
    """The team or the cohort's coordination takes someone off the team (never the last person)."""
    venture = _venture_or_404(request, pk)
    if not (can_edit_venture(request.user, venture) or is_cohort_coordinator(user=request.user, cohort=venture.cohort)):
        raise Http404
    user = next((m for m in venture.members.all() if m.pk == user_id), None)
    if user is None:
        raise Http404
    try:
        services.venture_member_remove(venture=venture, by=request.user, user=user)
    except services.VentureError as e:
        messages.error(request, str(e))
        return redirect("ventures:detail", pk=pk)
    if user == request.user:
        messages.success(request, _("Saliste del equipo de %(venture)s.") % {"venture": venture.name})
        if selectors.venture_with_team_or_none(user=request.user, pk=pk) is None:
            return redirect("ventures:mine")
    else:
        messages.success(request, _("%(name)s ya no es parte del equipo.") % {"name": user.display_name})
    return redirect("ventures:detail", pk=pk)


@login_required
def mentors(request, pk: int):
    venture = _venture_or_404(request, pk)
    if not is_cohort_coordinator(user=request.user, cohort=venture.cohort):
        raise Http404
    form = MentorsForm(request.POST or None, initial={"mentors": list(venture.mentors.all())})
    if request.method == "POST" and form.is_valid():
        try:
            services.venture_mentors_set(venture=venture, mentors=form.cleaned_data["mentors"], by=request.user)
        except services.VentureError as e:
            form.add_error("mentors", str(e))
        else:
            messages.success(request, _("Mentores guardados."))
            return redirect("ventures:detail", pk=pk)
    return render(request, "ventures/mentors.html", {"venture": venture, "form": form})

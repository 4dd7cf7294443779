"""The coordination desk (phone-sized pages) and the person's own "Mis permisos". Views are adapters.

Anyone who may not open a page gets a 404 (or the login page when signed out), never a 403 that would
confirm the record exists.
"""

from __future__ import annotations

import copy
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from cms.accounts.models import Participant
from cms.accounts.selectors import profile_for
from cms.people import selectors, services
from cms.people.forms import CaseNoteForm, CorrectionForm, RegisterForm, SearchForm, SensitiveReadForm
from cms.people.models import Purpose

PAGE_SIZE = 25
# URL word -> sensitive field; the words are Spanish, the fields stay the model's.
SENSITIVE_SLUGS = {"movilidad": "mobility", "discapacidad": "disability"}
SENSITIVE_TITLES = {
    "mobility": _("Situación migratoria"),
    "disability": _("Discapacidad"),
}


def desk_only(view):
    """Coordination and administration; everyone else signed in gets a 404."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not selectors.may_read_sensitive(request.user):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


def _participant_or_404(request, pk: int) -> Participant:
    try:
        return selectors.participant_for(user=request.user, pk=pk)
    except Participant.DoesNotExist as missing:
        raise Http404 from missing


@desk_only
@require_http_methods(["GET"])
def person_list(request):
    """Everyone the coordinator works with, searchable by name, document or phone, by center."""
    centers = selectors.centers_for(user=request.user)
    form = SearchForm(request.GET or None, centers=centers)
    query, center = "", None
    if form.is_valid():
        query, center = form.cleaned_data["q"].strip(), form.cleaned_data["centro"]
    records = selectors.participants_search(user=request.user, query=query, center_id=center.pk if center else None)
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("p"))
    filters = request.GET.copy()
    filters.pop("p", None)
    return render(
        request, "people/list.html", {"form": form, "page": page, "filters": filters.urlencode(), "query": query}
    )


@desk_only
@require_http_methods(["GET"])
def person_detail(request, pk: int):
    """Her record, her path, her consents, the case notes the coordinator may read, and the registry log."""
    participant = _participant_or_404(request, pk)
    return render(
        request,
        "people/detail.html",
        {
            "person": participant,
            "sections": selectors.path_sections_of(participant=participant),
            "consents": selectors.consent_states_of(participant=participant),
            "notes": list(selectors.case_notes_for(user=request.user, participant=participant)),
            "log": selectors.registry_log_of(participant=participant),
            "note_form": CaseNoteForm(),
            "sensitive_links": [(slug, SENSITIVE_TITLES[field]) for slug, field in SENSITIVE_SLUGS.items()],
        },
    )


@desk_only
@require_http_methods(["GET", "POST"])
def person_register(request):
    """A walk-in: register the person, with her consent for training, in one step."""
    centers = selectors.centers_for(user=request.user)
    form = RegisterForm(request.POST if request.method == "POST" else None, centers=centers)
    consent_text = selectors.consent_text_current(purpose=Purpose.TRAINING)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        participant = services.participant_register_walk_in(by=request.user, fields=data)
        messages.success(request, _("Registramos a %(name)s.") % {"name": participant.full_name})
        return redirect("people:detail", pk=participant.pk)
    return render(request, "people/register.html", {"form": form, "consent_text": consent_text})


@desk_only
@require_http_methods(["GET", "POST"])
def person_edit(request, pk: int):
    """Correct her record. The form works on a copy: the service compares against what is stored."""
    participant = _participant_or_404(request, pk)
    centers = selectors.centers_for(user=request.user)
    form = CorrectionForm(
        request.POST if request.method == "POST" else None, instance=copy.copy(participant), centers=centers
    )
    if request.method == "POST" and form.is_valid():
        services.participant_update(by=request.user, participant=participant, data=form.changed_data_for_update())
        messages.success(request, _("Guardamos los cambios."))
        return redirect("people:detail", pk=participant.pk)
    return render(request, "people/edit.html", {"form": form, "person": participant})


@desk_only
@require_http_methods(["GET", "POST"])
def person_sensitive(request, pk: int, slug: str):
    """Read one sensitive field, after saying why; the read is logged. The value is shown only in the answer
    to the POST, never in a URL."""
    field = SENSITIVE_SLUGS.get(slug)
    if field is None:
        raise Http404
    participant = _participant_or_404(request, pk)
    form = SensitiveReadForm(request.POST if request.method == "POST" else None)
    value = None
    if request.method == "POST" and form.is_valid():
        value = selectors.participant_sensitive_read(
            reader=request.user, participant=participant, field=field, reason=form.reason_label()
        )
    return render(
        request,
        "people/sensitive.html",
        {"form": form, "person": participant, "title": SENSITIVE_TITLES[field], "value": value},
    )


@desk_only
@require_POST
def note_add(request, pk: int):
    """Add a case note; private to its author unless she shares it with coordination."""
    participant = _participant_or_404(request, pk)
    form = CaseNoteForm(request.POST)
    if form.is_valid():
        services.case_note_add(by=request.user, participant=participant, **form.cleaned_data)
        messages.success(request, _("Guardamos la nota."))
    else:
        messages.error(request, _("Escribe la nota antes de guardarla."))
    return redirect(reverse("people:detail", kwargs={"pk": participant.pk}) + "#notas")


@login_required
@require_http_methods(["GET", "POST"])
def my_consents(request):
    """ "Mis permisos": each purpose, its state and words; give or withdraw with one button."""
    if request.method == "POST":
        participant = services.participant_own_ensure(user=request.user)
        purpose, scope = request.POST.get("purpose", ""), request.POST.get("scope", "")
        action = request.POST.get("action")
        if purpose in Purpose.values and action in ("dar", "retirar") and len(scope) <= 60:
            if action == "dar" and purpose in selectors.SELF_GIVEN_PURPOSES and not scope:
                services.consent_give(participant=participant, purpose=purpose, by=request.user)
                messages.success(request, _("Diste tu permiso. Puedes retirarlo cuando quieras."))
            elif action == "retirar":
                services.consent_revoke(participant=participant, purpose=purpose, scope=scope, by=request.user)
                messages.success(request, _("Retiraste tu permiso. Ya no usaremos tus datos para eso."))
        return redirect("people:my_consents")
    return render(
        request,
        "people/my_consents.html",
        {
            "consents": selectors.consent_states_of(participant=profile_for(user=request.user)),
            "self_given": selectors.SELF_GIVEN_PURPOSES,
        },
    )

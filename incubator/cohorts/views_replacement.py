"""Dropout replacement pages for the cohort's coordinators: candidates, interviews, promotion."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from cms.accounts.models import Participant
from incubator.cohorts import replacement
from incubator.cohorts.services import IntakeError
from incubator.cohorts.views import _managed_cohort_or_404


class InterviewForm(forms.Form):
    held_on = forms.DateField(
        label=gettext_lazy("Fecha de la entrevista"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": gettext_lazy("Escribe la fecha."), "invalid": gettext_lazy("Fecha no válida.")},
    )
    notes = forms.CharField(label=gettext_lazy("Notas"), required=False, max_length=2000, widget=forms.Textarea)
    suitable = forms.TypedChoiceField(
        label=gettext_lazy("¿Puede tomar el cupo?"),
        choices=[("si", gettext_lazy("Sí")), ("no", gettext_lazy("No"))],
        coerce=lambda value: value == "si",
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Elige sí o no.")},
    )


def _candidate(cohort, user_id: int) -> Participant:
    try:
        return replacement.replacement_candidate_for(cohort=cohort, user_id=user_id)
    except Participant.DoesNotExist:
        raise Http404 from None


@login_required
@require_GET
def candidates(request, pk: int):
    cohort = _managed_cohort_or_404(request, pk)
    context = {
        "cohort": cohort,
        "seats": replacement.freed_seats(cohort=cohort),
        "candidates": replacement.replacement_candidates(cohort=cohort),
        "form": InterviewForm(initial={"held_on": timezone.localdate()}),
    }
    return render(request, "cohorts/replacement.html", context)


@login_required
@require_POST
def interview(request, pk: int, user_id: int):
    cohort = _managed_cohort_or_404(request, pk)
    person = _candidate(cohort, user_id)
    form = InterviewForm(request.POST)
    if form.is_valid():
        replacement.replacement_interview_record(
            cohort=cohort, candidate=person.user, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Entrevista guardada."))
    else:
        messages.error(
            request,
            _("Revisa la entrevista: %(errors)s")
            % {"errors": " ".join(str(e) for errors in form.errors.values() for e in errors)},
        )
    return redirect("cohorts:replacement", pk=cohort.pk)


@login_required
@require_POST
def promote(request, pk: int, user_id: int):
    cohort = _managed_cohort_or_404(request, pk)
    person = _candidate(cohort, user_id)
    try:
        replacement.replacement_promote(cohort=cohort, candidate=person.user, by=request.user)
    except IntakeError as refused:
        messages.error(request, str(refused))
        return redirect("cohorts:replacement", pk=cohort.pk)
    messages.success(
        request,
        _("%(name)s tiene ahora el cupo. Verá su lista para ponerse al día en su página.") % {"name": person.full_name},
    )
    return redirect("cohorts:applications", pk=cohort.pk)

"""The satisfaction question after childcare or credit: her page, and coordination's (a follow-up call).

Phone-sized, no JavaScript. Whoever may not see the referral gets a 404, as on every referral page.
"""

from __future__ import annotations

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.accounts.roles import Role, has_role
from cms.forms_flow import handle_form
from cms.indicators.satisfaction import RATING_CHOICES
from cms.referrals import feedback as service
from cms.referrals.models import Referral, ServiceType

QUESTIONS = {
    ServiceType.CHILDCARE: gettext_lazy("¿Qué tan satisfecha o satisfecho estás con el cuidado infantil?"),
    ServiceType.CREDIT: gettext_lazy("¿Qué tan satisfecha o satisfecho estás con el proceso para obtener crédito?"),
}


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": gettext_lazy("Elige una opción."),
            "invalid_choice": gettext_lazy("Elige una de las opciones."),
        },
    )

    def __init__(self, *args, referral: Referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rating"].label = QUESTIONS[referral.service_type]


@login_required
def feedback(request, pk: int):
    """Her own page: one question, or her answer already given."""
    try:
        referral = service.feedback_referral_of_person(user=request.user, pk=pk)
    except Referral.DoesNotExist as exc:
        raise Http404 from exc
    answer = service.feedback_of(referral)
    if answer is not None:
        return render(request, "referrals/feedback/thanks.html", {"referral": referral, "answer": answer})
    form = FeedbackForm(request.POST or None, referral=referral)
    if request.method != "POST":
        return render(request, "referrals/feedback/ask.html", {"referral": referral, "form": form})
    return handle_form(
        request,
        form,
        service=lambda data: service.referral_feedback_submit(by=request.user, referral=referral, **data),
        success_url=reverse("referrals:feedback", args=[referral.pk]),
        success_message=_("Gracias por tu respuesta."),
        refused=service.FeedbackError,
        invalid=lambda form: render(
            request, "referrals/feedback/ask.html", {"referral": referral, "form": form}, status=400
        ),
    )


def _coordination(request) -> None:
    if not has_role(request.user, Role.COORDINATOR, Role.ADMIN):
        raise Http404


@login_required
def pending(request):
    """Coordination: attended childcare and credit referrals nobody has answered yet, oldest first."""
    _coordination(request)
    referrals = service.feedback_pending_for_coordination(user=request.user)[:200]
    return render(request, "referrals/feedback/pending.html", {"referrals": referrals})


@login_required
def record(request, pk: int):
    """Coordination writes down her answer, given at a follow-up call."""
    _coordination(request)
    try:
        referral = service.feedback_referral_for_coordination(user=request.user, pk=pk)
    except Referral.DoesNotExist as exc:
        raise Http404 from exc
    answer = service.feedback_of(referral)
    form = FeedbackForm(request.POST or None, referral=referral)
    context = {"referral": referral, "form": form, "answer": answer}
    if request.method != "POST" or answer is not None:
        return render(request, "referrals/feedback/record.html", context)
    return handle_form(
        request,
        form,
        service=lambda data: service.referral_feedback_submit(by=request.user, referral=referral, **data),
        success_url=reverse("referrals:feedback_pending"),
        success_message=_("Guardamos su respuesta."),
        refused=service.FeedbackError,
        invalid=lambda form: render(request, "referrals/feedback/record.html", context, status=400),
    )

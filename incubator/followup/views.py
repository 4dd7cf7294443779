"""The follow-up form (no login: a signed link per person and wave) and the coordinator's list of links."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache

from cms.accounts.roles import Role, has_role
from incubator.cohorts.models import Cohort
from incubator.followup import services
from incubator.followup.forms import FollowUpForm
from incubator.followup.models import FollowUp


@never_cache
def answer(request, pk: int, token: str):
    try:
        followup = services.followup_check(pk=pk, token=token)
    except FollowUp.DoesNotExist as missing:
        raise Http404 from missing
    initial = {
        "operating": {True: "si", False: "no"}.get(followup.operating, ""),
        "income_band": followup.income_band,
        "jobs": followup.jobs,
        "stop_reason": followup.stop_reason,
    }
    form = FollowUpForm(request.POST or None, initial=initial)
    saved = closed = False
    if request.method == "POST" and form.is_valid():
        try:
            services.followup_answer(followup=followup, **form.cleaned_data)
            saved = True
        except services.LinkClosed:
            closed = True
    return render(
        request, "followup/answer.html", {"form": form, "followup": followup, "saved": saved, "closed": closed}
    )


@login_required
def cohort_links(request, cohort_pk: int):
    """Coordination of the cohort (or administration) sees the links to share and who answered."""
    cohort = get_object_or_404(Cohort, pk=cohort_pk)
    if not (has_role(request.user, Role.ADMIN) or cohort.coordinators.filter(pk=request.user.pk).exists()):
        raise Http404
    if request.method == "POST":
        services.followups_create_for_cohort(cohort=cohort)
        return redirect("followup:links", cohort_pk=cohort.pk)
    rows = FollowUp.objects.filter(venture__cohort=cohort).select_related("venture", "user")
    links = [
        (row, request.build_absolute_uri(reverse("followup:answer", args=[row.pk, services.followup_token(row)])))
        for row in rows
    ]
    return render(request, "followup/links.html", {"cohort": cohort, "links": links})

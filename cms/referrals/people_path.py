"""The "Derivaciones" section of a participant's path on the coordination desk (ReferralsConfig.ready)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.people.hooks import PathLine, PathSection, register_path_section
from cms.people.selectors import record_ids
from cms.referrals.models import Referral


def referrals_section(participant) -> PathSection:
    """Her referrals, newest first, and a line to refer her: one query. The desk page has already checked
    that the coordinator may open this person."""
    referrals = (
        Referral.objects.filter(participant__in=record_ids(participant))
        .select_related("organisation")
        .order_by("-created_at", "-id")
    )
    lines = tuple(
        PathLine(
            label=_("%(service)s · %(organisation)s")
            % {"service": referral.get_service_type_display(), "organisation": referral.organisation.name},
            state=referral.get_state_display(),
            url=reverse("referrals:detail", kwargs={"pk": referral.pk}),
        )
        for referral in referrals
    )
    refer = PathLine(
        label=_("Derivar a un servicio"), url=f"{reverse('referrals:create')}?participante={participant.pk}"
    )
    return PathSection(title=_("Derivaciones"), lines=(*lines, refer), key="derivaciones")


def register() -> None:
    register_path_section(referrals_section, order=60)

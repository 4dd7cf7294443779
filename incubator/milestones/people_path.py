"""The "Emprendimiento e hitos" section of a participant's path on the coordination desk (MilestonesConfig.ready)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from cms.people.hooks import PathLine, PathSection, register_path_section
from incubator.milestones.selectors import milestones_of_ventures
from incubator.ventures.selectors import ventures_of_member


def venture_section(participant) -> PathSection | None:
    """Her ventures and each one's milestones with their state: two queries. None without an account."""
    if participant.user_id is None:
        return None
    ventures = ventures_of_member(user=participant.user)
    by_venture: dict[int, list] = {}
    for milestone in milestones_of_ventures(venture_ids=[venture.pk for venture in ventures]):
        by_venture.setdefault(milestone.venture_id, []).append(milestone)
    lines: list[PathLine] = []
    for venture in ventures:
        lines.append(
            PathLine(
                label=venture.name,
                state=venture.cohort.name,
                url=reverse("ventures:detail", kwargs={"pk": venture.pk}),
            )
        )
        lines.extend(
            PathLine(label=f"{milestone.code} {milestone.title}", state=str(milestone.get_status_display()))
            for milestone in by_venture.get(venture.pk, [])
        )
    return PathSection(
        title=_("Emprendimiento e hitos"), lines=tuple(lines), empty=_("No tiene emprendimiento."), key="emprendimiento"
    )


def register() -> None:
    register_path_section(venture_section, order=40)

"""The "Capital semilla" section of a participant's path on the coordination desk (JuryConfig.ready)."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from cms.people.hooks import PathLine, PathSection, register_path_section
from incubator.jury.selectors.entrepreneur import awards_of_member


def awards_section(participant) -> PathSection | None:
    """Her ventures' seed-capital awards with amount and state: one query. None without an account."""
    if participant.user_id is None:
        return None
    lines = tuple(
        PathLine(
            label=_("%(venture)s en %(event)s")
            % {"venture": award.entry.venture.name, "event": award.entry.event.name},
            state=_("%(amount)s USD · %(status)s")
            % {"amount": number_format(award.amount, 2), "status": award.get_status_display()},
        )
        for award in awards_of_member(user=participant.user)
    )
    return PathSection(title=_("Capital semilla"), lines=lines, empty=_("Sin premios por ahora."), key="premios")


def register() -> None:
    register_path_section(awards_section, order=50)

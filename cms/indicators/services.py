"""Writes of the indicators: the access log (append-only)."""

from __future__ import annotations

from cms.accounts.roles import roles_of
from cms.indicators.models import IndicatorAccess


def indicator_access_log(
    *,
    user,
    programme,
    action: str,
    period: str,
    cells_suppressed: int,
    detail: dict | None = None,
    sha256: str = "",
) -> IndicatorAccess:
    """Append one line: who saw or exported what, and how many cells were hidden. No side effect else."""
    return IndicatorAccess.objects.create(
        user=user if getattr(user, "is_authenticated", False) else None,
        role=",".join(sorted(roles_of(user)))[:60] if user is not None else "",
        programme=programme,
        action=action,
        period=period[:30],
        detail=detail or {},
        cells_suppressed=cells_suppressed,
        content_sha256=sha256,
    )

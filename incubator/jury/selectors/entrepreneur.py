"""Reads for entrepreneurs: the pitch events their ventures took part in."""

from django.db.models import Exists, OuterRef

from incubator.jury.models import Award, Entry


def my_pitch_entries(*, user) -> list[Entry]:
    """The person's ventures' entries, newest event first, each with `event` and `has_award` (an active award:
    the seed-capital ledger exists). Only the person's own teams; one query."""
    if not user.is_authenticated:
        return []
    active = Award.objects.filter(entry=OuterRef("pk"), status=Award.Status.ACTIVE)
    return list(
        Entry.objects.filter(venture__members=user, is_calibration=False)
        .select_related("event", "venture")
        .annotate(has_award=Exists(active))
        .order_by("-event__starts_at", "pk")
    )


def awards_of_member(*, user) -> list[Award]:
    """The seed-capital awards of the person's ventures (withdrawn ones too), with entry, event and venture:
    one query."""
    return list(
        Award.objects.filter(entry__venture__members=user)
        .select_related("entry__event", "entry__venture")
        .order_by("-created_at", "-pk")
    )

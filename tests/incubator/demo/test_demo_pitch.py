import pytest
from django.core.management import call_command

from incubator.jury.models import Assignment, AuditEntry, Award, PitchEvent, Result, ScoreSheet
from incubator.seedcapital.models import Delivery, GoodsItem


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _load() -> None:
    for command in ("demo_load", "demo_load_incubator"):
        call_command(command, stdout=open("/dev/null", "w"))


def _counts() -> dict[str, int]:
    return {
        m.__name__: m.objects.count()
        for m in (PitchEvent, Assignment, ScoreSheet, Result, Award, AuditEntry, GoodsItem, Delivery)
    }


def test_the_demo_has_a_closed_pitch_with_winners_and_a_coming_one_to_practise_and_a_second_run_changes_nothing(db):
    _load()
    first = _counts()

    _load()

    assert _counts() == first
    past = PitchEvent.objects.get(name="Pitch de cierre · Cohorte Cuenca 2026-1")
    assert past.is_closed and past.results_method == "normalized"
    assert past.entries.count() == 6
    assert ScoreSheet.objects.filter(assignment__entry__event=past, submitted_at__isnull=False).count() == 18
    awards = Award.objects.filter(entry__event=past, status=Award.Status.ACTIVE)
    assert sum(a.amount for a in awards) <= past.total_budget and awards.count() == 3
    assert Result.objects.filter(entry__event=past, outcome=Result.Outcome.RESERVE).count() == 3
    assert Delivery.objects.filter(award__entry__event=past, confirmed_at__isnull=False).count() == 1
    coming = PitchEvent.objects.get(name="Pitch de cierre · Cohorte Quito 2026")
    assert not coming.is_closed
    sample = coming.entries.get(is_calibration=True)
    assert set(sample.assignments.values_list("juror__username", flat=True)) == {"jurado", "jurado2", "jurado3"}

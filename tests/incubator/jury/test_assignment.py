from collections import Counter

import pytest

from incubator.jury.models import Assignment, AuditEntry, Entry
from incubator.jury.services.assignments import EventClosed, assignments_fill
from tests.factories import UserFactory, pitch_event_with_entries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The factories hash a password per person; the default hasher makes these tests minutes long.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _loads(event) -> Counter:
    return Counter(
        Assignment.objects.filter(entry__event=event, entry__is_calibration=False)
        .exclude(status=Assignment.Status.RECUSED)
        .values_list("juror_id", flat=True)
    )


def _per_entry(event) -> Counter:
    return Counter(
        Assignment.objects.filter(entry__event=event)
        .exclude(status=Assignment.Status.RECUSED)
        .values_list("entry_id", flat=True)
    )


def test_six_entries_and_four_jurors_get_three_each_with_loads_five_five_four_four():
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=6, jurors=4)
    outcome = assignments_fill(event=event, by=coordinator)
    assert len(outcome.created) == 18 and outcome.jurors_needed == 0
    assert set(_per_entry(event).values()) == {3}
    # Least-loaded first, ties by id: the first two jurors end with 5, the last two with 4.
    assert [_loads(event)[j.pk] for j in jurors] == [5, 5, 4, 4]
    lines = AuditEntry.objects.filter(event=event, kind=AuditEntry.Kind.ASSIGNED)
    assert lines.count() == 18 and {line.actor_id for line in lines} == {coordinator.pk}


def test_running_it_again_assigns_nobody():
    event, _entries, _jurors, coordinator = pitch_event_with_entries(ventures=4, jurors=5)
    assignments_fill(event=event, by=coordinator)
    again = assignments_fill(event=event, by=coordinator)
    assert again.created == [] and Assignment.objects.filter(entry__event=event).count() == 12
    assert AuditEntry.objects.filter(event=event, kind=AuditEntry.Kind.ASSIGNED).count() == 12


def test_a_new_entry_gets_the_least_loaded_jurors_and_nothing_else_moves():
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=4)
    assignments_fill(event=event, by=coordinator)
    before = set(Assignment.objects.values_list("pk", flat=True))
    extra = pitch_event_with_entries(ventures=1, jurors=0, cohort=event.cohort)[1][0]
    extra.event = event
    extra.save()
    outcome = assignments_fill(event=event, by=coordinator)
    assert before <= set(Assignment.objects.values_list("pk", flat=True))
    # Loads after two entries: 2, 2, 1, 1 -> the third entry goes to jurors 3, 4 and then 1.
    assert [a.juror_id for a in outcome.created] == [jurors[2].pk, jurors[3].pk, jurors[0].pk]


def test_a_pool_too_small_says_how_many_more_jurors_are_needed():
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=3, jurors=1)
    outcome = assignments_fill(event=event, by=coordinator)
    assert outcome.jurors_needed == 2 and len(outcome.short_entries) == 3
    assert outcome.message.startswith("Faltan 2 personas más en el jurado")
    assert set(_per_entry(event).values()) == {1}


def test_it_never_assigns_a_juror_twice_nor_one_who_recused():
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=4)
    Assignment.objects.create(
        entry=entries[0], juror=jurors[0], status=Assignment.Status.RECUSED, recusal_reason="Es mi prima"
    )
    assignments_fill(event=event, by=coordinator)
    juror_ids = list(Assignment.objects.filter(entry=entries[0]).values_list("juror_id", flat=True))
    assert len(juror_ids) == len(set(juror_ids)) == 4
    assert _per_entry(event)[entries[0].pk] == 3
    assert (
        not Assignment.objects.filter(entry=entries[0], juror=jurors[0])
        .exclude(status=Assignment.Status.RECUSED)
        .exists()
    )


def test_a_recused_assignment_does_not_count_in_the_load():
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=4)
    # Juror 1 recused from entry 1: their load is 0, so they come first for entry 2.
    Assignment.objects.create(entry=entries[0], juror=jurors[0], status=Assignment.Status.RECUSED, recusal_reason="x")
    outcome = assignments_fill(event=event, by=coordinator, entry=entries[1])
    assert [a.juror_id for a in outcome.created] == [jurors[0].pk, jurors[1].pk, jurors[2].pk]


def test_calibration_goes_to_every_juror_and_does_not_weigh_on_the_balance():
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=6, jurors=4)
    Entry.objects.create(event=event, is_calibration=True, calibration_title="Muestra", calibration_text="...")
    assignments_fill(event=event, by=coordinator)
    calibration = Entry.objects.get(event=event, is_calibration=True)
    assert calibration.assignments.count() == 4
    assert [_loads(event)[j.pk] for j in jurors] == [5, 5, 4, 4]


def test_a_closed_event_refuses_assignment():
    event, _entries, _jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    event.status = event.Status.CLOSED
    event.save()
    with pytest.raises(EventClosed):
        assignments_fill(event=event, by=coordinator)
    assert not Assignment.objects.exists()


def test_only_the_events_pool_is_used():
    event, _entries, _jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    outsider = UserFactory(role="jurado")
    assignments_fill(event=event, by=coordinator)
    assert not Assignment.objects.filter(juror=outsider).exists()

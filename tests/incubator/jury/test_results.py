"""Results computed from the sheets in the database and stored: method, scores, ranks, flags, deliberation."""

from decimal import Decimal as D

import pytest

from incubator.jury import scoring
from incubator.jury.models import Assignment, AuditEntry, Result
from incubator.jury.selectors.results import scoring_inputs_for
from incubator.jury.services.results import ResultsError, deliberation_resolve, event_results_compute
from tests.factories import UserFactory, pitch_scores_fill
from tests.incubator.jury.results_support import agreeing_grid, scored_event

pytestmark = pytest.mark.django_db

# Five entries (fewer than six: raw totals), three jurors, uniform sheets (total = (level - 1) * 25):
#           E1   E2   E3   E4   E5
#   J1       5    4    3    2    1    -> 100  75  50  25   0
#   J2       5    4    3    3    1    -> 100  75  50  50   0
#   J3       4    4    3    4    2    ->  75  75  50  75  25
# Means: E1 275/3 = 91.67, E2 75, E3 50, E4 150/3 = 50, E5 25/3 = 8.33.
# E3 and E4 tie at 50.00; every criterion's mean level is 3 for both; head to head J1 prefers E3, J3 prefers E4,
# J2 neither: 1-1, so the jury has to deliberate. Both share rank 3; E5 is 5th.
RAW = [[5, 4, 3, 2, 1], [5, 4, 3, 3, 1], [4, 4, 3, 4, 2]]


def test_raw_totals_are_stored_with_ranks_and_a_deliberation_flag():
    event, entries, jurors, coordinator = scored_event(RAW)
    event_results_compute(event=event, by=coordinator)
    event.refresh_from_db()
    assert (event.results_method, event.results_reason) == ("raw", "too_few_ventures")
    stored = {r.entry_id: r for r in Result.objects.filter(entry__event=event)}
    e1, e2, e3, e4, e5 = entries
    assert [stored[e.pk].score for e in entries] == [D("91.67"), D("75.00"), D("50.00"), D("50.00"), D("8.33")]
    assert [stored[e.pk].rank for e in entries] == [1, 2, 3, 3, 5]
    assert stored[e3.pk].needs_deliberation and stored[e4.pk].needs_deliberation
    assert not stored[e1.pk].needs_deliberation
    line = AuditEntry.objects.get(event=event, kind=AuditEntry.Kind.NORMALIZED)
    assert line.actor == coordinator and line.new_value["method"] == "raw"
    assert line.new_value["scores"][str(e1.pk)] == "91.67"


def test_the_jury_orders_a_tie_and_the_order_survives_a_recomputation():
    event, entries, jurors, coordinator = scored_event(RAW)
    e3, e4 = entries[2], entries[3]
    with pytest.raises(ResultsError):
        deliberation_resolve(event=event, order=[e4.pk], by=coordinator, reason="Votación")
    with pytest.raises(ResultsError):
        deliberation_resolve(event=event, order=[e4.pk, e3.pk], by=coordinator, reason=" ")
    deliberation_resolve(event=event, order=[e4.pk, e3.pk], by=coordinator, reason="El jurado votó 2 a 1.")
    event_results_compute(event=event, by=coordinator)
    r3, r4 = Result.objects.get(entry=e3), Result.objects.get(entry=e4)
    assert (r4.rank, r3.rank) == (3, 4)
    assert r3.tie_break == r4.tie_break == "deliberation" and not r3.needs_deliberation
    line = AuditEntry.objects.filter(event=event, kind=AuditEntry.Kind.DELIBERATED, reason__contains="votó").get()
    assert line.new_value["deliberation"] == [e4.pk, e3.pk] and line.actor == coordinator


def test_six_entries_with_three_jurors_each_are_normalized_as_the_scoring_module_says():
    # Every juror gives entry v the same sheet, totals 100, 96.25, 91.25, 85, 81.25, 75: mean 88.125 and
    # population sd = sqrt(sum((x - mean)^2) / 6); entry 1 gets 50 + 10 * (100 - 88.125) / sd from each juror.
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_results_compute(event=event, by=coordinator)
    event.refresh_from_db()
    assert (event.results_method, event.results_reason) == ("normalized", "enough_data")
    totals = [D(100), D("96.25"), D("91.25"), D(85), D("81.25"), D(75)]
    m = sum(totals) / 6
    sd = (sum((x - m) ** 2 for x in totals) / 6).sqrt()
    first = Result.objects.get(entry=entries[0])
    assert first.rank == 1 and first.score == scoring.round2(50 + 10 * (totals[0] - m) / sd)
    inputs = scoring_inputs_for(event=event)
    expected = scoring.compute_results(inputs.criteria, inputs.sheets, list(inputs.entries))
    for ranked in expected.ranking:
        stored = Result.objects.get(entry_id=ranked.venture_id)
        assert (stored.rank, stored.score) == (ranked.rank, scoring.round2(ranked.score))


def test_recused_pending_unsubmitted_and_calibration_sheets_do_not_count():
    event, entries, jurors, coordinator = scored_event(RAW)
    extra = UserFactory(role="jurado")
    pitch_scores_fill(event, {(extra, entries[4]): 5})
    Assignment.objects.filter(juror=extra).update(status=Assignment.Status.RECUSED)
    late = UserFactory(role="jurado")
    pitch_scores_fill(event, {(late, entries[4]): 5}, submitted=False)
    half = UserFactory(role="jurado")
    pitch_scores_fill(event, {(half, entries[4]): [5, 5]})  # incomplete: two criteria of five
    inputs = scoring_inputs_for(event=event)
    assert inputs.complete_counts[entries[4].pk] == 3
    event_results_compute(event=event, by=coordinator)
    assert Result.objects.get(entry=entries[4]).score == D("8.33")


def test_results_cannot_be_recomputed_after_close():
    from incubator.jury.services.results import event_close

    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    with pytest.raises(ResultsError):
        event_results_compute(event=event, by=coordinator)


def test_the_explain_page_shows_the_raw_totals_and_the_head_to_head_of_a_tie(client):
    from django.urls import reverse

    event, entries, jurors, coordinator = scored_event(RAW)
    client.force_login(coordinator)
    page = client.get(reverse("jury:results_explain", args=[event.pk])).content.decode()
    assert "Se usaron los totales sin normalizar porque hay menos de seis emprendimientos." in page
    assert "91,67" in page and "8,33" in page  # E1 and E5 final scores
    assert f"{entries[2]} frente a {entries[3]}: 3 jurados en común; 1 prefieren a {entries[2]} y 1 a" in page
    assert jurors[0].display_name in page
    results = client.get(reverse("jury:results", args=[event.pk])).content.decode()
    assert "Empate: el jurado debe deliberar" in results and "Vista previa" in results

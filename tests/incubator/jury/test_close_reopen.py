"""Closing locks the results (refused with fewer than three sheets or an undecided tie), reopening needs a reason;
the coordinator's results pages are only for the cohort's coordinators."""

import pytest
from django.urls import reverse

from incubator.jury.forms import level_field_name
from incubator.jury.models import Assignment, AuditEntry, Award, PitchEvent, Result, Score
from incubator.jury.services.assignments import EventClosed
from incubator.jury.services.results import ResultsError, event_close, event_reopen
from incubator.jury.services.sheets import score_sheet_save
from tests.factories import UserFactory, venture_with_team
from tests.incubator.jury.results_support import agreeing_grid, scored_event

pytestmark = pytest.mark.django_db

PAGES = ("results", "results_explain", "results_audit")
POSTS = ("results_close", "results_reopen", "results_deliberate")


def test_close_is_refused_while_an_entry_has_fewer_than_three_sheets():
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    Assignment.objects.filter(entry=entries[2], juror=jurors[0]).update(status=Assignment.Status.RECUSED)
    with pytest.raises(ResultsError) as refused:
        event_close(event=event, by=coordinator)
    assert "tres hojas" in refused.value.messages[0] and str(entries[2]) in refused.value.messages[0]
    event.refresh_from_db()
    assert event.status == PitchEvent.Status.OPEN and not Award.objects.exists()
    assert not AuditEntry.objects.filter(kind=AuditEntry.Kind.LOCKED).exists()


def test_close_is_refused_while_a_tie_at_the_cut_line_needs_deliberation(client):
    # Three entries (raw totals): E1 100 from all, E2 and E3 tie at 50 with one juror each way (deliberation).
    # Budget 1400, fixed 700: E1 wins, and the cut line would split E2 / E3.
    grid = [[5, 3, 3], [5, 2, 4], [5, 4, 2]]
    event, entries, jurors, coordinator = scored_event(grid, budget="1400")
    with pytest.raises(ResultsError) as refused:
        event_close(event=event, by=coordinator)
    assert "deliberar" in refused.value.messages[0]
    client.force_login(coordinator)
    page = client.get(reverse("jury:results", args=[event.pk])).content.decode()
    assert "Empates para deliberar" in page
    response = client.post(
        reverse("jury:results_deliberate", args=[event.pk]),
        {"order": [entries[2].pk, entries[1].pk], "reason": "Votación del jurado, 2 a 1."},
    )
    assert response.status_code == 302
    event_close(event=event, by=coordinator)
    assert {a.entry_id for a in Award.objects.all()} == {entries[0].pk, entries[2].pk}
    assert Result.objects.get(entry=entries[1]).reserve_position == 1


def test_close_locks_the_sheets_and_reopen_needs_a_reason(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    event.refresh_from_db()
    assert event.is_closed and event.closed_at is not None
    assert AuditEntry.objects.filter(event=event, kind=AuditEntry.Kind.LOCKED, actor=coordinator).exists()
    assignment = Assignment.objects.get(entry=entries[0], juror=jurors[0])
    criterion = Score.objects.filter(sheet__assignment=assignment).first().criterion
    with pytest.raises(EventClosed):
        score_sheet_save(
            assignment=assignment,
            by=jurors[0],
            levels={criterion.pk: 1},
            comment="x",
            private_note="",
            base_revision=assignment.sheet.revision,
        )
    client.force_login(jurors[0])
    change = {
        **{level_field_name(c): "5" for c in event.rubric.criteria.all()},
        level_field_name(criterion): "1",
        "comment": "x",
        "private_note": "",
        "revision": str(assignment.sheet.revision),
    }
    assert client.post(reverse("jury:sheet", args=[entries[0].pk]), change).status_code == 403
    assert Score.objects.get(sheet__assignment=assignment, criterion=criterion).level == 5

    with pytest.raises(ResultsError):
        event_reopen(event=event, by=coordinator, reason="   ")
    client.force_login(coordinator)
    client.post(reverse("jury:results_reopen", args=[event.pk]), {"reason": ""})
    event.refresh_from_db()
    assert event.is_closed
    client.post(reverse("jury:results_reopen", args=[event.pk]), {"reason": "Un jurado pidió corregir una nota."})
    event.refresh_from_db()
    assert not event.is_closed and event.closed_at is None
    line = AuditEntry.objects.get(event=event, kind=AuditEntry.Kind.REOPENED)
    assert line.reason == "Un jurado pidió corregir una nota." and line.actor == coordinator
    assert line.old_value["status"] == "cerrado" and line.new_value == {"status": "abierto"}
    audit = client.get(reverse("jury:results_audit", args=[event.pk])).content.decode()
    assert "Un jurado pidió corregir una nota." in audit and "Evento reabierto" in audit
    client.force_login(jurors[0])  # reopened: the same change now goes through
    assert client.post(reverse("jury:sheet", args=[entries[0].pk]), change).status_code == 302
    assert Score.objects.get(sheet__assignment=assignment, criterion=criterion).level == 1


def test_a_second_close_keeps_the_same_awards(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    first = set(Award.objects.values_list("pk", flat=True))
    event_reopen(event=event, by=coordinator, reason="Revisión")
    client.force_login(coordinator)
    assert client.post(reverse("jury:results_close", args=[event.pk])).status_code == 302
    assert set(Award.objects.filter(status=Award.Status.ACTIVE).values_list("pk", flat=True)) == first
    with pytest.raises(ResultsError):
        event_close(event=event, by=coordinator)


def test_reopen_is_refused_once_seed_capital_was_delivered():
    delivery_model = getattr(Award, "deliveries", None)
    if delivery_model is None:
        pytest.skip("the seedcapital app is not installed")
    from incubator.seedcapital.models import Delivery

    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    award = Award.objects.first()
    fields = {f.name: f for f in Delivery._meta.concrete_fields}
    Delivery.objects.bulk_create([Delivery(award=award, **_required_values(fields))])
    with pytest.raises(ResultsError) as refused:
        event_reopen(event=event, by=coordinator, reason="Corrección")
    assert "entregas" in refused.value.messages[0]


def _required_values(fields) -> dict:
    """Plausible values for the delivery's required fields, whatever the seed-capital app names them."""
    from django.db import models
    from django.utils import timezone

    values = {}
    for name, f in fields.items():
        if f.primary_key or name == "award" or f.null or f.has_default() or getattr(f, "auto_now_add", False):
            continue
        if isinstance(f, models.DateTimeField):
            values[name] = timezone.now()
        elif isinstance(f, models.DateField):
            values[name] = timezone.localdate()
        elif isinstance(f, (models.CharField, models.TextField)):
            values[name] = "x"
        elif isinstance(f, (models.IntegerField, models.DecimalField)):
            values[name] = 1
    return values


def test_only_the_cohort_coordinators_and_admins_reach_the_results_pages(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    other_coordinator = UserFactory(role="coordinacion")
    _venture, member, mentor, _coord = venture_with_team(cohort=event.cohort)
    team_member = entries[0].venture.members.first()
    for person in (other_coordinator, jurors[0], mentor, member, team_member):
        client.force_login(person)
        for name in PAGES:
            assert client.get(reverse(f"jury:{name}", args=[event.pk])).status_code == 404, (person, name)
        for name in POSTS:
            assert client.post(reverse(f"jury:{name}", args=[event.pk]), {"reason": "x"}).status_code == 404
    event.refresh_from_db()
    assert not event.is_closed
    client.force_login(UserFactory(role="administracion"))
    for name in PAGES:
        assert client.get(reverse(f"jury:{name}", args=[event.pk])).status_code == 200
    client.force_login(coordinator)
    page = client.get(reverse("jury:results", args=[event.pk])).content.decode()
    assert "Se normalizaron las notas por jurado porque" in page and str(entries[0]) in page
    client.logout()
    assert client.get(reverse("jury:results", args=[event.pk])).status_code == 302


def test_jurors_see_results_only_after_close_and_never_other_jurors_names(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    outsider_juror = UserFactory(role="jurado")
    url = reverse("jury:results_juror", args=[event.pk])
    client.force_login(jurors[0])
    assert client.get(url).status_code == 404
    event_close(event=event, by=coordinator)
    page = client.get(url)
    assert page.status_code == 200
    text = page.content.decode()
    assert str(entries[0]) in text and "100,00" in text
    assert jurors[1].display_name not in text and jurors[2].display_name not in text
    for person in (outsider_juror, coordinator, entries[0].venture.members.first()):
        client.force_login(person)
        assert client.get(url).status_code == 404

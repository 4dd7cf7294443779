from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from incubator.jury.models import Assignment, AuditEntry, Entry
from incubator.jury.services.assignments import assignment_declare, assignments_fill
from incubator.jury.services.entries import EntryError, entry_add
from incubator.jury.services.sheets import score_sheet_save
from incubator.milestones.models import Milestone
from incubator.plans.fields import plan_values
from incubator.plans.services import business_plan_ensure, business_plan_save, plan_version_submit
from tests.factories import UserFactory, pitch_event_with_entries, venture_with_team

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _milestone(venture, position, status):
    return Milestone.objects.create(
        venture=venture,
        position=position,
        code=f"M{position}",
        title="Hito",
        due_date=timezone.localdate() + timedelta(days=30),
        status=status,
    )


def _submit(venture, member, summary):
    plan = business_plan_ensure(venture=venture)
    business_plan_save(
        plan_id=plan.pk, by=member, values={**plan_values(plan), "summary": summary}, base_revision=plan.revision
    )
    return plan_version_submit(plan_id=plan.pk, by=member)


@pytest.fixture
def cohort_ventures():
    """An event with no entries yet, and three ventures of its cohort: ready, a milestone not approved, no plan."""
    event, _entries, jurors, coordinator = pitch_event_with_entries(ventures=0, jurors=3)
    ready, member, _m, _c = venture_with_team(cohort=event.cohort, name="Panadería Lista")
    _milestone(ready, 1, Milestone.Status.APPROVED)
    _submit(ready, member, "Primera versión")
    _submit(ready, member, "Segunda versión")
    pending, member2, _m, _c = venture_with_team(cohort=event.cohort, name="Costura Pendiente")
    _milestone(pending, 1, Milestone.Status.APPROVED)
    _milestone(pending, 2, Milestone.Status.CHANGES)
    _submit(pending, member2, "Plan")
    no_plan, _member3, _m, _c = venture_with_team(cohort=event.cohort, name="Jugos Sin Plan")
    return event, coordinator, jurors, ready, member, pending, no_plan


def setup_url(event, name="setup", *args):
    return reverse(f"jury:{name}", args=[event.pk, *args])


def test_the_setup_page_lists_eligible_ventures_and_says_why_the_others_cannot_pitch(client, cohort_ventures):
    event, coordinator, _jurors, ready, _member, pending, no_plan = cohort_ventures
    client.force_login(coordinator)
    page = client.get(setup_url(event)).content.decode()
    assert "Agregar «Panadería Lista»" in page and "última versión enviada: 2" in page
    assert "Agregar «Costura Pendiente»" not in page and "Agregar «Jugos Sin Plan»" not in page
    assert "Tiene hitos sin aprobar (aprobados: 1 de 2)." in page
    assert "Todavía no envió ninguna versión de su plan de negocio." in page


def test_adding_an_entry_freezes_the_latest_submitted_version(client, cohort_ventures):
    event, coordinator, _jurors, ready, member, _pending, _no_plan = cohort_ventures
    client.force_login(coordinator)
    response = client.post(setup_url(event, "setup_entry_add"), {"venture": ready.pk}, follow=True)
    assert "Agregaste «Panadería Lista» con la versión 2 de su plan." in response.content.decode()
    entry = Entry.objects.get(event=event, venture=ready)
    assert entry.plan_version.number == 2
    _submit(ready, member, "Tercera versión")
    entry.refresh_from_db()
    assert entry.plan_version.number == 2 and entry.plan_version.snapshot["fields"]["summary"] == "Segunda versión"


def test_an_ineligible_venture_is_refused_with_the_reason(client, cohort_ventures):
    event, coordinator, _jurors, _ready, _member, pending, no_plan = cohort_ventures
    client.force_login(coordinator)
    response = client.post(setup_url(event, "setup_entry_add"), {"venture": pending.pk}, follow=True)
    assert "Tiene hitos sin aprobar" in response.content.decode()
    with pytest.raises(EntryError):
        entry_add(event=event, venture=no_plan, by=coordinator)
    assert not Entry.objects.filter(event=event).exists()


def test_a_venture_of_another_cohort_cannot_be_added(client, cohort_ventures):
    event, coordinator, *_rest = cohort_ventures
    other, member, _m, _c = venture_with_team()
    _submit(other, member, "Plan")
    client.force_login(coordinator)
    assert client.post(setup_url(event, "setup_entry_add"), {"venture": other.pk}).status_code == 404
    with pytest.raises(EntryError):
        entry_add(event=event, venture=other, by=coordinator)


def test_removing_an_entry_logs_its_assignments_and_is_refused_once_scored(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=3)
    assignments_fill(event=event, by=coordinator)
    client.force_login(coordinator)
    name = entries[0].venture.name
    response = client.post(setup_url(event, "setup_entry_remove", entries[0].pk), follow=True)
    assert f"Quitaste «{name}» del evento." in response.content.decode()
    assert not Entry.objects.filter(pk=entries[0].pk).exists()
    lines = AuditEntry.objects.filter(kind=AuditEntry.Kind.UNASSIGNED)
    assert lines.count() == 3 and {line.old_value["entry"] for line in lines} == {name}
    assignment = Assignment.objects.get(entry=entries[1], juror=jurors[0])
    assignment_declare(assignment=assignment, conflict=False, by=jurors[0])
    criterion = event.rubric.criteria.first()
    score_sheet_save(
        assignment=assignment, by=jurors[0], levels={criterion.pk: 3}, comment="", private_note="", base_revision=0
    )
    response = client.post(setup_url(event, "setup_entry_remove", entries[1].pk), follow=True)
    assert "Ya hay calificaciones" in response.content.decode() and Entry.objects.filter(pk=entries[1].pk).exists()


def test_the_matrix_shows_each_jurors_status_and_the_recusals_with_reasons(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=4)
    client.force_login(coordinator)
    response = client.post(setup_url(event, "setup_assign"), follow=True)
    assert "Se hicieron 6 asignaciones nuevas." in response.content.decode()
    assignment_declare(
        assignment=Assignment.objects.get(entry=entries[0], juror=jurors[0]),
        conflict=True,
        reason="Trabajé con ellos",
        by=jurors[0],
    )
    page = client.get(setup_url(event)).content.decode()
    assert "Trabajé con ellos" in page and "Se excusó" in page and "Por declarar" in page
    again = client.post(setup_url(event, "setup_assign"), follow=True).content.decode()
    assert "No hacía falta asignar a nadie más" in again


def test_a_calibration_entry_goes_to_every_juror(client):
    event, _entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=4)
    client.force_login(coordinator)
    response = client.post(
        setup_url(event, "setup_calibration_add"),
        {"title": "Tienda de muestra", "text": "Vendemos arepas en la feria."},
        follow=True,
    )
    assert "Agregaste el pitch de calibración." in response.content.decode()
    entry = Entry.objects.get(event=event, is_calibration=True)
    assert sorted(entry.assignments.values_list("juror_id", flat=True)) == sorted(j.pk for j in jurors)
    missing = client.post(setup_url(event, "setup_calibration_add"), {"title": "", "text": ""})
    assert missing.status_code == 400


def test_only_the_events_coordinators_reach_the_setup_pages(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    other_coordinator = UserFactory(role="coordinacion")
    for person in (other_coordinator, jurors[0], entries[0].venture.members.first()):
        client.force_login(person)
        assert client.get(setup_url(event)).status_code == 404
        assert client.post(setup_url(event, "setup_assign")).status_code == 404
        assert client.post(setup_url(event, "setup_entry_remove", entries[0].pk)).status_code == 404
    assert not Assignment.objects.exists() and Entry.objects.filter(pk=entries[0].pk).exists()


def test_a_closed_event_refuses_entries_and_assignment(client, cohort_ventures):
    event, coordinator, _jurors, ready, *_rest = cohort_ventures
    event.status = event.Status.CLOSED
    event.save()
    client.force_login(coordinator)
    page = client.get(setup_url(event)).content.decode()
    assert "Asignar jurado" not in page and "Agregar «" not in page
    response = client.post(setup_url(event, "setup_entry_add"), {"venture": ready.pk}, follow=True)
    assert "El evento está cerrado" in response.content.decode() and not Entry.objects.exists()


def test_mis_pitches_links_the_coordinator_to_the_setup_page(client):
    event, _entries, _jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    client.force_login(coordinator)
    assert setup_url(event) in client.get(reverse("jury:my_pitches")).content.decode()
    assert reverse("jury:my_pitches") in client.get("/inicio/").content.decode()


def _setup_queries(client, ventures: int, jurors: int) -> int:
    event, entries, pool, coordinator = pitch_event_with_entries(ventures=ventures, jurors=jurors)
    assignments_fill(event=event, by=coordinator)
    assignment_declare(
        assignment=Assignment.objects.filter(juror=pool[0]).first(), conflict=True, reason="x", by=pool[0]
    )
    venture_with_team(cohort=event.cohort)  # one more venture of the cohort, not eligible (no plan)
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(setup_url(event)).status_code == 200
    return len(ctx.captured_queries)


def test_the_setup_page_keeps_its_query_budget_whatever_the_number_of_entries_and_jurors(client):
    small = _setup_queries(client, ventures=2, jurors=3)
    large = _setup_queries(client, ventures=8, jurors=6)
    assert small <= 12 and small == large, (small, large)

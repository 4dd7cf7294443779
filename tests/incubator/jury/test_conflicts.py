import pytest
from django.urls import reverse

from incubator.jury.models import Assignment, AuditEntry
from incubator.jury.services.assignments import AssignmentError, assignment_declare, assignments_fill
from tests.factories import UserFactory, pitch_event_with_entries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _counting(entry) -> int:
    return entry.assignments.exclude(status=Assignment.Status.RECUSED).count()


def test_a_pending_juror_sees_only_the_name_and_is_sent_to_declare_first(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    assignments_fill(event=event, by=coordinator)
    client.force_login(jurors[0])
    response = client.get(reverse("jury:sheet", args=[entries[0].pk]))
    assert response.status_code == 302 and response["Location"] == reverse("jury:conflict", args=[entries[0].pk])
    page = client.get(response["Location"]).content.decode()
    assert entries[0].venture.name in page and "No tengo conflicto de interés" in page
    assert "Lienzo del modelo de negocio" not in page and 'name="nivel_' not in page


def test_declaring_no_conflict_opens_the_sheet_and_is_audited(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    assignments_fill(event=event, by=coordinator)
    client.force_login(jurors[0])
    response = client.post(reverse("jury:conflict", args=[entries[0].pk]), {"decision": "sin_conflicto"})
    assert response["Location"] == reverse("jury:sheet", args=[entries[0].pk])
    assert Assignment.objects.get(entry=entries[0], juror=jurors[0]).status == Assignment.Status.ACTIVE
    line = AuditEntry.objects.get(kind=AuditEntry.Kind.NO_CONFLICT)
    assert (line.juror_id, line.entry_id, line.actor_id) == (jurors[0].pk, entries[0].pk, jurors[0].pk)
    assert "Lienzo del modelo de negocio" in client.get(response["Location"]).content.decode()


def test_a_conflict_needs_a_reason(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    assignments_fill(event=event, by=coordinator)
    client.force_login(jurors[0])
    response = client.post(reverse("jury:conflict", args=[entries[0].pk]), {"decision": "conflicto", "reason": " "})
    assert response.status_code == 400 and "Escribe el motivo del conflicto." in response.content.decode()
    assert Assignment.objects.get(entry=entries[0], juror=jurors[0]).status == Assignment.Status.PENDING
    with pytest.raises(AssignmentError):
        assignment_declare(
            assignment=Assignment.objects.get(entry=entries[0], juror=jurors[0]), conflict=True, reason="", by=jurors[0]
        )


def test_a_recusal_brings_in_the_least_loaded_juror_and_logs_both(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=4)
    assignments_fill(event=event, by=coordinator)
    # Loads: jurors 1 and 2 have both entries, 3 and 4 one each; juror 4 is not on entry 1.
    assert not Assignment.objects.filter(entry=entries[0], juror=jurors[3]).exists()
    client.force_login(jurors[0])
    response = client.post(
        reverse("jury:conflict", args=[entries[0].pk]), {"decision": "conflicto", "reason": "Les vendo la harina"}
    )
    assert response["Location"] == reverse("jury:my_pitches")
    recused = Assignment.objects.get(entry=entries[0], juror=jurors[0])
    assert recused.status == Assignment.Status.RECUSED and recused.recusal_reason == "Les vendo la harina"
    assert _counting(entries[0]) == 3
    assert Assignment.objects.get(entry=entries[0], juror=jurors[3]).status == Assignment.Status.PENDING
    line = AuditEntry.objects.get(kind=AuditEntry.Kind.RECUSED)
    assert (line.juror_id, line.entry_id, line.reason) == (jurors[0].pk, entries[0].pk, "Les vendo la harina")
    assert AuditEntry.objects.filter(kind=AuditEntry.Kind.ASSIGNED, entry=entries[0], juror=jurors[3]).exists()


def test_a_recusal_when_the_pool_is_exhausted_leaves_the_entry_short_and_the_setup_page_says_so(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    assignments_fill(event=event, by=coordinator)
    outcome = assignment_declare(
        assignment=Assignment.objects.get(entry=entries[0], juror=jurors[1]),
        conflict=True,
        reason="Es mi vecina",
        by=jurors[1],
    )
    assert outcome.created == [] and outcome.jurors_needed == 1
    assert _counting(entries[0]) == 2
    client.force_login(coordinator)
    page = client.get(reverse("jury:setup", args=[event.pk])).content.decode()
    assert "Es mi vecina" in page and "1 emprendimiento tiene menos de 3 jurados." in page
    # A new juror joins the pool: "Asignar jurado" fills the gap, never with the recused juror.
    newcomer = UserFactory(role="jurado")
    event.jurors.add(newcomer)
    response = client.post(reverse("jury:setup_assign", args=[event.pk]), follow=True)
    assert "Se hizo 1 asignación nueva." in response.content.decode()
    assert _counting(entries[0]) == 3 and entries[0].assignments.filter(juror=newcomer).exists()


def test_after_recusing_the_juror_never_sees_the_plan_or_the_sheet(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=4)
    assignments_fill(event=event, by=coordinator)
    client.force_login(jurors[0])
    client.post(reverse("jury:conflict", args=[entries[0].pk]), {"decision": "sin_conflicto"})
    client.post(reverse("jury:conflict", args=[entries[0].pk]), {"decision": "conflicto", "reason": "Lo descubrí"})
    assert client.get(reverse("jury:sheet", args=[entries[0].pk])).status_code == 404
    assert client.post(reverse("jury:sheet_autosave", args=[entries[0].pk]), {"revision": 0}).status_code == 404
    page = client.get(reverse("jury:conflict", args=[entries[0].pk])).content.decode()
    assert "Te excusaste" in page and "Lienzo del modelo de negocio" not in page
    mine = client.get(reverse("jury:my_pitches")).content.decode()
    assert "Te excusaste" in mine and reverse("jury:sheet", args=[entries[0].pk]) not in mine


def test_a_juror_cannot_declare_on_someone_elses_entry(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=3)
    assignments_fill(event=event, by=coordinator, entry=entries[0])
    client.force_login(jurors[0])
    assert client.get(reverse("jury:conflict", args=[entries[1].pk])).status_code == 404
    assert (
        client.post(
            reverse("jury:conflict", args=[entries[1].pk]), {"decision": "conflicto", "reason": "x"}
        ).status_code
        == 404
    )

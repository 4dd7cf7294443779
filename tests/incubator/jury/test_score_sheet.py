import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from incubator.jury.models import Assignment, AuditEntry, ScoreSheet
from incubator.jury.services.assignments import EventClosed, assignment_declare, assignments_fill
from incubator.jury.services.sheets import MissingLevels, score_sheet_save, score_sheet_submit
from incubator.plans.fields import plan_values
from incubator.plans.services import business_plan_save, plan_version_submit
from tests.factories import UserFactory, pitch_event_with_entries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def scene():
    """Two entries, three jurors, everyone assigned to everything and declared "no conflict"."""
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=3)
    assignments_fill(event=event, by=coordinator)
    for assignment in Assignment.objects.filter(entry__event=event):
        assignment_declare(assignment=assignment, conflict=False, by=assignment.juror)
    criteria = list(event.rubric.criteria.all())
    return event, entries, jurors, coordinator, criteria


def sheet_url(entry, name="sheet"):
    return reverse(f"jury:{name}", args=[entry.pk])


def form(criteria, levels: dict[int, int], revision=0, **extra):
    data = {"revision": revision, "comment": "", "private_note": "", **extra}
    data.update({f"nivel_{criteria[i].pk}": level for i, level in levels.items()})
    return data


def assignment_of(juror, entry) -> Assignment:
    return Assignment.objects.get(juror=juror, entry=entry)


def test_the_sheet_shows_the_frozen_plan_and_each_level_with_its_descriptor(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    page = client.get(sheet_url(entries[0])).content.decode()
    assert "Lienzo del modelo de negocio" in page and "Punto de equilibrio" in page
    assert "Nivel 3: Explica qué vende, a quién y por qué lo comprarían." in page
    assert page.count('type="radio"') == 5 * len(criteria)
    assert 'name="comment"' in page and 'name="private_note"' in page and "Enviar calificación" in page
    assert "jury/sheet" in page and "<script>" not in page


def test_later_plan_submissions_do_not_change_what_the_jury_reads(client, scene):
    event, entries, jurors, _coordinator, _criteria = scene
    plan = entries[0].venture.plan
    member = entries[0].venture.members.first()
    business_plan_save(
        plan_id=plan.pk,
        by=member,
        values={**plan_values(plan), "summary": "Texto nuevo v2"},
        base_revision=plan.revision,
    )
    plan_version_submit(plan_id=plan.pk, by=member)
    client.force_login(jurors[0])
    page = client.get(sheet_url(entries[0])).content.decode()
    assert "versión 1, la que lee el jurado" in page and "Texto nuevo v2" not in page


def test_saving_without_javascript_redirects_with_a_spanish_confirmation_and_audits_each_level(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    response = client.post(
        sheet_url(entries[0]),
        form(criteria, {0: 4, 1: 2}, comment="Buen inicio", private_note="Dudo del precio", accion="guardar"),
    )
    assert response.status_code == 302 and response["Location"] == sheet_url(entries[0])
    page = client.get(response["Location"]).content.decode()
    assert "Guardado a las" in page and "Buen inicio" in page and "Dudo del precio" in page
    sheet = ScoreSheet.objects.get(assignment__juror=jurors[0], assignment__entry=entries[0])
    assert sheet.revision == 1 and {s.criterion_id: s.level for s in sheet.scores.all()} == {
        criteria[0].pk: 4,
        criteria[1].pk: 2,
    }
    created = AuditEntry.objects.filter(kind=AuditEntry.Kind.SCORE_CREATED).order_by("id")
    assert [(line.old_value, line.new_value["level"]) for line in created] == [(None, 4), (None, 2)]
    assert {(line.juror_id, line.entry_id) for line in created} == {(jurors[0].pk, entries[0].pk)}


def test_a_changed_level_is_audited_with_the_old_and_the_new_value(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    client.post(sheet_url(entries[0]), form(criteria, {0: 4}, accion="guardar"))
    client.post(sheet_url(entries[0]), form(criteria, {0: 2}, revision=1, accion="guardar"))
    line = AuditEntry.objects.get(kind=AuditEntry.Kind.SCORE_CHANGED)
    assert (line.old_value["level"], line.new_value["level"], line.old_value["criterion_id"]) == (4, 2, criteria[0].pk)
    assert (line.juror_id, line.entry_id, line.actor_id) == (jurors[0].pk, entries[0].pk, jurors[0].pk)


def test_a_save_from_an_older_copy_writes_nothing_and_shows_both_versions_409(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    tab_a = form(criteria, {0: 5}, comment="Texto de la pestaña A", accion="guardar")
    tab_b = form(criteria, {0: 1}, comment="Texto de la pestaña B", accion="guardar")
    assert client.post(sheet_url(entries[0]), tab_a).status_code == 302
    response = client.post(sheet_url(entries[0]), tab_b)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Texto de la pestaña A" in page and "Texto de la pestaña B" in page
    assert "Guardado en otro lugar:" in page and "Nivel 5:" in page
    assert 'name="revision" value="1"' in page
    sheet = ScoreSheet.objects.get(assignment__juror=jurors[0], assignment__entry=entries[0])
    assert sheet.comment == "Texto de la pestaña A" and sheet.scores.get().level == 5
    # Saving again from the page (now at revision 1) keeps what the juror chose.
    assert client.post(sheet_url(entries[0]), {**tab_b, "revision": 1}).status_code == 302
    sheet.refresh_from_db()
    assert sheet.comment == "Texto de la pestaña B" and sheet.scores.get().level == 1


def test_autosave_answers_json_and_409_on_a_stale_revision(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    response = client.post(sheet_url(entries[0], "sheet_autosave"), form(criteria, {0: 3}))
    assert response.status_code == 200 and response.json()["ok"] and response.json()["revision"] == 1
    stale = client.post(sheet_url(entries[0], "sheet_autosave"), form(criteria, {0: 4}))
    assert stale.status_code == 409 and stale.json()["conflict"]
    assert ScoreSheet.objects.get(assignment__juror=jurors[0], assignment__entry=entries[0]).scores.get().level == 3
    assert ScoreSheet.objects.get(assignment__juror=jurors[0], assignment__entry=entries[0]).submitted_at is None


def test_submitting_with_missing_criteria_shows_errors_next_to_them_and_keeps_what_was_typed(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    response = client.post(
        sheet_url(entries[0]), form(criteria, {0: 4, 2: 3}, comment="Me gustó el puesto", accion="enviar")
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert page.count("Elige un nivel para este criterio antes de enviar.") == len(criteria) - 2
    for missing in (criteria[1], criteria[3], criteria[4]):
        fieldset = page.split(f'id="criterio-{missing.pk}"')[1].split("</fieldset>")[0]
        assert "Elige un nivel para este criterio antes de enviar." in fieldset
    assert re.search(rf'name="nivel_{criteria[0].pk}" value="4"[^>]*checked', page)
    assert "Me gustó el puesto" in page and 'name="revision" value="1"' in page
    sheet = ScoreSheet.objects.get(assignment__juror=jurors[0], assignment__entry=entries[0])
    assert sheet.submitted_at is None and sheet.scores.count() == 2
    assert not AuditEntry.objects.filter(kind=AuditEntry.Kind.SHEET_SUBMITTED).exists()


def test_a_complete_sheet_is_submitted_and_the_list_says_enviada(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    response = client.post(sheet_url(entries[0]), form(criteria, dict.fromkeys(range(5), 3), accion="enviar"))
    assert response.status_code == 302
    assert "Enviaste tu calificación" in client.get(response["Location"]).content.decode()
    line = AuditEntry.objects.get(kind=AuditEntry.Kind.SHEET_SUBMITTED)
    assert (line.juror_id, line.entry_id) == (jurors[0].pk, entries[0].pk)
    mine = client.get(reverse("jury:my_pitches")).content.decode()
    assert "Enviada" in mine and "Pendiente" in mine  # entry 2 not scored yet


def test_after_close_the_sheet_is_read_only_and_a_change_is_refused(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    client.force_login(jurors[0])
    client.post(sheet_url(entries[0]), form(criteria, {0: 4}, accion="guardar"))
    event.status = event.Status.CLOSED
    event.save()
    page = client.get(sheet_url(entries[0])).content.decode()
    assert "la coordinación debe reabrirlo" in page and "Enviar calificación" not in page and "disabled" in page
    response = client.post(sheet_url(entries[0]), form(criteria, {0: 1}, revision=1, accion="guardar"))
    assert response.status_code == 403 and "la coordinación debe reabrirlo" in response.content.decode()
    assert client.post(sheet_url(entries[0], "sheet_autosave"), form(criteria, {0: 1}, revision=1)).status_code == 403
    with pytest.raises(EventClosed):
        score_sheet_save(
            assignment=assignment_of(jurors[0], entries[0]),
            by=jurors[0],
            levels={criteria[0].pk: 1},
            comment="",
            private_note="",
            base_revision=1,
        )
    with pytest.raises(EventClosed):
        score_sheet_submit(assignment=assignment_of(jurors[0], entries[0]), by=jurors[0])
    assert ScoreSheet.objects.get(assignment__juror=jurors[0], assignment__entry=entries[0]).scores.get().level == 4
    assert not AuditEntry.objects.filter(kind=AuditEntry.Kind.SCORE_CHANGED).exists()


def test_juror_a_cannot_open_juror_bs_sheet_nor_an_unassigned_entry(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=2, jurors=4)
    assignments_fill(event=event, by=coordinator, entry=entries[0])  # jurors 1-3 on entry 1 only
    outsider, stranger = jurors[3], UserFactory(role="jurado")
    for person in (outsider, stranger, coordinator):
        client.force_login(person)
        for name in ("sheet", "conflict"):
            assert client.get(sheet_url(entries[0], name)).status_code == 404
        assert client.post(sheet_url(entries[0], "sheet_autosave"), {"revision": 0}).status_code == 404
    client.force_login(jurors[0])
    assert client.get(sheet_url(entries[1])).status_code == 404


def test_a_juror_never_sees_another_jurors_scores_or_comments(client, scene):
    event, entries, jurors, _coordinator, criteria = scene
    score_sheet_save(
        assignment=assignment_of(jurors[1], entries[0]),
        by=jurors[1],
        levels={criteria[0].pk: 5},
        comment="Comentario del jurado B",
        private_note="Nota secreta de B",
        base_revision=0,
    )
    client.force_login(jurors[0])
    page = client.get(sheet_url(entries[0])).content.decode()
    assert "Comentario del jurado B" not in page and "Nota secreta de B" not in page
    assert not re.search(r'type="radio"[^>]*checked', page)


def test_next_and_previous_move_between_the_jurors_entries(client, scene):
    event, entries, jurors, _coordinator, _criteria = scene
    client.force_login(jurors[0])
    first = client.get(sheet_url(entries[0])).content.decode()
    assert f'href="{sheet_url(entries[1])}" rel="next"' in first and 'rel="prev"' not in first
    second = client.get(sheet_url(entries[1])).content.decode()
    assert f'href="{sheet_url(entries[0])}" rel="prev"' in second and 'rel="next"' not in second


def _sheet_queries(client, ventures: int, jurors: int) -> int:
    event, entries, pool, coordinator = pitch_event_with_entries(ventures=ventures, jurors=jurors)
    assignments_fill(event=event, by=coordinator)
    assignment = Assignment.objects.filter(juror=pool[0]).order_by("entry_id")[1]
    assignment_declare(assignment=assignment, conflict=False, by=pool[0])
    score_sheet_save(
        assignment=assignment,
        by=pool[0],
        levels={c.pk: 3 for c in event.rubric.criteria.all()},
        comment="c",
        private_note="n",
        base_revision=0,
    )
    client.force_login(pool[0])
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(sheet_url(assignment.entry)).status_code == 200
    return len(ctx.captured_queries)


def test_the_sheet_page_keeps_its_query_budget_whatever_the_number_of_entries_and_jurors(client):
    small = _sheet_queries(client, ventures=2, jurors=3)
    large = _sheet_queries(client, ventures=8, jurors=6)
    assert small <= 12 and small == large, (small, large)


def test_one_service_saves_and_submits_and_a_missing_level_keeps_what_was_saved(scene):
    _event, entries, jurors, _coordinator, criteria = scene
    assignment = assignment_of(jurors[0], entries[0])
    with pytest.raises(MissingLevels) as refused:
        score_sheet_save(
            assignment=assignment,
            by=jurors[0],
            levels={criteria[0].pk: 2},
            comment="Bien",
            private_note="",
            base_revision=0,
            submit=True,
        )
    sheet = ScoreSheet.objects.get(assignment=assignment)
    assert refused.value.sheet.revision == sheet.revision == 1 and sheet.submitted_at is None
    assert [c.pk for c in refused.value.criteria] == [c.pk for c in criteria[1:]]
    assert sheet.comment == "Bien" and sheet.scores.get().level == 2
    submitted = score_sheet_save(
        assignment=assignment,
        by=jurors[0],
        levels={c.pk: 3 for c in criteria},
        comment="Bien",
        private_note="",
        base_revision=1,
        submit=True,
    )
    assert submitted.submitted_at is not None and submitted.revision == 2
    assert AuditEntry.objects.filter(kind=AuditEntry.Kind.SHEET_SUBMITTED, entry=entries[0]).count() == 1


def test_the_sheet_view_sets_no_attribute_on_the_assignment(client, scene, monkeypatch):
    """The criteria travel in a frozen JurorSheet, not as an attribute stuck on the model by the view."""
    _event, entries, jurors, _coordinator, criteria = scene
    stuck = []
    original = Assignment.__setattr__

    def watch(self, name, value):
        if name == "criteria":
            stuck.append(name)
        original(self, name, value)

    monkeypatch.setattr(Assignment, "__setattr__", watch)
    client.force_login(jurors[0])
    assert client.get(sheet_url(entries[0])).status_code == 200
    assert client.post(sheet_url(entries[0]), form(criteria, {0: 4}, accion="guardar")).status_code == 302
    assert client.post(sheet_url(entries[0], "sheet_autosave"), form(criteria, {0: 5}, revision=1)).status_code == 200
    assert stuck == []

"""Journey: pitch day. The coordinator assigns the jury; three jurors declare no conflict and score a venture on
a phone-sized screen; a fourth recuses from another venture and is replaced; the coordinator closes the event,
sees the ranking and the seed capital, a winner withdraws and the first on the reserve list is promoted."""

import pytest

from cms.accounts.services import role_permissions_ensure
from incubator.jury.models import Assignment, Award, Result
from incubator.jury.services.assignments import assignment_declare
from incubator.jury.services.sheets import score_sheet_save, score_sheet_submit
from tests.browser.conftest import accept_current_consent, assert_accessible, login, wagtail_site_ensure
from tests.factories import pitch_event_with_entries

PASSWORD = "clave-segura-123"
# Every juror gives each venture the same level on every criterion: 5, 4, 3, 3/2, 2, 1 by entry. Totals are
# then ordered the same way for every juror, so normalized or not the ranking is entry 0, 1, 2, 3, 4, 5.
LEVELS = ((5,) * 5, (4,) * 5, (3,) * 5, (3, 3, 2, 2, 2), (2,) * 5, (1,) * 5)


@pytest.fixture
def pitch(db):
    wagtail_site_ensure()
    role_permissions_ensure()
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=6, jurors=4)
    for person in [coordinator, *jurors]:
        accept_current_consent(person)
    return event, entries, jurors, coordinator


def _go(page, url: str) -> None:
    page.goto(url)
    assert page.locator("h1").count() == 1, page.url


def _submit(page, name: str) -> None:
    with page.expect_navigation():
        page.get_by_role("button", name=name, exact=True).click()


def _declare_no_conflict(page, server, entry) -> None:
    _go(page, f"{server.url}/incubadora/pitch/jurado/")
    with page.expect_navigation():
        page.get_by_role("link", name=str(entry), exact=True).click()
    page.get_by_label("No tengo conflicto de interés").check()
    _submit(page, "Confirmar")


def _score_on_phone(page, server, entry, level: int, criteria) -> None:
    _go(page, f"{server.url}/incubadora/pitch/jurado/{entry.pk}/hoja/")
    for criterion in criteria:
        page.check(f"input[name=nivel_{criterion.pk}][value='{level}']")
    page.get_by_label("Comentario para el emprendimiento").fill("Buen trabajo: se nota la práctica.")
    _submit(page, "Enviar calificación")
    assert page.get_by_text("Enviada", exact=True).first.is_visible()


def _fill_by_service(assignment: Assignment, criteria, levels) -> None:
    juror = assignment.juror
    if assignment.status == Assignment.Status.PENDING:
        assignment_declare(assignment=assignment, conflict=False, by=juror)
    score_sheet_save(
        assignment=assignment,
        by=juror,
        levels=dict(zip([c.pk for c in criteria], levels, strict=True)),
        comment="",
        private_note="",
        base_revision=assignment.sheet.revision if hasattr(assignment, "sheet") else 0,
    )
    score_sheet_submit(assignment=assignment, by=juror)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_three_jurors_score_one_recuses_and_is_replaced_and_a_withdrawn_winner_is_replaced(
    pitch, browser, page, phone_page, live_server
):
    from tests.browser.conftest import PHONE, _new_context

    event, entries, jurors, coordinator = pitch
    criteria = list(event.rubric.criteria.order_by("sort_order"))

    # The coordinator assigns the jury: each venture gets three, loads 4/4/5/5.
    login(page, live_server, coordinator.username, PASSWORD)
    _go(page, f"{live_server.url}/incubadora/pitch/eventos/{event.pk}/preparar/")
    assert_accessible(page)
    _submit(page, "Asignar jurado")
    loads = sorted(Assignment.objects.filter(entry__event=event, juror=j).count() for j in jurors)
    assert loads == [4, 4, 5, 5]

    # Three jurors score the first venture on their phones.
    target = entries[0]
    scorers = [a.juror for a in Assignment.objects.filter(entry=target).select_related("juror")]
    assert len(scorers) == 3
    for n, juror in enumerate(scorers):
        phone = phone_page if n == 0 else _new_context(browser, PHONE).new_page()
        login(phone, live_server, juror.username, PASSWORD)
        _declare_no_conflict(phone, live_server, target)
        _score_on_phone(phone, live_server, target, 5, criteria)
        if n == 0:
            assert_accessible(phone)

    # On the second venture, one juror has a conflict: the fourth juror of the pool takes the place.
    second = entries[1]
    on_second = {a.juror_id for a in Assignment.objects.filter(entry=second)}
    recusing = next(j for j in jurors if j.pk in on_second)
    replacement = next(j for j in jurors if j.pk not in on_second)
    recusing_phone = _new_context(browser, PHONE).new_page()
    login(recusing_phone, live_server, recusing.username, PASSWORD)
    _go(recusing_phone, f"{live_server.url}/incubadora/pitch/jurado/")
    with recusing_phone.expect_navigation():
        recusing_phone.get_by_role("link", name=str(second), exact=True).click()
    recusing_phone.get_by_label("Tengo un conflicto").check()
    recusing_phone.get_by_label("Motivo del conflicto").fill("Es mi vecina y le presté dinero.")
    _submit(recusing_phone, "Confirmar")
    assert Assignment.objects.get(entry=second, juror=recusing).status == Assignment.Status.RECUSED
    assert recusing_phone.get_by_role("link", name=str(second), exact=True).count() == 0
    replacement_phone = _new_context(browser, PHONE).new_page()
    login(replacement_phone, live_server, replacement.username, PASSWORD)
    _declare_no_conflict(replacement_phone, live_server, second)
    _score_on_phone(replacement_phone, live_server, second, 4, criteria)

    # The rest of the sheets are filled as the other jurors would, then the coordinator closes.
    for assignment in (
        Assignment.objects.filter(entry__event=event)
        .exclude(status=Assignment.Status.RECUSED)
        .select_related("juror", "entry")
    ):
        if not hasattr(assignment, "sheet") or assignment.sheet.submitted_at is None:
            assignment.refresh_from_db()
            _fill_by_service(assignment, criteria, LEVELS[entries.index(assignment.entry)])
    _go(page, f"{live_server.url}/incubadora/pitch/eventos/{event.pk}/resultados/")
    _submit(page, "Cerrar y asignar")
    ranking = list(Result.objects.filter(entry__event=event).order_by("rank").values_list("entry_id", flat=True))
    assert ranking == [e.pk for e in entries]
    page.get_by_role("heading", name="Capital semilla").wait_for()
    assert_accessible(page)
    winners = [str(e) for e in entries[:3]]
    reserve_first = str(entries[3])
    for name in winners:
        assert page.locator("li.card", has_text=name).count() >= 1

    # The first winner withdraws: the first on the reserve list is promoted.
    withdrawn = Award.objects.get(entry=entries[0])
    page.fill(f"#retiro-{withdrawn.pk}", "Se mudó a otra ciudad.")
    with page.expect_navigation():
        page.locator(f"form:has(#retiro-{withdrawn.pk}) button[type=submit]").click()
    promoted = Award.objects.get(entry=entries[3], status=Award.Status.ACTIVE)
    assert promoted.promoted_from_reserve
    assert Award.objects.get(pk=withdrawn.pk).status == Award.Status.WITHDRAWN
    card = page.locator("li.card", has_text=reserve_first)
    assert card.get_by_text("Subió desde la reserva").is_visible()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_score_sheet_autosaves_and_the_juror_then_submits_without_a_conflict(pitch, phone_page, live_server):
    from incubator.jury.models import Score
    from incubator.jury.services.assignments import assignments_fill

    event, entries, jurors, coordinator = pitch
    assignments_fill(event=event, by=coordinator)
    criteria = list(event.rubric.criteria.order_by("sort_order"))
    assignment = Assignment.objects.filter(juror=jurors[0]).select_related("entry").first()
    login(phone_page, live_server, jurors[0].username, PASSWORD)
    _declare_no_conflict(phone_page, live_server, assignment.entry)
    _go(phone_page, f"{live_server.url}/incubadora/pitch/jurado/{assignment.entry.pk}/hoja/")

    phone_page.check(f"input[name=nivel_{criteria[0].pk}][value='4']")
    phone_page.get_by_label("Nota privada").fill("Preguntar por el costo de la harina.")
    phone_page.wait_for_function(
        "() => /Guardad/.test(document.getElementById('autoguardado').textContent)", timeout=15000
    )

    sheet = Assignment.objects.get(pk=assignment.pk).sheet
    assert sheet.private_note == "Preguntar por el costo de la harina."
    assert Score.objects.get(sheet=sheet, criterion=criteria[0]).level == 4
    for criterion in criteria[1:]:
        phone_page.check(f"input[name=nivel_{criterion.pk}][value='3']")
    _submit(phone_page, "Enviar calificación")
    sheet.refresh_from_db()
    assert sheet.submitted_at is not None
    assert sorted(Score.objects.filter(sheet=sheet).values_list("level", flat=True)) == [3, 3, 3, 3, 4]

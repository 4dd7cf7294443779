"""Mi inicio: tiles registered by the areas, per role, within a query budget; login lands there."""

import ast
from pathlib import Path

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.home.start import Tile, TileItem, _registry, register_start_tile, start_tiles_for
from tests.factories import UserFactory
from tests.start_scenario import PASSWORD, start_scenario

pytestmark = pytest.mark.django_db
QUERY_BUDGET = 15
CMS = Path(__file__).resolve().parents[2] / "cms"


@pytest.fixture
def scenario():
    return start_scenario()


def _tiles(client, user) -> tuple[dict[str, Tile], str]:
    client.force_login(user)
    response = client.get(reverse("home:dashboard"))
    assert response.status_code == 200
    return {tile.key: tile for tile in response.context["tiles"]}, response.content.decode()


def _urls(tile: Tile) -> set[str]:
    return {item.url for item in tile.items} | {tile.url} | {a.url for a in tile.actions}


def test_a_learner_sees_her_courses_certificates_grades_venture_and_sessions(client, scenario):
    tiles, html = _tiles(client, scenario.learner)
    assert {
        "mis-cursos",
        "mis-certificados",
        "mis-calificaciones",
        "mis-emprendimientos",
        "proximas-mentorias",
        "incubadora",
        "mis-resultados-pitch",
    } <= tiles.keys()
    assert "postulaciones" not in tiles and "pitches-por-calificar" not in tiles and "administracion" not in tiles
    assert scenario.course.url in _urls(tiles["mis-cursos"])
    assert reverse("certificates:list") in _urls(tiles["mis-certificados"])
    assert reverse("grades:learner", args=[scenario.course.pk]) in _urls(tiles["mis-calificaciones"])
    assert reverse("ventures:detail", args=[scenario.venture.pk]) in _urls(tiles["mis-emprendimientos"])
    assert reverse("mentoring:room", args=[scenario.session.pk]) in _urls(tiles["proximas-mentorias"])
    assert 'href="{}"'.format(reverse("certificates:list")) in html


def test_a_coordinator_sees_applications_overdue_milestones_gradebooks_and_events(client, scenario):
    tiles, _html = _tiles(client, scenario.coordinator)
    assert {
        "postulaciones",
        "hitos-atrasados",
        "calificaciones-por-curso",
        "eventos-de-pitch",
        "administracion",
    } <= tiles.keys()
    assert "mis-cursos" not in tiles
    applications = tiles["postulaciones"]
    assert applications.count == 1
    assert reverse("cohorts:applications", args=[scenario.cohort.pk]) in _urls(applications)
    assert reverse("milestones:detail", args=[scenario.milestone.pk]) in _urls(tiles["hitos-atrasados"])
    assert reverse("grades:course", args=[scenario.course.pk]) in _urls(tiles["calificaciones-por-curso"])
    assert reverse("jury:setup", args=[scenario.event.pk]) in _urls(tiles["eventos-de-pitch"])


def test_a_new_cohort_without_ventures_still_leads_to_its_applications(client, scenario):
    from tests.factories import CohortFactory

    fresh = CohortFactory(name="Cohorte nueva", coordinators=[scenario.coordinator])
    tiles, _html = _tiles(client, scenario.coordinator)
    assert reverse("cohorts:applications", args=[fresh.pk]) in _urls(tiles["postulaciones"])


def test_a_coordinator_does_not_see_the_cohorts_of_another(client, scenario):
    other = UserFactory(role="coordinacion")
    tiles, _html = _tiles(client, other)
    assert reverse("cohorts:applications", args=[scenario.cohort.pk]) not in _urls(tiles["postulaciones"])
    assert not tiles["hitos-atrasados"].items


def test_a_mentor_sees_next_sessions_reviews_and_gradebooks(client, scenario):
    tiles, _html = _tiles(client, scenario.mentor)
    assert {"proximas-mentorias", "hitos-por-revisar", "calificaciones-por-curso"} <= tiles.keys()
    assert "postulaciones" not in tiles and "mis-cursos" not in tiles
    assert tiles["hitos-por-revisar"].count == 1
    assert reverse("milestones:detail", args=[scenario.milestone.pk]) in _urls(tiles["hitos-por-revisar"])
    assert reverse("mentoring:room", args=[scenario.session.pk]) in _urls(tiles["proximas-mentorias"])


def test_a_juror_sees_the_pitches_to_score(client, scenario):
    tiles, _html = _tiles(client, scenario.juror)
    assert list(tiles) == ["pitches-por-calificar"]
    entry_id = scenario.event.entries.get().pk
    assert tiles["pitches-por-calificar"].count == 1
    assert reverse("jury:conflict", args=[entry_id]) in _urls(tiles["pitches-por-calificar"])


@pytest.mark.parametrize("role", ["learner", "coordinator", "mentor", "juror"])
def test_the_start_page_of_each_role_stays_within_its_query_budget(client, scenario, role):
    user = getattr(scenario, role)
    client.force_login(user)
    client.get(reverse("home:dashboard"))  # warm the per-process caches (site root paths, consent)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(reverse("home:dashboard")).status_code == 200
    assert len(queries) <= QUERY_BUDGET, "\n".join(q["sql"] for q in queries.captured_queries)


def test_signing_in_leads_to_the_start_page(client, scenario):
    from tests.browser.conftest import accept_current_consent

    accept_current_consent(scenario.coordinator)
    response = client.post(reverse("accounts:login"), {"username": scenario.coordinator.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home:dashboard")


def test_a_tile_is_shown_to_the_role_or_predicate_it_was_registered_for(rf):
    before = list(_registry)
    try:

        def only_for_jurors(request):
            return Tile(title="Prueba", url="/prueba/", items=(TileItem(label="uno", url="/uno/"),), key="prueba")

        def nothing(request):
            return None

        register_start_tile("jurado", only_for_jurors, order=0)
        register_start_tile("jurado", only_for_jurors, order=0)  # ready() twice: one registration
        register_start_tile(lambda user: True, nothing)
        request = rf.get("/")
        request.user = UserFactory(role="jurado")
        keys = [t.key for t in start_tiles_for(request)]
        assert keys.count("prueba") == 1
        request.user = UserFactory(role="aprendiz")
        assert "prueba" not in [t.key for t in start_tiles_for(request)]
    finally:
        _registry[:] = before


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_the_start_page_in_cms_names_no_lms_or_incubator_code_urls_or_models():
    home = CMS / "home"
    for path in home.rglob("*.py"):
        leaked = {m for m in _imported_modules(path) if m.split(".")[0] in ("lms", "incubator")}
        assert not leaked, f"{path.name} imports {leaked}"
    template = (home / "templates" / "home" / "dashboard.html").read_text(encoding="utf-8")
    for name in (
        "mentoring:",
        "ventures:",
        "jury:",
        "cohorts:",
        "courses:",
        "certificates:",
        "grades:",
        ".ventures",
        "pitch_events",
    ):
        assert name not in template

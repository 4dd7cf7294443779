"""The indicators page: a coordinator filters by period and cohort, reads a suppressed "< 5" cell and its
explanation, exports a CSV through a background job (with and without JavaScript) and gets the file; the
donor sees only the programme she funds, and nobody's name."""

import re
import signal
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.accounts.services import role_permissions_ensure
from incubator.cohorts.models import Participation
from tests.browser.conftest import accept_current_consent, assert_accessible, consent_ensure, login, wagtail_site_ensure
from tests.factories import CohortFactory, UserFactory

PASSWORD = "semillas-de-cacao-7"
STATUS_JSON = re.compile(r".*/trabajos/\d+/estado/$")
STATUS_PAGE = re.compile(r".*/trabajos/\d+/$")


def run_worker_once() -> None:
    handlers = {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", stdout=StringIO())
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


@pytest.fixture
def programme(db, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
    wagtail_site_ensure()
    consent_ensure()
    role_permissions_ensure()
    norte = Programme.objects.create(name="Emprende Norte", slug="norte")
    ibarra = Center.objects.create(programme=norte, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    lago = Center.objects.create(programme=norte, name="Centro Lago", province="Sucumbíos", city="Lago Agrio")
    sur = Programme.objects.create(name="Emprende Sur", slug="sur")
    Center.objects.create(programme=sur, name="Centro Loja", province="Loja", city="Loja")
    cohort = CohortFactory(city="Ibarra", name="Cohorte Ibarra", start_date=timezone.localdate())
    for number in range(9):
        user = UserFactory(role="aprendiz")
        Participant.objects.create(user=user, center=ibarra, sex="mujer", given_names=f"Brígida{number}")
        if number < 6:
            Participation.objects.create(cohort=cohort, user=user, status=Participation.Status.ACCEPTED)
    for number in range(2):
        Participant.objects.create(center=lago, sex="hombre", given_names=f"Yolanda{number}")
    coordinator = UserFactory(role="coordinacion", username="carmen", password=PASSWORD, first_name="Carmen")
    norte.coordinators.add(coordinator)
    donor = UserFactory(role="donante", username="fondo", password=PASSWORD, first_name="Fondo")
    norte.donors.add(donor)
    sur.donors.add(UserFactory(role="donante"))
    for user in (coordinator, donor):
        accept_current_consent(user)
    return norte, cohort


def _row(page, section: str, label: str):
    return page.locator(f"#ind-{section} tbody tr", has=page.locator("th", has_text=label))


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_coordinator_filters_reads_a_hidden_cell_and_exports_through_a_job(page, live_server, programme):
    _norte, cohort = programme
    year = timezone.localdate().year
    login(page, live_server, "carmen", PASSWORD)
    page.goto(f"{live_server.url}/indicadores/")
    with page.expect_navigation():
        page.get_by_role("link", name="Emprende Norte").click()
    assert_accessible(page)
    # By city: Lago Agrio has 2 people (hidden) and Ibarra's 9 would give them back from the total 11.
    assert _row(page, "A", "Lago Agrio").locator("td").first.inner_text() == "< 5"
    assert _row(page, "A", "Ibarra").locator("td").first.inner_text() == "< 5"
    assert page.locator("#ind-A dd").nth(2).inner_text() == "11"
    assert "no mostramos grupos de menos de 5 personas" in page.content()

    page.locator("select[name=anio]").select_option(str(year))
    page.locator("select[name=trimestre]").select_option("")
    page.locator("select[name=cohorte]").select_option(str(cohort.pk))
    with page.expect_navigation():
        page.get_by_role("button", name="Ver").click()
    assert f"cohorte={cohort.pk}" in page.url and f"anio={year}" in page.url
    assert page.locator("#ind-A dd").nth(2).inner_text() == "6"  # only the cohort's six
    assert_accessible(page)

    with page.expect_navigation():
        page.get_by_role("button", name="Descargar CSV").click()
    assert STATUS_PAGE.match(page.url), page.url
    assert page.locator("h1").inner_text().strip() == "Exportación de indicadores"
    assert "Preparando el archivo de indicadores…" in page.content()
    assert_accessible(page)

    page.route(STATUS_JSON, lambda route: route.abort())  # no polling while the worker writes
    run_worker_once()
    page.unroute(STATUS_JSON)
    link = page.get_by_role("link", name="Descargar")
    link.wait_for()  # the page's script saw the job done
    assert "SHA-256" in page.content()
    assert_accessible(page)
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == f"indicadores-norte-{year}-01-01-{year}-12-31.csv"
    with open(download.path(), encoding="utf-8") as exported:
        text = exported.read()
    assert text.startswith("indicador,desagregacion,categoria,n,valor,suprimido\n")
    assert "# sha256: " in text and "Brígida" not in text


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_without_javascript_the_job_page_refreshes_itself_until_the_file_is_ready(browser, live_server, programme):
    context = browser.new_context(locale="es-EC", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    try:
        login(page, live_server, "carmen", PASSWORD)
        page.goto(f"{live_server.url}/indicadores/norte/")
        with page.expect_navigation():
            page.get_by_role("button", name="Descargar Excel").click()
        assert STATUS_PAGE.match(page.url), page.url
        assert page.locator("progress").count() == 1
        # The page's own refresh is held until the worker is done (handlers run when the test calls
        # Playwright again), so the browser never reads while the worker writes.
        page.route(STATUS_PAGE, lambda route: route.continue_())
        run_worker_once()
        page.get_by_role("link", name="Descargar").wait_for()  # reloaded by <meta http-equiv="refresh">
        assert page.locator("progress").count() == 0
        with page.expect_download() as info:
            page.get_by_role("link", name="Descargar").click()
        assert info.value.suggested_filename.endswith(".xlsx")
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_donor_sees_only_her_programme_and_nobody_by_name(page, live_server, programme):
    login(page, live_server, "fondo", PASSWORD)
    page.goto(f"{live_server.url}/indicadores/")
    assert page.get_by_role("link", name="Emprende Norte").count() == 1
    assert "Emprende Sur" not in page.content()
    assert_accessible(page)
    with page.expect_navigation():
        page.get_by_role("link", name="Emprende Norte").click()
    body = page.content()
    assert "Brígida" not in body and "Yolanda" not in body
    assert _row(page, "A", "Lago Agrio").locator("td").first.inner_text() == "< 5"
    assert_accessible(page)
    response = page.goto(f"{live_server.url}/indicadores/sur/")
    assert response.status == 404

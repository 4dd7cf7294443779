import pytest
from django.urls import reverse
from reportlab import rl_config

from incubator.plans.fields import plan_values
from incubator.plans.models import PlanVersion
from incubator.plans.services import business_plan_save, plan_version_submit
from tests.incubator.plans.conftest import form_data, values_with
from tests.job_support import download_through_job

pytestmark = pytest.mark.django_db


def url(name, venture, *args):
    return reverse(f"plans:{name}", args=[venture.pk, *args])


def test_the_team_sees_one_form_with_every_block_and_its_guiding_question(client, member, venture):
    client.force_login(member)
    page = client.get(url("plan", venture)).content.decode()
    assert 'id="plan-form"' in page and 'name="customer_segments"' in page and 'name="team"' in page
    assert "¿Quiénes te compran?" in page
    assert 'name="inversion-0-monto"' in page and 'name="fijo-2-descripcion"' in page
    assert "plans/autosave" in page and "<script>" not in page


def test_saving_without_javascript_redirects_and_computes_the_results(client, member, venture, plan):
    client.force_login(member)
    values = values_with(
        plan,
        value_proposition="Macetas pintadas a mano",
        unit_name="maceta",
        price_per_unit="8.00",
        variable_cost_per_unit="4.50",
        expected_monthly_units=120,
        fixed_costs=[{"description": "Arriendo del puesto", "amount": "150.00"}],
    )
    response = client.post(url("plan", venture), form_data(values, 0, accion="guardar"))
    assert response.status_code == 302 and response["Location"] == url("plan", venture)
    plan.refresh_from_db()
    assert plan.value_proposition == "Macetas pintadas a mano" and plan.revision == 1
    assert plan.fixed_costs == [{"description": "Arriendo del puesto", "amount": "150.00"}]
    page = client.get(url("plan", venture)).content.decode()
    assert "Por cada maceta ganas USD 3,50 después de pagar los materiales." in page
    assert "Necesitas vender 43 unidades al mes" in page
    assert 'name="revision" value="1"' in page


def test_a_bad_amount_shows_a_spanish_error_next_to_the_field_and_keeps_what_was_typed(client, member, venture, plan):
    client.force_login(member)
    data = form_data(values_with(plan, summary="Mi resumen largo"), 0)
    data.update({"price_per_unit": "ocho", "inversion-0-descripcion": "Pintura", "inversion-0-monto": ""})
    response = client.post(url("plan", venture), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Escribe un monto en dólares, por ejemplo 12,50." in page
    assert 'value="ocho"' in page and "Mi resumen largo" in page and 'value="Pintura"' in page
    plan.refresh_from_db()
    assert plan.revision == 0 and plan.summary == ""


def test_two_tabs_the_second_save_shows_both_texts_and_the_person_chooses(client, member, venture, plan):
    client.force_login(member)
    tab_a = form_data(values_with(plan, problem="Texto de la pestaña A"), 0)
    tab_b = form_data(values_with(plan, problem="Texto de la pestaña B", market="Solo en B"), 0)
    assert client.post(url("plan", venture), tab_a).status_code == 302
    response = client.post(url("plan", venture), tab_b)
    page = response.content.decode()
    assert response.status_code == 409
    assert "Texto de la pestaña A" in page and "Texto de la pestaña B" in page and "Solo en B" in page
    assert 'name="elegir-problem"' in page and 'name="revision" value="1"' in page
    plan.refresh_from_db()
    assert plan.problem == "Texto de la pestaña A"
    # The person keeps the saved text for the problem and their own market, then saves again.
    retry = {**tab_b, "revision": 1, "elegir-problem": "guardado"}
    assert client.post(url("plan", venture), retry).status_code == 302
    plan.refresh_from_db()
    assert (plan.problem, plan.market, plan.revision) == ("Texto de la pestaña A", "Solo en B", 2)


def test_autosave_saves_and_answers_json_with_the_time_and_new_revision(client, member, venture, plan):
    client.force_login(member)
    response = client.post(url("autosave", venture), form_data(values_with(plan, channels="WhatsApp"), 0))
    assert response.status_code == 200
    body = response.json()
    assert body["ok"] and body["revision"] == 1 and body["message"].startswith("Guardado a las ")
    plan.refresh_from_db()
    assert plan.channels == "WhatsApp"


def test_autosave_from_an_old_revision_is_a_conflict_and_overwrites_nothing(client, member, venture, plan):
    client.force_login(member)
    client.post(url("autosave", venture), form_data(values_with(plan, channels="A"), 0))
    response = client.post(url("autosave", venture), form_data(values_with(plan, channels="B"), 0))
    assert response.status_code == 409 and response.json()["conflict"]
    plan.refresh_from_db()
    assert plan.channels == "A"


def test_autosave_with_bad_input_answers_400_and_saves_nothing(client, member, venture, plan):
    client.force_login(member)
    response = client.post(url("autosave", venture), form_data(values_with(plan), 0, price_per_unit="x"))
    assert response.status_code == 400 and not response.json()["ok"]


def test_saving_and_sending_creates_a_version_listed_in_the_history(client, member, venture, plan):
    client.force_login(member)
    response = client.post(url("plan", venture), form_data(values_with(plan, summary="v1"), 0, accion="enviar"))
    assert response["Location"] == url("history", venture)
    assert PlanVersion.objects.get(plan=plan).number == 1
    page = client.get(url("history", venture)).content.decode()
    assert "Versión 1" in page and url("version_pdf", venture, 1) in page


@pytest.fixture
def two_versions(plan, member):
    values = values_with(plan, summary="Primera idea", key_partners="Vivero El Inca")
    business_plan_save(plan_id=plan.pk, by=member, base_revision=0, values=values)
    plan_version_submit(plan_id=plan.pk, by=member)
    business_plan_save(plan_id=plan.pk, by=member, base_revision=1, values={**values, "summary": "Idea mejorada"})
    plan_version_submit(plan_id=plan.pk, by=member)


def test_compare_shows_only_changed_fields_old_and_new(client, member, venture, two_versions):
    client.force_login(member)
    page = client.get(url("compare", venture) + "?a=1&b=2").content.decode()
    assert "Primera idea" in page and "Idea mejorada" in page
    assert "Vivero El Inca" not in page


def test_a_version_page_and_its_pdf(client, mentor, venture, two_versions, monkeypatch):
    monkeypatch.setattr(rl_config, "pageCompression", 0)  # so the test can read the text in the PDF
    client.force_login(mentor)
    assert "Primera idea" in client.get(url("version", venture, 1)).content.decode()
    response = download_through_job(client, url("version_pdf", venture, 1))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF")
    assert b"(Primera idea) Tj" in content and b"(Vivero El Inca) Tj" in content
    assert 'filename="plan-' in response["Content-Disposition"]
    assert client.get(url("version_pdf", venture, 9)).status_code == 404


def test_the_mentor_and_the_coordinator_read_but_cannot_edit(client, member, mentor, coordinator, venture, plan):
    business_plan_save(
        plan_id=plan.pk,
        by=member,
        base_revision=0,
        values=values_with(
            plan,
            key_activities="Pintar macetas los lunes",
            fixed_costs=[{"description": "Arriendo", "amount": "150.00"}],
        ),
    )
    for person in (mentor, coordinator):
        client.force_login(person)
        response = client.get(url("plan", venture))
        page = response.content.decode()
        assert response.status_code == 200 and 'id="plan-form"' not in page
        assert "Pintar macetas los lunes" in page and "USD 150,00" in page
        assert client.post(url("plan", venture), form_data(plan_values(plan), 1, summary="x")).status_code == 403
        assert client.post(url("autosave", venture), form_data(plan_values(plan), 1)).status_code == 403
        assert client.get(url("history", venture)).status_code == 200
    plan.refresh_from_db()
    assert plan.summary == "" and plan.revision == 1


def test_an_outsider_gets_404_on_every_page_and_download(client, outsider, venture, two_versions, plan):
    client.force_login(outsider)
    for name, args in (("plan", ()), ("history", ()), ("version", (1,)), ("version_pdf", (1,)), ("compare", ())):
        assert client.get(url(name, venture, *args)).status_code == 404, name
    assert client.get(url("compare", venture) + "?a=1&b=2").status_code == 404
    assert client.post(url("plan", venture), form_data(plan_values(plan), 2, summary="x")).status_code == 404
    assert client.post(url("autosave", venture), form_data(plan_values(plan), 2)).status_code == 404


def test_anonymous_people_are_sent_to_log_in(client, venture):
    assert client.get(url("plan", venture)).status_code == 302
    assert client.get(url("version_pdf", venture, 1)).status_code == 302


def test_the_edit_page_stays_within_the_query_budget(client, member, venture, plan, django_assert_max_num_queries):
    client.force_login(member)
    client.get(url("plan", venture))
    with django_assert_max_num_queries(12):
        assert client.get(url("plan", venture)).status_code == 200


def test_history_and_compare_stay_within_the_query_budget(
    client, mentor, venture, two_versions, django_assert_max_num_queries
):
    client.force_login(mentor)
    client.get(url("history", venture))
    with django_assert_max_num_queries(12):
        assert client.get(url("history", venture)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("compare", venture) + "?a=1&b=2").status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("version", venture, 2)).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url("plan", venture)).status_code == 200

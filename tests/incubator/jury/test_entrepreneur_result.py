"""Each team sees privately, after close, only its own result: page and PDF; comments without juror names.
Query budgets of the results pages stay constant in the number of ventures and jurors."""

from types import SimpleNamespace

import pytest
from django.urls import reverse
from reportlab import rl_config

from incubator.jury.services.results import event_close
from tests.factories import UserFactory, venture_with_team
from tests.incubator.jury.results_support import agreeing_grid, scored_event
from tests.job_support import download_through_job

pytestmark = pytest.mark.django_db


def test_a_team_member_sees_their_result_and_pdf_only_after_close(client, monkeypatch):
    monkeypatch.setattr(rl_config, "pageCompression", 0)  # so the test can read the text in the PDF
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    member = entries[0].venture.members.first()
    page_url = reverse("jury:my_result", args=[event.pk])
    pdf_url = reverse("jury:my_result_pdf", args=[event.pk])
    client.force_login(member)
    assert client.get(page_url).status_code == 404 and client.get(pdf_url).status_code == 404
    event_close(event=event, by=coordinator)
    response = client.get(page_url)
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    text = response.content.decode()
    entries[0].refresh_from_db()
    assert f"Puesto 1 con {entries[0].result.score:.2f}".replace(".", ",") in text and "USD 700,00" in text
    assert "Calidad del plan de negocio" in text and "5,0" in text
    assert "Comentario 1 para 1" in text and "Comentario 3 para 1" in text
    assert "Comentario 1 para 2" not in text  # another team's comment
    for juror in jurors:
        assert juror.display_name not in text
    assert str(entries[1]) not in text
    download = download_through_job(client, pdf_url)
    assert download.status_code == 200 and download["Content-Type"] == "application/pdf"
    assert 'filename="resultado-pitch-' in download["Content-Disposition"]
    pdf = SimpleNamespace(content=b"".join(download.streaming_content))
    score = f"{entries[0].result.score:.2f}".replace(".", ",")
    assert f"(Puesto 1 con {score} puntos de 100.) Tj".encode() in pdf.content
    assert b"700,00" in pdf.content and b"(Comentario 2 para 1) Tj" in pdf.content
    assert b"Comentario 1 para 2" not in pdf.content
    assert all(j.first_name.encode() not in pdf.content for j in jurors)


def test_a_reserve_team_reads_its_place_and_no_amount(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    client.force_login(entries[4].venture.members.first())
    text = client.get(reverse("jury:my_result", args=[event.pk])).content.decode()
    assert "Puesto 5" in text and "lista de reserva, en el lugar 2" in text and "USD" not in text


def test_nobody_else_sees_a_team_result(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    outsider_venture, outsider, mentor, _coordinator = venture_with_team(cohort=event.cohort)
    entry_mentor = UserFactory(role="mentor")
    entries[0].venture.mentors.add(entry_mentor)
    people = (
        outsider,
        mentor,
        entry_mentor,
        jurors[0],
        coordinator,
        UserFactory(role="coordinacion"),
        UserFactory(role="aprendiz"),
    )
    for person in people:
        client.force_login(person)
        for name in ("my_result", "my_result_pdf"):
            assert client.get(reverse(f"jury:{name}", args=[event.pk])).status_code == 404, (person, name)
    client.logout()
    assert client.get(reverse("jury:my_result", args=[event.pk])).status_code == 302


@pytest.mark.parametrize(("ventures", "jurors"), [(6, 3), (12, 6)])
def test_results_pages_stay_within_twelve_queries(client, django_assert_max_num_queries, ventures, jurors):
    event, entries, pool, coordinator = scored_event(agreeing_grid(ventures, jurors), budget="2100")
    event_close(event=event, by=coordinator)
    client.force_login(coordinator)
    for name in ("results", "results_explain", "results_audit"):
        client.get(reverse(f"jury:{name}", args=[event.pk]))
        with django_assert_max_num_queries(12):
            assert client.get(reverse(f"jury:{name}", args=[event.pk])).status_code == 200, name
    client.force_login(pool[0])
    with django_assert_max_num_queries(12):
        assert client.get(reverse("jury:results_juror", args=[event.pk])).status_code == 200
    client.force_login(entries[0].venture.members.first())
    with django_assert_max_num_queries(12):
        assert client.get(reverse("jury:my_result", args=[event.pk])).status_code == 200
    client.get(reverse("jury:my_result_pdf", args=[event.pk]))  # the first one makes the PDF (a job)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("jury:my_result_pdf", args=[event.pk])).status_code == 302

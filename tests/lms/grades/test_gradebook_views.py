from django.urls import reverse

from lms.grades.csv import csv_safe
from tests.factories import UserFactory
from tests.job_support import download_through_job
from tests.lms.grades.conftest import record


def test_learner_sees_own_grades_and_not_another_learners(client, course, items, ana, beto):
    record(ana, course, items[0], "81")
    record(beto, course, items[0], "37")
    client.force_login(beto)
    html = client.get(reverse("grades:learner", args=[course.pk])).content.decode()
    assert "37 %" in html
    assert "81 %" not in html
    assert "Ana" not in html


def test_learner_page_needs_login(client, course):
    response = client.get(reverse("grades:learner", args=[course.pk]))
    assert response.status_code == 302


def test_learner_cannot_open_the_course_gradebook_or_csv(client, course, items, ana):
    client.force_login(ana)
    assert client.get(reverse("grades:course", args=[course.pk])).status_code == 403
    assert client.get(reverse("grades:course_csv", args=[course.pk])).status_code == 403


def test_mentor_of_another_course_gets_403(client, course, items, ana):
    from tests.factories import build_course

    other = build_course(title="Plan de negocio", modules=1, lessons_per_module=1)
    mentor = UserFactory(role="mentor")
    other.mentors.add(mentor)
    other.save()
    client.force_login(mentor)
    assert client.get(reverse("grades:course", args=[course.pk])).status_code == 403
    assert client.get(reverse("grades:course_csv", args=[course.pk])).status_code == 403
    assert client.get(reverse("grades:course", args=[other.pk])).status_code == 200


def test_course_mentor_sees_every_learner(client, course, items, ana, beto):
    record(ana, course, items[0], "81")
    mentor = UserFactory(role="mentor")
    course.mentors.add(mentor)
    course.save()
    client.force_login(mentor)
    html = client.get(reverse("grades:course", args=[course.pk])).content.decode()
    assert "Ana Quispe" in html and "Beto Zambrano" in html and "81 %" in html


def test_coordinator_sees_any_course(client, course, items, ana):
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(reverse("grades:course", args=[course.pk])).status_code == 200


def test_browser_reported_items_are_marked(client, course, items, ana):
    items[1].reported_by = "navegador"
    items[1].save()
    client.force_login(ana)
    html = client.get(reverse("grades:learner", args=[course.pk])).content.decode()
    assert html.count("informado por el navegador") == 1


def test_csv_export_has_bom_header_rows_and_totals(client, course, items, ana, beto):
    record(ana, course, items[0], "80")
    record(ana, course, items[1], "50")
    client.force_login(UserFactory(role="coordinacion"))
    response = download_through_job(client, reverse("grades:course_csv", args=[course.pk]))
    assert "attachment" in response["Content-Disposition"] and ".csv" in response["Content-Disposition"]
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    lines = body.lstrip("\ufeff").splitlines()
    assert lines[0] == (
        "Usuario,Nombre,Cuestionario 1,Cuestionario 2,Cuestionario 3,Total de lo calificado (%),Total del curso (%)"
    )
    assert lines[1] == f"{ana.username},Ana Quispe,80.00,50.00,,60.00,30.00"
    assert lines[2] == f"{beto.username},Beto Zambrano,,,,,0.00"


def test_csv_export_neutralises_formulas(client, course, items):
    from tests.lms.grades.conftest import enrol

    evil = UserFactory(role="aprendiz", first_name='=HYPERLINK("http://x")', last_name="@SUM(A1)")
    enrol(evil, course)
    items[0].title = "+cmd"
    items[0].save()
    client.force_login(UserFactory(role="administracion"))
    response = download_through_job(client, reverse("grades:course_csv", args=[course.pk]))
    body = b"".join(response.streaming_content).decode("utf-8")
    assert "'+cmd" in body
    assert '"\'=HYPERLINK(""http://x"") @SUM(A1)"' in body


def test_csv_safe_prefixes_risky_cells_only():
    assert csv_safe("=1+1") == "'=1+1"
    assert csv_safe("-5") == "'-5"
    assert csv_safe("@x") == "'@x"
    assert csv_safe("Ana") == "Ana"
    assert csv_safe(None) == ""


def test_course_page_shows_the_knowledge_gain_from_the_quizzes(client, course, items, ana, monkeypatch):
    from decimal import Decimal

    from lms.quizzes import selectors as quiz_selectors

    gain = quiz_selectors.CourseGain(average=Decimal("0.4512"), learners=4, improved_percent=Decimal("75.00"))
    monkeypatch.setattr(quiz_selectors, "course_knowledge_gain", lambda course: gain)
    client.force_login(UserFactory(role="coordinacion"))
    html = client.get(reverse("grades:course", args=[course.pk])).content.decode()
    assert "75 % de las 4 personas con prueba inicial y final mejoró su conocimiento." in html
    assert "Ganancia normalizada promedio: 0,45" in html


def test_coordinator_edits_a_weight_in_the_wagtail_admin(client, course, items):
    from cms.accounts.services import role_permissions_ensure

    role_permissions_ensure()
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(reverse("pesos-calificacion:index")).status_code == 200
    response = client.post(
        reverse("pesos-calificacion:edit", args=[items[0].pk]),
        {"title": "Prueba final", "weight": "4.5", "position": "1"},
    )
    assert response.status_code == 302
    items[0].refresh_from_db()
    assert (items[0].title, str(items[0].weight)) == ("Prueba final", "4.50")
    assert client.get(reverse("pesos-calificacion:add")).status_code in (302, 403)


def test_learner_cannot_edit_weights_in_the_admin(client, course, items, ana):
    client.force_login(ana)
    response = client.get(reverse("pesos-calificacion:edit", args=[items[0].pk]))
    assert response.status_code in (302, 403)

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cms.jobs.models import Job
from lms.courses.csv_import import MAX_ROWS, CsvFileError, enrolment_csv_preview
from lms.courses.models import Enrolment, EnrolmentEvent
from lms.courses.services import enrolment_create
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db
UPLOAD, CONFIRM = "/admin/inscripciones/csv/", "/admin/inscripciones/csv/confirmar/"


def preview(text: str, max_bytes: int = 100_000):
    return enrolment_csv_preview(data=text.encode("utf-8"), max_bytes=max_bytes)


def upload(client, text: str | bytes, name: str = "lista.csv"):
    data = text.encode("utf-8-sig") if isinstance(text, str) else text
    return client.post(UPLOAD, {"file": SimpleUploadedFile(name, data, content_type="text/csv")})


@pytest.fixture
def coordinator(client):
    user = UserFactory(role="coordinacion")
    client.force_login(user)
    return user


def test_preview_explains_each_bad_row_in_spanish():
    course = build_course()
    UserFactory(username="ana")
    enrolled = UserFactory(username="beto")
    enrolment_create(user=enrolled, course=course)
    result = preview(
        "usuario,curso\n"
        f"ana,{course.slug}\n"
        f"nadie,{course.slug}\n"
        "ana,curso-que-no-existe\n"
        f"ana,{course.id}\n"
        f"beto,{course.slug}\n"
        "ana\n"
        f",{course.slug}\n"
    )
    messages = {row.line: (row.status, row.message) for row in result.rows}
    assert messages[2] == ("nueva", "")
    assert messages[3] == ("error", "No existe una cuenta activa con el usuario «nadie».")
    assert "No existe el curso «curso-que-no-existe»" in messages[4][1]
    assert messages[5] == ("error", "Fila repetida: es igual a la fila 2.")
    assert messages[6][0] == "sin_cambios"
    assert messages[7] == ("error", "La fila tiene 1 columnas y se esperaban 2.")
    assert messages[8] == ("error", "Falta el usuario.")
    assert Enrolment.objects.filter(user__username="ana").count() == 0


def test_a_missing_column_rejects_the_whole_file():
    with pytest.raises(CsvFileError, match="Faltan columnas"):
        preview("nombre,curso\nana,x\n")


def test_too_many_rows_rejects_the_whole_file():
    rows = "".join(f"persona{n},x\n" for n in range(MAX_ROWS + 1))
    with pytest.raises(CsvFileError, match="más de"):
        preview("usuario,curso\n" + rows, max_bytes=10_000_000)


def test_a_spreadsheet_or_binary_file_is_refused_before_parsing():
    with pytest.raises(CsvFileError, match="hoja de cálculo"):
        enrolment_csv_preview(data=b"PK\x03\x04binary", max_bytes=1000)
    with pytest.raises(CsvFileError, match="UTF-8"):
        enrolment_csv_preview(data="usuario,curso\nñandú,x\n".encode("latin-1"), max_bytes=1000)


def test_a_file_over_the_size_limit_shows_the_error_next_to_the_field(client, coordinator, settings):
    settings.SEMILLA_MAX_CSV_BYTES = 50
    response = upload(client, "usuario,curso\n" + "ana,curso-1\n" * 10)
    assert "pesa más de" in response.content.decode()
    assert "field-error" in response.content.decode()


def test_semicolons_and_a_utf8_bom_are_accepted(client, coordinator):
    course = build_course()
    UserFactory(username="maría")
    response = upload(client, f"Usuario;Curso\nmaría;{course.slug}\n")
    assert "1 nuevas, 0 sin cambios, 0 con errores." in response.content.decode()


def test_confirm_imports_the_previewed_file_and_a_second_import_changes_nothing(client, coordinator):
    course = build_course(capacity=1)
    UserFactory(username="ana"), UserFactory(username="beto")
    csv_text = f"usuario,curso\nana,{course.slug}\nbeto,{course.slug}\n"
    response = upload(client, csv_text)
    digest = response.context["digest"]
    assert Enrolment.objects.count() == 0  # nothing written before confirm
    confirmed = client.post(CONFIRM, {"digest": digest})
    job = Job.objects.get(kind="enrolment_csv_import")
    assert confirmed["Location"] == reverse("jobs:status", args=[job.pk])
    assert (
        "Importación lista: 1 inscritas, 1 en lista de espera, 0 sin cambios."
        in client.get(confirmed["Location"]).content.decode()
    )
    assert client.post(CONFIRM, {"digest": digest})["Location"] == confirmed["Location"]  # a double click
    assert Job.objects.count() == 1 and job.attempts == 1
    statuses = dict(Enrolment.objects.values_list("user__username", "status"))
    assert statuses == {"ana": Enrolment.Status.ACTIVE, "beto": Enrolment.Status.WAITLISTED}
    events = EnrolmentEvent.objects.count()

    again = upload(client, csv_text)
    assert "0 nuevas, 2 sin cambios, 0 con errores." in again.content.decode()
    assert "digest" not in again.context
    client.post(CONFIRM, {"digest": digest})
    assert Enrolment.objects.count() == 2
    assert EnrolmentEvent.objects.count() == events


def test_a_file_with_one_bad_row_cannot_be_confirmed(client, coordinator):
    course = build_course()
    UserFactory(username="ana")
    response = upload(client, f"usuario,curso\nana,{course.slug}\nnadie,{course.slug}\n")
    assert "No existe una cuenta activa" in response.content.decode()
    assert "digest" not in response.context
    client.post(CONFIRM, {"digest": "cualquiera"})
    assert Enrolment.objects.count() == 0


def test_the_import_is_all_or_nothing(client, coordinator):
    course = build_course()
    UserFactory(username="ana")
    gone = UserFactory(username="beto")
    response = upload(client, f"usuario,curso\nana,{course.slug}\nbeto,{course.slug}\n")
    gone.delete()  # changed between preview and confirm
    confirmed = client.post(CONFIRM, {"digest": response.context["digest"]})
    assert Enrolment.objects.count() == 0
    page = client.get(confirmed["Location"]).content.decode()
    assert "Algo cambió desde la vista previa. No se importó nada" in page and "Intentar de nuevo" in page


def test_learners_and_mentors_cannot_use_the_csv_import(client):
    for role in ("aprendiz", "mentor"):
        client.force_login(UserFactory(role=role, is_staff=True))
        assert upload(client, "usuario,curso\n").status_code in (302, 403)
        assert client.post(CONFIRM, {"digest": "x"}).status_code in (302, 403)


def test_the_enrolment_list_in_the_admin_shows_the_waitlist_to_coordinators(client, coordinator):
    course = build_course(capacity=1)
    enrolment_create(user=UserFactory(username="primera"), course=course)
    enrolment_create(user=UserFactory(username="segunda"), course=course)
    response = client.get("/admin/inscripciones/")
    assert response.status_code == 200
    body = response.content.decode()
    assert "primera" in body and "segunda" in body and "En lista de espera" in body


def test_a_mentor_with_admin_access_is_still_refused_the_csv_import(client):
    from django.contrib.auth.models import Permission

    mentor = UserFactory(role="mentor", is_staff=True)
    mentor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(mentor)
    # Wagtail turns PermissionDenied into a redirect to the admin dashboard with a message.
    response = upload(client, "usuario,curso\n")
    assert (response.status_code, response["Location"]) == (302, "/admin/")
    assert client.get(UPLOAD).status_code == 302
    assert client.post(CONFIRM, {"digest": "x"})["Location"] == "/admin/"

from datetime import date

import pytest

from cms.accounts.models import Participant
from cms.people import services_import
from cms.people.models import ImportBatch, ParticipantEvent
from tests.cms.people.desk_fixtures import outsiders, programme_with_coordinator, walk_in

URL = "/coordinacion/importar/"
HEADER = "id,nombres,apellidos,fecha_nacimiento,tipo_documento,documento,telefono,nacionalidad,ciudad\n"
GOOD = (
    HEADER
    + "1,Brijida,Llépez Idalgo,1990-03-12,,,0991234567,venezolana,Quito\n"
    + "2,Pedro,Andrade Mora,1985-01-02,,,,ecuatoriana,\n"
    + "3,Rosa,Quispe,,,,,,\n"
    + "4,Rossa,Quispe,,,,,,\n"
)


@pytest.fixture
def desk(db):
    programme, coordinator = programme_with_coordinator()
    existing = walk_in(coordinator, programme, birth_date=date(1990, 3, 12))
    return programme, coordinator, existing


def _upload(client, desk, text: str, name: str = "personas.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    programme, _coordinator, _existing = desk
    upload = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(URL, {"file": upload, "center": programme.centers.get().pk})


def test_preview_shows_duplicates_and_confirm_creates_exactly_the_chosen_rows(client, desk):
    programme, coordinator, existing = desk
    client.force_login(coordinator)
    response = _upload(client, desk, GOOD)
    assert response.status_code == 302
    batch = ImportBatch.objects.get()
    assert Participant.objects.count() == 1  # nothing written before confirming
    body = client.get(response["Location"]).content.decode()
    assert f'value="misma-{existing.pk}"' in body  # Brijida may be the Brígida of the registry
    assert "En este mismo archivo se parece a: 4" in body  # Rosa / Rossa

    choices = {"fila-0": f"misma-{existing.pk}", "fila-1": "nuevo", "fila-2": "nuevo", "fila-3": "omitir"}
    response = client.post(f"{URL}{batch.pk}/confirmar/", choices, follow=True)
    assert "1 nuevas" not in response.content.decode()
    assert "2 nuevas, 1 unidas a un registro, 1 omitidas" in response.content.decode()
    assert set(Participant.objects.values_list("given_names", flat=True)) == {"Brígida", "Pedro", "Rosa"}
    existing.refresh_from_db()
    assert existing.phone == "0991234567"  # filled from the row, no new record
    pedro = Participant.objects.get(given_names="Pedro")
    assert pedro.center == programme.centers.get() and pedro.city == "Quito" and pedro.created_by == coordinator
    assert ParticipantEvent.objects.filter(participant=pedro, action=ParticipantEvent.Action.REGISTERED).exists()
    assert not ImportBatch.objects.exists()
    # A second confirmation of the same batch does nothing.
    assert client.post(f"{URL}{batch.pk}/confirmar/", choices).status_code == 404
    assert Participant.objects.count() == 3


def test_bad_rows_are_listed_and_left_out(client, desk):
    _programme, coordinator, _existing = desk
    client.force_login(coordinator)
    text = HEADER + "1,Ana,,,,,,,\n2,Luis,Paz,12/03/1990,,,,,\n3,Eva,Ron,,dni,1,,,\n4,Sol,Mar,,,,,,\n"
    response = client.get(_upload(client, desk, text)["Location"])
    body = response.content.decode()
    assert "falta «apellidos»" in body
    assert "no es una fecha AAAA-MM-DD" in body
    assert "tipo_documento «dni»" in body
    assert len(ImportBatch.objects.get().rows) == 1


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id,nombres\n1,Ana\n", "le faltan columnas"),
        (HEADER + "1,Ana,Paz,,,,,,\n" * 5001, "más de 5000 filas"),
        (HEADER, "no tiene filas"),
    ],
)
def test_files_out_of_bounds_are_refused_before_anything_is_written(client, desk, text, message):
    _programme, coordinator, _existing = desk
    client.force_login(coordinator)
    response = _upload(client, desk, text)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_file_too_big_or_not_utf8_is_refused(client, desk):
    _programme, coordinator, _existing = desk
    with pytest.raises(services_import.ImportRefused, match="2 MB"):
        services_import.csv_read(data=b"x" * (services_import.MAX_BYTES + 1))
    with pytest.raises(services_import.ImportRefused, match="UTF-8"):
        services_import.csv_read(data=(HEADER + "1,José,Núñez,,,,,,\n").encode("latin-1"))


def test_a_linked_record_must_be_one_she_sees_and_batches_are_hers(client, desk):
    programme, coordinator, _existing = desk
    client.force_login(coordinator)
    batch_url = _upload(client, desk, GOOD)["Location"]
    batch = ImportBatch.objects.get()
    other_coordinator, *rest = outsiders()
    stranger = walk_in(other_coordinator, other_coordinator.coordinated_programmes.get())
    response = client.post(f"{URL}{batch.pk}/confirmar/", {"fila-0": f"misma-{stranger.pk}"})
    assert response.status_code == 404
    assert Participant.objects.count() == 2
    for user in [other_coordinator, *rest]:
        client.force_login(user)
        assert client.get(batch_url).status_code == 404
        assert client.post(f"{URL}{batch.pk}/confirmar/", {"fila-1": "nuevo"}).status_code == 404
    client.logout()
    assert client.get(URL).status_code == 302


def test_the_upload_page_is_404_for_every_outsider(client, desk):
    for user in outsiders("tercero")[1:]:
        client.force_login(user)
        assert client.get(URL).status_code == 404, user

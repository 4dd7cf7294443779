import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.accounts.models import ConsentVersion, Participant
from cms.people.models import DuplicateHint, ParticipantEvent
from tests.cms.people.desk_fixtures import outsiders, programme_with_coordinator, twin_records, walk_in

INDEX = "/coordinacion/duplicados/"
SIGNUP = {
    "username": "brigida.y",
    "first_name": "Brijida",
    "last_name": "Llépez Idalgo",
    "password1": "girasol-del-valle-7",
    "password2": "girasol-del-valle-7",
    "phone": "",
    "email": "",
    "consent": "on",
}


@pytest.fixture
def desk(db):
    return programme_with_coordinator()


def test_the_page_lists_pairs_with_reasons_and_merge_then_undo_work(client, desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    client.force_login(coordinator)
    assert "Brijida" not in client.get(INDEX).content.decode()  # the scan runs only on demand
    body = client.get(INDEX, {"buscar": "1"}).content.decode()
    assert "suenan igual" in body and "Unir" in body and "No es la misma persona" in body
    assert "refugiada" not in body.lower() and "movilidad" not in body.lower()

    response = client.post(f"{INDEX}unir/", {"a": old.pk, "b": new.pk})
    assert response.status_code == 302
    new.refresh_from_db()
    assert new.merged_into_id == old.pk
    body = client.get(INDEX).content.decode()
    assert "Uniones recientes" in body

    assert client.post(f"{INDEX}deshacer/{new.pk}/").status_code == 302
    new.refresh_from_db()
    assert new.merged_into_id is None


def test_not_the_same_person_removes_the_pair_from_the_page(client, desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    client.force_login(coordinator)
    client.post(f"{INDEX}distintas/", {"a": old.pk, "b": new.pk})
    body = client.get(INDEX, {"buscar": "1"}).content.decode()
    assert "No encontramos posibles duplicados" in body


def test_every_page_is_404_for_outsiders_and_login_for_anonymous(client, desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    response = client.get(INDEX)
    assert response.status_code == 302 and "/cuenta/entrar/" in response["Location"]
    other, *others = outsiders()
    for user in others:
        client.force_login(user)
        assert client.get(INDEX).status_code == 404, user
        assert client.post(f"{INDEX}unir/", {"a": old.pk, "b": new.pk}).status_code == 404
        assert client.post(f"{INDEX}distintas/", {"a": old.pk, "b": new.pk}).status_code == 404
    # Another programme's coordinator has her own (empty) page, and cannot act on these records.
    client.force_login(other)
    body = client.get(INDEX, {"buscar": "1"}).content.decode()
    assert "Brijida" not in body
    assert client.post(f"{INDEX}unir/", {"a": old.pk, "b": new.pk}).status_code == 404
    assert client.post(f"{INDEX}distintas/", {"a": old.pk, "b": new.pk}).status_code == 404
    new.merged_into = old
    new.save()
    assert client.post(f"{INDEX}deshacer/{new.pk}/").status_code == 404
    assert Participant.objects.get(pk=new.pk).merged_into_id == old.pk


def _people(coordinator, programme, count: int) -> None:
    for n in range(count):
        walk_in(coordinator, programme, given_names=f"Persona{n}", surnames=f"Apellido{n} Mora", phone=f"09{n:08d}")
    walk_in(coordinator, programme, given_names="Persona1", surnames="Apellido1 Mora", phone="0900000001")


def _queries(client, coordinator) -> int:
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(INDEX, {"buscar": "1"}).status_code == 200
    return len(ctx)


def test_the_page_makes_as_many_queries_for_10_as_for_200_people(client, desk):
    programme, coordinator = desk
    _people(coordinator, programme, 10)
    _queries(client, coordinator)  # the first request of a session does a few one-off reads
    small = _queries(client, coordinator)
    _people(coordinator, programme, 190)
    assert _queries(client, coordinator) == small


def test_a_sign_up_like_a_walk_in_leaves_a_hint_for_coordination_only(client, desk, django_capture_on_commit_callbacks):
    programme, coordinator = desk
    ConsentVersion.objects.get_or_create(version="2026-11", defaults={"body": "Texto"})
    old, new = twin_records(coordinator, programme)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/cuenta/registro/", SIGNUP, follow=True)
    assert response.status_code == 200
    assert set(DuplicateHint.objects.values_list("candidate", flat=True)) == {old.pk, new.pk}
    hint = DuplicateHint.objects.get(candidate=old)
    assert hint.user.username == "brigida.y"
    # The person never sees it: not after sign-up, not on her pages.
    for url in ("/cuenta/perfil/", "/inicio/"):
        body = client.get(url).content.decode().lower()
        assert "duplicad" not in body and "se parece" not in body
    assert client.get(INDEX).status_code == 404

    client.force_login(coordinator)
    body = client.get(INDEX).content.decode()
    assert "Cuenta nueva" in body and "brigida.y" in body
    client.post(f"/coordinacion/duplicados/aviso/{hint.pk}/", {"answer": "unir"})
    hint.refresh_from_db()
    assert hint.resolved_at is not None
    record = Participant.objects.get(user__username="brigida.y")
    assert Participant.objects.get(pk=hint.candidate_id).merged_into_id == record.pk
    assert ParticipantEvent.objects.filter(participant=record, action=ParticipantEvent.Action.MERGED).exists()

"""What the coordination desk does: search, walk-in registration, corrections, sensitive reads, case notes."""

import pytest
from django.urls import reverse

from cms.accounts.models import Center, Participant
from cms.people.models import CaseNote, ConsentEvent, ParticipantEvent, Purpose, SensitiveRead
from tests.factories import UserFactory

WALK_IN = {
    "given_names": "Jhonny Alexander",
    "surnames": "Valverde Llépez",
    "birth_date": "1991-04-23",
    "sex": "hombre",
    "nationality": "venezolana",
    "mobility": "migrante",
    "document_type": "cedula_venezolana",
    "document_number": "V-18.456.789",
    "phone": "0987654321",
    "province": "",
    "city": "",
    "disability": "no",
    "children_under_5": "2",
    "consent_training": "on",
}


def _detail(person):
    return reverse("people:detail", kwargs={"pk": person.pk})


@pytest.mark.django_db
def test_the_list_finds_people_by_name_document_or_phone_and_filters_by_center(client, coordinator, person, programme):
    other_center = programme.centers.get(city="Santo Domingo")
    Participant.objects.create(given_names="Ana", surnames="Quispe", center=other_center, phone="0970000001")
    client.force_login(coordinator)
    for query in ("yépez", "1710034065", "099 123", "Brígida Hidalgo"):
        page = client.get(reverse("people:list"), {"q": query}).content.decode()
        assert "Brígida" in page and "Quispe" not in page, query
    page = client.get(reverse("people:list"), {"centro": other_center.pk}).content.decode()
    assert "Quispe" in page and "Brígida" not in page
    assert "No encontramos a nadie" in client.get(reverse("people:list"), {"q": "Ninguna"}).content.decode()


@pytest.mark.django_db
def test_the_list_is_paginated_and_keeps_the_search_in_the_links(client, coordinator, programme):
    center = programme.centers.first()
    Participant.objects.bulk_create(
        [Participant(given_names=f"Rosa {n:02}", surnames="Pérez", center=center) for n in range(30)]
    )
    client.force_login(coordinator)
    page = client.get(reverse("people:list"), {"q": "Rosa"}).content.decode()
    assert "Rosa 00" in page and "Rosa 29" not in page and "q=Rosa&amp;p=2" in page
    assert "Rosa 29" in client.get(reverse("people:list"), {"q": "Rosa", "p": 2}).content.decode()


@pytest.mark.django_db
def test_a_walk_in_is_registered_with_her_consent_for_training_and_the_text_version(
    client, coordinator, programme, consent_texts
):
    client.force_login(coordinator)
    center = programme.centers.get(city="Santo Domingo")
    response = client.post(reverse("people:register"), {**WALK_IN, "center": center.pk})
    person = Participant.objects.get(surnames="Valverde Llépez")
    assert response.status_code == 302 and response["Location"] == _detail(person)
    assert (person.user, person.created_by, person.center, person.birth_year) == (None, coordinator, center, 1991)
    assert (person.city, person.province) == ("Santo Domingo", "Santo Domingo de los Tsáchilas")  # from the center
    consent = ConsentEvent.objects.get(participant=person)
    assert (consent.purpose, consent.action, consent.text, consent.by) == (
        Purpose.TRAINING,
        ConsentEvent.Action.GIVEN,
        consent_texts[Purpose.TRAINING],
        coordinator,
    )
    assert ParticipantEvent.objects.filter(participant=person, action=ParticipantEvent.Action.REGISTERED).exists()


@pytest.mark.django_db
def test_the_registration_shows_the_current_training_text(client, coordinator, consent_texts):
    client.force_login(coordinator)
    page = client.get(reverse("people:register")).content.decode()
    assert consent_texts[Purpose.TRAINING].body in page and "v2026-12" in page


@pytest.mark.django_db
def test_a_wrong_cedula_and_a_missing_consent_are_said_next_to_their_fields_and_typed_values_stay(
    client, coordinator, consent_texts
):
    client.force_login(coordinator)
    data = {**WALK_IN, "document_type": "cedula", "document_number": "1710034066", "phone": "099-ABC"}
    data.pop("consent_training")
    response = client.post(reverse("people:register"), data)
    page = response.content.decode()
    assert response.status_code == 200 and not Participant.objects.exists()
    assert "Esta cédula no es válida" in page and "la persona tiene que aceptar" in page
    assert "Escribe solo números" in page
    for typed in ('value="Jhonny Alexander"', 'value="Valverde Llépez"', 'value="1710034066"', 'value="099-ABC"'):
        assert typed in page
    assert 'id="id_document_number_error"' in page


@pytest.mark.django_db
def test_a_valid_cedula_is_accepted_and_stored_compact(client, coordinator, consent_texts):
    client.force_login(coordinator)
    client.post(reverse("people:register"), {**WALK_IN, "document_type": "cedula", "document_number": "171003406-5"})
    assert Participant.objects.get().document_number == "1710034065"


@pytest.mark.django_db
def test_the_center_must_be_one_of_her_programmes(client, coordinator, elsewhere, consent_texts):
    _other, outsider = elsewhere
    client.force_login(coordinator)
    response = client.post(reverse("people:register"), {**WALK_IN, "center": outsider.center_id})
    assert response.status_code == 200 and not Participant.objects.filter(surnames="Valverde Llépez").exists()
    assert outsider.center.name not in client.get(reverse("people:register")).content.decode()


@pytest.mark.django_db
def test_the_persons_page_never_shows_sensitive_values_and_reading_one_is_logged_with_its_reason(
    client, coordinator, person
):
    client.force_login(coordinator)
    page = client.get(_detail(person)).content.decode()
    assert "refugiada" not in page.lower() and "Brígida" in page and "1710034065" in page
    url = reverse("people:sensitive", kwargs={"pk": person.pk, "slug": "movilidad"})
    assert "refugiada" not in client.get(url).content.decode().lower()
    refused = client.post(url, {})
    assert "Elige para qué lo necesitas" in refused.content.decode() and not SensitiveRead.objects.exists()
    answer = client.post(url, {"reason": "derivacion"}).content.decode()
    assert "Persona refugiada o solicitante de asilo" in answer
    read = SensitiveRead.objects.get()
    assert (read.reader, read.field, read.participant) == (coordinator, "mobility", person)
    assert read.reason.startswith("Derivarla a un servicio")


@pytest.mark.django_db
def test_the_correction_form_hides_sensitive_values_and_keeps_them_unless_chosen(client, coordinator, person):
    client.force_login(coordinator)
    url = reverse("people:edit", kwargs={"pk": person.pk})
    page = client.get(url).content.decode()
    assert 'value="refugiada" selected' not in page and 'value="Brígida"' in page
    data = {
        "given_names": "Brígida",
        "surnames": "Yépez Hidalgo",
        "sex": "mujer",
        "nationality": "venezolana",
        "mobility": "",
        "document_type": "cedula",
        "document_number": "1710034065",
        "phone": "0991234567",
        "city": "Quito",
        "province": "Pichincha",
        "center": person.center_id,
        "disability": "no",
    }
    assert client.post(url, data)["Location"] == _detail(person)
    person.refresh_from_db()
    assert (person.mobility, person.disability, person.sex) == ("refugiada", "no", "mujer")
    event = ParticipantEvent.objects.get(participant=person, action=ParticipantEvent.Action.UPDATED)
    assert event.detail == {"fields": ["disability", "nationality", "province", "sex"]}
    assert "discapacidad" in client.get(_detail(person)).content.decode()  # the log names the fields in Spanish


@pytest.mark.django_db
def test_case_notes_are_private_to_their_author_unless_shared(client, coordinator, person, programme):
    colleague = UserFactory(role="coordinacion")
    programme.coordinators.add(colleague)
    client.force_login(coordinator)
    url = reverse("people:note_add", kwargs={"pk": person.pk})
    client.post(url, {"body": "Teme ir a la oficina de migración."})
    client.post(url, {"body": "Necesita guardería los martes.", "shared": "on"})
    assert CaseNote.objects.filter(shared=False).count() == 1
    own = client.get(_detail(person)).content.decode()
    assert "Teme ir" in own and "guardería los martes" in own
    client.force_login(colleague)
    theirs = client.get(_detail(person)).content.decode()
    assert "Teme ir" not in theirs and "guardería los martes" in theirs


@pytest.mark.django_db
def test_an_empty_note_is_not_saved(client, coordinator, person):
    client.force_login(coordinator)
    client.post(reverse("people:note_add", kwargs={"pk": person.pk}), {"body": "  "})
    assert not CaseNote.objects.exists()


@pytest.mark.django_db
def test_the_persons_page_shows_her_consents_with_the_text_version(client, coordinator, person, consent_texts):
    from cms.people.services import consent_give

    consent_give(participant=person, purpose=Purpose.TRAINING, by=coordinator)
    client.force_login(coordinator)
    page = client.get(_detail(person)).content.decode()
    assert "texto v2026-12" in page and "Todavía no" in page


@pytest.mark.django_db
def test_a_center_of_the_programme_extends_the_scope_to_people_of_its_city_without_center(client, coordinator):
    walk_up = Participant.objects.create(given_names="Luz", surnames="Caicedo", city="Santo Domingo")
    client.force_login(coordinator)
    assert client.get(_detail(walk_up)).status_code == 200
    assert Center.objects.count() == 2

import pytest

from cms.accounts.models import Center, Participant, Programme
from cms.people.models import ConsentText, Purpose
from tests.factories import UserFactory


@pytest.fixture
def programme():
    programme = Programme.objects.create(name="Emprende Pichincha", slug="pichincha")
    Center.objects.create(programme=programme, name="Centro Norte", province="Pichincha", city="Quito")
    Center.objects.create(
        programme=programme, name="Casa Comunal", province="Santo Domingo de los Tsáchilas", city="Santo Domingo"
    )
    return programme


@pytest.fixture
def coordinator(programme):
    user = UserFactory(role="coordinacion")
    programme.coordinators.add(user)
    return user


@pytest.fixture
def consent_texts():
    return {
        purpose: ConsentText.objects.create(purpose=purpose, version="v2026-12", body=f"Texto de {purpose.label}.")
        for purpose in Purpose
    }


@pytest.fixture
def person(programme, coordinator):
    return Participant.objects.create(
        given_names="Brígida",
        surnames="Yépez Hidalgo",
        document_type="cedula",
        document_number="1710034065",
        phone="0991234567",
        city="Quito",
        center=programme.centers.get(city="Quito"),
        mobility="refugiada",
        disability="si",
        created_by=coordinator,
    )


@pytest.fixture
def elsewhere():
    """Another programme, its coordinator and one person in its center."""
    other = Programme.objects.create(name="Emprende Guayas", slug="guayas")
    center = Center.objects.create(programme=other, name="Centro Sur", province="Guayas", city="Guayaquil")
    coordinator = UserFactory(role="coordinacion")
    other.coordinators.add(coordinator)
    outsider = Participant.objects.create(given_names="Yenifer", surnames="Mora", city="Guayaquil", center=center)
    return coordinator, outsider


def login(client, user):
    client.force_login(user)
    return client

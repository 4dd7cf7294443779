import pytest
from django.urls import NoReverseMatch, reverse

from cms.accounts.models import Participant
from tests.factories import UserFactory

URL = "/cuenta/perfil/"


@pytest.mark.django_db
def test_a_new_learner_sees_a_skippable_prompt_to_complete_the_profile(client):
    client.force_login(UserFactory(role="aprendiz"))
    body = client.get(URL + "?nuevo=1").content.decode()
    assert "¿Completas tu perfil?" in body
    assert 'href="/inicio/"' in body


@pytest.mark.django_db
def test_a_learner_saves_their_own_profile(client):
    user = UserFactory(role="aprendiz")
    client.force_login(user)
    response = client.post(
        URL,
        {
            "sex": "mujer",
            "birth_year": "1990",
            "nationality": "venezolana",
            "province": "Pichincha",
            "city": "Quito",
            "disability": "no_dice",
            "mobility": "migrante",
        },
    )
    assert response.status_code == 302
    profile = Participant.objects.get(user=user)
    assert (profile.sex, profile.birth_year, profile.city) == ("mujer", 1990, "Quito")


@pytest.mark.django_db
def test_an_impossible_birth_year_is_refused_in_spanish_and_typed_values_are_kept(client):
    client.force_login(UserFactory(role="aprendiz"))
    response = client.post(
        URL,
        {
            "sex": "mujer",
            "birth_year": "1850",
            "nationality": "otra",
            "province": "Azuay",
            "city": "Cuenca",
            "disability": "no",
            "mobility": "acogida",
        },
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["form"].errors["birth_year"][0].startswith("Escribe un año entre 1920 y")
    assert 'value="Cuenca"' in body and 'value="1850"' in body
    assert not Participant.objects.exists()


@pytest.mark.django_db
def test_another_learner_cannot_see_or_edit_someone_elses_profile(client):
    owner = UserFactory(role="aprendiz")
    Participant.objects.create(user=owner, city="Lago Agrio", birth_year=1985)
    other = UserFactory(role="aprendiz")
    client.force_login(other)
    body = client.get(URL).content.decode()
    assert "Lago Agrio" not in body and "1985" not in body
    client.post(
        URL,
        {
            "sex": "hombre",
            "birth_year": "",
            "nationality": "otra",
            "province": "",
            "city": "Loja",
            "disability": "no_dice",
            "mobility": "no_dice",
        },
    )
    owner.participant.refresh_from_db()
    assert owner.participant.city == "Lago Agrio"
    assert Participant.objects.get(user=other).city == "Loja"
    # There is no URL that takes another person's id.
    with pytest.raises(NoReverseMatch):
        reverse("accounts:profile", kwargs={"pk": owner.pk})
    assert client.get(f"{URL}{owner.pk}/").status_code == 404


@pytest.mark.django_db
def test_the_profile_needs_a_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/cuenta/entrar/")

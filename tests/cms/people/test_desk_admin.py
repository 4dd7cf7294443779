"""The registry's back office in the Wagtail admin: coordination looks, administration edits programmes."""

import pytest
from django.urls import reverse

from cms.accounts.services import role_permissions_ensure
from tests.factories import UserFactory


@pytest.fixture(autouse=True)
def _permissions(db):
    role_permissions_ensure()


@pytest.mark.django_db
def test_a_coordinator_reaches_the_desk_from_the_admin_menu_and_may_look_at_programmes(client, coordinator, programme):
    client.force_login(coordinator)
    home = client.get("/admin/").content.decode()
    assert "Registro de personas" in home and reverse("people:list") in home
    for name in ("programas:index", "centros:index", "textos_permiso:index", "textos_permiso:add"):
        assert client.get(reverse(name)).status_code == 200, name
    assert client.get(reverse("programas:edit", args=[programme.pk])).status_code != 200
    assert client.get(reverse("centros:edit", args=[programme.centers.first().pk])).status_code != 200


@pytest.mark.django_db
def test_administration_edits_programmes(client, programme):
    client.force_login(UserFactory(role="administracion", is_superuser=True))
    assert client.get(reverse("programas:edit", args=[programme.pk])).status_code == 200


@pytest.mark.django_db
def test_a_mentor_sees_no_desk_in_the_admin(client):
    client.force_login(UserFactory(role="mentor"))
    assert "Registro de personas" not in client.get("/admin/", follow=True).content.decode()
    assert client.get(reverse("programas:index")).status_code != 200

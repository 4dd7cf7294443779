"""Every page of the coordination desk: only coordination of the person's programme (and administration)
opens it; everyone else gets a 404 (signed out: the login page), never a 403 that confirms the record exists."""

import pytest
from django.urls import reverse

from cms.people.models import CaseNote, SensitiveRead
from tests.factories import UserFactory


def _pages(person) -> list[tuple[str, str]]:
    """(method, url) of every desk page; the record's pages for `person`."""
    return [
        ("get", reverse("people:list")),
        ("get", reverse("people:register")),
        ("post", reverse("people:register")),
        ("get", reverse("people:detail", kwargs={"pk": person.pk})),
        ("get", reverse("people:edit", kwargs={"pk": person.pk})),
        ("post", reverse("people:edit", kwargs={"pk": person.pk})),
        ("get", reverse("people:sensitive", kwargs={"pk": person.pk, "slug": "movilidad"})),
        ("post", reverse("people:sensitive", kwargs={"pk": person.pk, "slug": "movilidad"})),
        ("post", reverse("people:note_add", kwargs={"pk": person.pk})),
    ]


RECORD_PAGES = slice(3, None)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["mentor", "jurado", "aprendiz", "aliada", "donante"])
def test_roles_outside_coordination_get_a_404_on_every_page(client, person, role):
    client.force_login(UserFactory(role=role))
    for method, url in _pages(person):
        data = {"reason": "seguimiento", "body": "x"} if method == "post" else None
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (role, method, url)
    assert not SensitiveRead.objects.exists() and not CaseNote.objects.exists()


@pytest.mark.django_db
def test_a_coordinator_of_another_programme_gets_a_404_on_the_persons_pages(client, person, elsewhere):
    other_coordinator, _outsider = elsewhere
    client.force_login(other_coordinator)
    for method, url in _pages(person)[RECORD_PAGES]:
        response = getattr(client, method)(url, {"reason": "seguimiento", "body": "x"} if method == "post" else None)
        assert response.status_code == 404, (method, url)
    listing = client.get(reverse("people:list")).content.decode()
    assert "Brígida" not in listing and "Yenifer" in listing
    assert not SensitiveRead.objects.exists() and not CaseNote.objects.exists()


@pytest.mark.django_db
def test_signed_out_every_page_leads_to_the_login(client, person):
    for method, url in [*_pages(person), ("get", reverse("people:my_consents"))]:
        response = getattr(client, method)(url)
        assert response.status_code == 302 and response["Location"].startswith("/cuenta/entrar/"), url


@pytest.mark.django_db
def test_the_coordinator_and_administration_open_every_page(client, person, coordinator):
    for user in (coordinator, UserFactory(role="administracion")):
        client.force_login(user)
        for method, url in _pages(person):
            if method == "get":
                assert client.get(url).status_code == 200, url


@pytest.mark.django_db
def test_an_unknown_sensitive_field_is_a_404(client, person, coordinator):
    client.force_login(coordinator)
    url = reverse("people:sensitive", kwargs={"pk": person.pk, "slug": "documento"})
    assert client.post(url, {"reason": "seguimiento"}).status_code == 404


@pytest.mark.django_db
def test_the_start_page_leads_coordination_to_the_desk_and_no_one_else(client, coordinator):
    client.force_login(coordinator)
    assert reverse("people:list") in client.get(reverse("home:dashboard")).content.decode()
    client.force_login(UserFactory(role="aprendiz"))
    assert reverse("people:list") not in client.get(reverse("home:dashboard")).content.decode()

"""accounts.backends.RolesModelBackend: a signed-in person's row and roles in one query, read on every request."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.test import RequestFactory
from django.urls import reverse

from cms.accounts.backends import RolesModelBackend
from cms.accounts.models import User
from cms.accounts.roles import Role, has_role, roles_of
from tests.factories import UserFactory, build_course

pytestmark = pytest.mark.django_db


def test_the_person_and_their_roles_come_in_one_query(django_assert_num_queries):
    coordinator = UserFactory(role="coordinacion")
    coordinator.groups.add(Group.objects.get(name=Role.MENTOR.value))
    with django_assert_num_queries(1):
        user = RolesModelBackend().get_user(coordinator.pk)
        assert roles_of(user) == {Role.COORDINATOR.value, Role.MENTOR.value}
        assert has_role(user, Role.MENTOR) and not has_role(user, Role.ADMIN)
    assert user == coordinator and user.username == coordinator.username


def test_a_person_without_roles_and_a_superuser_read_as_before(django_assert_num_queries):
    nobody = UserFactory()
    boss = UserFactory(is_superuser=True)
    with django_assert_num_queries(2):
        assert roles_of(RolesModelBackend().get_user(nobody.pk)) == set()
        assert roles_of(RolesModelBackend().get_user(boss.pk)) == {Role.ADMIN.value}


def test_an_inactive_or_missing_person_is_nobody():
    gone = UserFactory(is_active=False)
    assert RolesModelBackend().get_user(gone.pk) is None
    assert RolesModelBackend().get_user(999_999) is None


def test_a_role_taken_away_counts_at_the_next_click(client):
    course = build_course(modules=1, lessons_per_module=1)
    coordinator = UserFactory(role="coordinacion")
    client.force_login(coordinator)
    assert client.session["_auth_user_backend"] == "cms.accounts.backends.RolesModelBackend"
    assert client.get(reverse("grades:course", args=[course.pk])).status_code == 200
    coordinator.groups.remove(Group.objects.get(name=Role.COORDINATOR.value))
    assert client.get(reverse("grades:course", args=[course.pk])).status_code == 403


def test_a_session_that_names_djangos_model_backend_still_works(client):
    course = build_course(modules=1, lessons_per_module=1)
    coordinator = UserFactory(role="coordinacion")
    client.force_login(coordinator, backend="django.contrib.auth.backends.ModelBackend")
    assert client.get(reverse("grades:course", args=[course.pk])).status_code == 200


def test_a_wrong_password_is_checked_once_and_a_right_one_signs_in_with_this_backend(monkeypatch):
    ana = UserFactory(username="ana")
    checks = []
    original = User.check_password
    monkeypatch.setattr(User, "check_password", lambda self, raw: checks.append(raw) or original(self, raw))
    request = RequestFactory().post("/cuenta/entrar/")
    assert authenticate(request, username="ana", password="no-es-la-clave") is None
    assert checks == ["no-es-la-clave"]  # the ModelBackend listed after it did not hash it again
    user = authenticate(request, username="ana", password="clave-segura-123")
    assert user == ana and user.backend == "cms.accounts.backends.RolesModelBackend"

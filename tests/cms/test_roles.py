import pytest
from django.contrib.auth.models import Group

from cms.accounts.roles import Role
from cms.accounts.services import role_permissions_ensure
from tests.factories import UserFactory


def _perms(role: Role) -> set[str]:
    group = Group.objects.get(name=role.value)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.select_related("content_type")}


@pytest.mark.django_db
def test_after_migrate_every_role_exists_and_coordinators_can_enter_the_wagtail_admin():
    assert set(Group.objects.values_list("name", flat=True)) >= {r.value for r in Role}
    assert "wagtailadmin.access_admin" in _perms(Role.COORDINATOR)
    assert "accounts.add_consentversion" in _perms(Role.COORDINATOR)
    assert "wagtailadmin.access_admin" in _perms(Role.ADMIN)
    assert "wagtailadmin.access_admin" not in _perms(Role.LEARNER)
    assert "wagtailadmin.access_admin" not in _perms(Role.MENTOR)


@pytest.mark.django_db
def test_role_permissions_ensure_is_idempotent():
    before = _perms(Role.COORDINATOR)
    role_permissions_ensure()
    role_permissions_ensure()
    assert _perms(Role.COORDINATOR) == before
    assert Group.objects.filter(name=Role.COORDINATOR.value).count() == 1


@pytest.mark.django_db
def test_coordinators_reach_the_wagtail_admin_and_learners_do_not(client):
    coordinator = UserFactory(role="coordinacion")
    assert coordinator.is_staff
    client.force_login(coordinator)
    assert client.get("/admin/").status_code == 200
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get("/admin/").status_code == 302

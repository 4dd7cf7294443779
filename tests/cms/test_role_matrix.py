"""The role matrix: one answer to "what may a coordinator do?", and the groups hold exactly that after migrate."""

import pytest
from django.contrib.auth.models import Group, Permission

from cms.accounts.roles import ALL_PERMISSIONS, Role, role_permission_matrix
from cms.accounts.services import role_permissions_ensure


def _names(permissions) -> set[str]:
    return {f"{p.content_type.app_label}.{p.codename}" for p in permissions.select_related("content_type")}


def _print(matrix: dict[str, tuple[str, ...]]) -> None:
    print("\nRole matrix (role -> permissions):")
    for role, names in matrix.items():
        print(f"  {role}: {len(names)}")
        for name in names:
            print(f"    {name}")


@pytest.mark.django_db
def test_the_groups_hold_exactly_the_role_matrix_after_migrate():
    matrix = role_permission_matrix()
    _print(matrix)  # pytest -s shows it
    assert set(matrix) == {role.value for role in Role}
    every = _names(Permission.objects.all())
    for role, names in matrix.items():
        expected = every if ALL_PERMISSIONS in names else set(names)
        assert _names(Group.objects.get(name=role).permissions) == expected, role


@pytest.mark.django_db
def test_every_name_in_the_matrix_is_a_permission_that_exists():
    every = _names(Permission.objects.all())
    named = {name for names in role_permission_matrix().values() for name in names} - {ALL_PERMISSIONS}
    assert named <= every, sorted(named - every)


def test_each_area_declares_its_part_and_only_administration_gets_everything():
    matrix = role_permission_matrix()
    assert matrix[Role.ADMIN.value] == (ALL_PERMISSIONS,)
    coordinator = set(matrix[Role.COORDINATOR.value])
    # from accounts, an lms app, an incubator app and what the old data migrations granted
    assert {
        "wagtailadmin.access_admin",
        "quizzes.add_quiz",
        "jury.add_pitchevent",
        "mentoring.view_attendance",
        "courses.view_enrolment",
    } <= coordinator
    assert matrix[Role.LEARNER.value] == matrix[Role.MENTOR.value] == matrix[Role.JURY.value] == ()


@pytest.mark.django_db
def test_the_groups_get_the_matrix_back_after_losing_it():
    coordinators = Group.objects.get(name=Role.COORDINATOR.value)
    coordinators.permissions.clear()
    role_permissions_ensure()
    assert _names(coordinators.permissions) == set(role_permission_matrix()[Role.COORDINATOR.value])

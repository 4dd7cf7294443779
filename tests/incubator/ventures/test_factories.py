import pytest

from cms.accounts.roles import Role, has_role
from incubator.ventures.access import ventures_visible_to
from tests.factories import venture_with_team

pytestmark = pytest.mark.django_db


def test_venture_with_team_gives_each_person_their_place():
    venture, member, mentor, coordinator = venture_with_team()
    assert has_role(mentor, Role.MENTOR) and has_role(coordinator, Role.COORDINATOR)
    for person in (member, mentor, coordinator):
        assert venture in ventures_visible_to(person)

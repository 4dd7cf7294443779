"""Taking people off a venture's team: the team or the cohort's coordination, POST only, never the last one."""

import pytest
from django.urls import reverse

from incubator.cohorts.models import Participation
from tests.factories import UserFactory, venture_with_team

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    """(venture, member, partner, mentor, coordinator): two people on the team."""
    venture, member, mentor, coordinator = venture_with_team(name="Costura Doña Marta")
    partner = UserFactory(role="aprendiz", first_name="Lucía", last_name="Mendoza")
    Participation.objects.create(cohort=venture.cohort, user=partner, status=Participation.Status.ACCEPTED)
    venture.members.add(partner)
    return venture, member, partner, mentor, coordinator


def _remove(client, venture, user):
    return client.post(reverse("ventures:member_remove", args=[venture.pk, user.pk]), follow=True)


def test_a_team_member_removes_a_teammate_and_is_told_in_spanish(client, team):
    venture, member, partner, mentor, coordinator = team
    client.force_login(member)
    page = client.get(reverse("ventures:detail", args=[venture.pk])).content.decode()
    assert reverse("ventures:member_remove", args=[venture.pk, partner.pk]) in page
    response = _remove(client, venture, partner)
    assert response.redirect_chain[-1][0] == reverse("ventures:detail", args=[venture.pk])
    assert "Lucía Mendoza ya no es parte del equipo." in response.content.decode()
    assert list(venture.members.all()) == [member]


def test_the_coordinator_of_the_cohort_removes_a_member(client, team):
    venture, member, partner, mentor, coordinator = team
    client.force_login(coordinator)
    _remove(client, venture, member)
    assert list(venture.members.all()) == [partner]


def test_the_last_member_cannot_be_removed(client, team):
    venture, member, partner, mentor, coordinator = team
    venture.members.remove(partner)
    client.force_login(coordinator)
    page = client.get(reverse("ventures:detail", args=[venture.pk])).content.decode()
    assert "Quitar del equipo" not in page
    response = _remove(client, venture, member)
    assert "No se puede quitar a la última persona del equipo." in response.content.decode()
    assert list(venture.members.all()) == [member]


def test_leaving_the_team_yourself_leads_to_my_ventures(client, team):
    venture, member, partner, mentor, coordinator = team
    client.force_login(member)
    response = _remove(client, venture, member)
    assert response.redirect_chain[-1][0] == reverse("ventures:mine")
    assert "Saliste del equipo de Costura Doña Marta." in response.content.decode()
    assert list(venture.members.all()) == [partner]
    assert client.get(reverse("ventures:detail", args=[venture.pk])).status_code == 404


def test_only_post_removes(client, team):
    venture, member, partner, mentor, coordinator = team
    client.force_login(member)
    response = client.get(reverse("ventures:member_remove", args=[venture.pk, partner.pk]))
    assert response.status_code == 405
    assert venture.members.count() == 2


@pytest.mark.parametrize("who", ["outsider", "mentor", "other_coordinator"])
def test_people_outside_the_team_and_its_coordination_get_404_and_change_nothing(client, team, who):
    venture, member, partner, mentor, coordinator = team
    person = {
        "outsider": UserFactory(role="aprendiz"),
        "mentor": mentor,
        "other_coordinator": UserFactory(role="coordinacion"),
    }[who]
    client.force_login(person)
    response = client.post(reverse("ventures:member_remove", args=[venture.pk, partner.pk]))
    assert response.status_code == 404
    assert venture.members.count() == 2


def test_someone_not_on_the_team_is_not_found(client, team):
    venture, member, partner, mentor, coordinator = team
    client.force_login(member)
    response = client.post(reverse("ventures:member_remove", args=[venture.pk, mentor.pk]))
    assert response.status_code == 404

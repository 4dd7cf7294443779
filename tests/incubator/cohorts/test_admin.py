"""Back office: coordinators manage their own cohorts and assign mentors in the Wagtail admin."""

import pytest
from django.urls import reverse

from tests.factories import CohortFactory, UserFactory, VentureFactory, venture_with_team

pytestmark = pytest.mark.django_db


def test_a_coordinator_sees_and_edits_only_their_cohorts(client):
    venture, member, mentor, coordinator = venture_with_team()
    mine, theirs = venture.cohort, CohortFactory(name="Cohorte Guayaquil")
    other_venture = VentureFactory(cohort=theirs, name="Celulares Express")
    client.force_login(coordinator)
    index = client.get(reverse("cohortes:index"))
    assert index.status_code == 200
    assert mine.name in index.content.decode() and "Cohorte Guayaquil" not in index.content.decode()
    assert client.get(reverse("cohortes:edit", args=[mine.pk])).status_code == 200
    assert client.get(reverse("cohortes:edit", args=[theirs.pk])).status_code == 404
    ventures = client.get(reverse("emprendimientos:index")).content.decode()
    assert venture.name in ventures and "Celulares Express" not in ventures
    assert client.get(reverse("emprendimientos:edit", args=[other_venture.pk])).status_code == 404


def test_a_coordinator_assigns_a_mentor_in_the_admin(client):
    venture, member, mentor, coordinator = venture_with_team()
    new_mentor = UserFactory(role="mentor")
    client.force_login(coordinator)
    response = client.post(
        reverse("emprendimientos:edit", args=[venture.pk]),
        {
            "name": venture.name,
            "sector": venture.sector,
            "city": venture.city,
            "description": venture.description,
            "members": [member.pk],
            "mentors": [mentor.pk, new_mentor.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert set(venture.mentors.all()) == {mentor, new_mentor}


def test_a_mentor_has_no_back_office_for_cohorts(client):
    venture, member, mentor, coordinator = venture_with_team()
    client.force_login(mentor)
    assert client.get(reverse("cohortes:index")).status_code in (302, 403)

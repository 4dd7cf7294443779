import pytest

from incubator.cohorts.models import Participation
from incubator.milestones.models import Milestone
from incubator.ventures.services import venture_create
from tests.factories import CohortFactory, UserFactory


@pytest.mark.django_db
def test_a_new_venture_gets_the_cohort_milestones_and_the_board_counts_them(client):
    coordinator = UserFactory(role="coordinacion")
    cohort = CohortFactory(coordinators=[coordinator])
    founder = UserFactory(role="aprendiz")
    Participation.objects.create(cohort=cohort, user=founder, status=Participation.Status.ACCEPTED)
    venture = venture_create(
        cohort=cohort,
        by=founder,
        name="Suculentas Mía",
        sector="artesanias",
        description="Suculentas en macetas pintadas a mano.",
        city="Quito",
    )
    assert Milestone.objects.filter(venture=venture).count() == 4
    client.force_login(coordinator)
    board = client.get(f"/incubadora/cohortes/{cohort.pk}/tablero/").content.decode()
    assert "Suculentas Mía" in board and "0 de 4" in board

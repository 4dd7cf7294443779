"""Back office: coordinators read the log of every application step of their cohorts, and cannot change it."""

import pytest
from django.urls import reverse

from cms.accounts.services import role_permissions_ensure
from incubator.cohorts import services
from incubator.cohorts.models import ParticipationEvent
from tests.factories import CohortFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def log():
    """(coordinator, own event, other cohort's event): Rosa applied and was accepted in the coordinator's
    cohort; Jorge applied in another cohort."""
    role_permissions_ensure()
    coordinator = UserFactory(role="coordinacion", first_name="Carmen", last_name="Vera")
    mine, theirs = CohortFactory(name="Cohorte Quito", coordinators=[coordinator]), CohortFactory(name="Cohorte Loja")
    rosa = UserFactory(role="aprendiz", first_name="Rosa", last_name="Quishpe")
    jorge = UserFactory(role="aprendiz", first_name="Jorge", last_name="Zambrano")
    participation = services.participation_apply(cohort=mine, user=rosa, motivation="Suculentas.")
    services.participation_decide(participation=participation, decision="aceptar", actor=coordinator)
    services.participation_apply(cohort=theirs, user=jorge, motivation="Reparo celulares.")
    accepted = ParticipationEvent.objects.get(participation=participation, kind=ParticipationEvent.Kind.ACCEPTED)
    other = ParticipationEvent.objects.get(participation__user=jorge)
    return coordinator, accepted, other


def test_a_coordinator_sees_the_log_of_their_cohorts_only(client, log):
    coordinator, accepted, other = log
    client.force_login(coordinator)
    response = client.get(reverse("movimientos-postulaciones:index"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Rosa Quishpe" in page and "Postuló" in page and "Aceptada" in page and "Carmen Vera" in page
    assert "Jorge Zambrano" not in page
    assert client.get(reverse("movimientos-postulaciones:inspect", args=[accepted.pk])).status_code == 200
    assert client.get(reverse("movimientos-postulaciones:inspect", args=[other.pk])).status_code == 404


def test_the_log_is_read_only_in_the_admin(client, log):
    coordinator, accepted, other = log
    client.force_login(coordinator)
    count = ParticipationEvent.objects.count()
    add = client.post(reverse("movimientos-postulaciones:add"), {"detail": "inventado"})
    assert add.status_code in (302, 403) and ParticipationEvent.objects.count() == count
    edit = client.post(reverse("movimientos-postulaciones:edit", args=[accepted.pk]), {"detail": "cambiado"})
    delete = client.post(reverse("movimientos-postulaciones:delete", args=[accepted.pk]))
    assert edit.status_code in (302, 403) and delete.status_code in (302, 403)
    accepted.refresh_from_db()
    assert accepted.detail != "cambiado" and ParticipationEvent.objects.filter(pk=accepted.pk).exists()
    page = client.get(reverse("movimientos-postulaciones:index")).content.decode()
    assert reverse("movimientos-postulaciones:edit", args=[accepted.pk]) not in page


def test_the_admin_menu_leads_coordinators_to_the_log(client, log):
    coordinator, accepted, other = log
    client.force_login(coordinator)
    assert reverse("movimientos-postulaciones:index") in client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("role", ["mentor", "aprendiz"])
def test_mentors_and_learners_have_no_access(client, log, role):
    client.force_login(UserFactory(role=role))
    assert client.get(reverse("movimientos-postulaciones:index")).status_code in (302, 403)

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from incubator.cohorts.models import Participation
from incubator.ventures.models import Venture
from tests.factories import CohortFactory, UserFactory, VentureFactory, venture_with_team

pytestmark = pytest.mark.django_db


def accepted(cohort, **kwargs):
    user = UserFactory(role="aprendiz", **kwargs)
    Participation.objects.create(cohort=cohort, user=user, status=Participation.Status.ACCEPTED)
    return user


def test_an_accepted_participant_creates_a_venture_and_adds_a_teammate(client):
    cohort = CohortFactory()
    founder, partner = accepted(cohort), accepted(cohort, username="rosa")
    client.force_login(founder)
    response = client.post(
        reverse("ventures:create"),
        {
            "cohort": cohort.pk,
            "name": "Suculentas Rosa",
            "sector": "artesanias",
            "description": "Suculentas en macetas pintadas a mano.",
            "city": "Quito",
        },
    )
    venture = Venture.objects.get()
    assert response.url == reverse("ventures:detail", args=[venture.pk])
    response = client.post(reverse("ventures:member_add", args=[venture.pk]), {"username": "rosa"})
    assert response.status_code == 302
    assert set(venture.members.all()) == {founder, partner}
    page = client.get(reverse("ventures:mine")).content.decode()
    assert "Suculentas Rosa" in page


def test_a_bad_form_keeps_what_was_typed(client):
    cohort = CohortFactory()
    client.force_login(accepted(cohort))
    response = client.post(
        reverse("ventures:create"),
        {"cohort": cohort.pk, "name": "", "sector": "artesanias", "description": "Cerámica pintada", "city": "Loja"},
    )
    body = response.content.decode()
    assert "Escribe el nombre." in body and "Cerámica pintada" in body and not Venture.objects.exists()


def test_only_accepted_participants_of_the_cohort_join_a_team(client):
    venture, member, mentor, coordinator = venture_with_team()
    UserFactory(role="aprendiz", username="ajeno")
    client.force_login(member)
    response = client.post(reverse("ventures:member_add", args=[venture.pk]), {"username": "ajeno"})
    assert response.status_code == 400
    assert "No encontramos a una persona aceptada" in response.content.decode()
    assert list(venture.members.all()) == [member]


def test_a_learner_without_an_accepted_seat_cannot_create_a_venture(client):
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get(reverse("ventures:create")).status_code == 302
    assert not Venture.objects.exists()


def test_the_cohort_coordinator_assigns_mentors(client):
    venture, member, mentor, coordinator = venture_with_team()
    new_mentor = UserFactory(role="mentor")
    client.force_login(coordinator)
    response = client.post(reverse("ventures:mentors", args=[venture.pk]), {"mentors": [new_mentor.pk]})
    assert response.status_code == 302
    assert list(venture.mentors.all()) == [new_mentor]


@pytest.mark.parametrize(
    "who,status",
    [
        ("member", 200),
        ("mentor", 200),
        ("coordinator", 200),
        ("outsider", 404),
        ("other_coordinator", 404),
        ("other_mentor", 404),
    ],
)
def test_the_venture_home_is_seen_only_by_its_people(who, status, client):
    venture, member, mentor, coordinator = venture_with_team(name="Repostería Doña Ana")
    other = VentureFactory(
        mentors=[UserFactory(role="mentor")], cohort=CohortFactory(coordinators=[UserFactory(role="coordinacion")])
    )
    person = {
        "member": member,
        "mentor": mentor,
        "coordinator": coordinator,
        "outsider": UserFactory(role="aprendiz"),
        "other_coordinator": other.cohort.coordinators.get(),
        "other_mentor": other.mentors.get(),
    }[who]
    client.force_login(person)
    response = client.get(reverse("ventures:detail", args=[venture.pk]))
    assert response.status_code == status
    assert ("Repostería Doña Ana" in client.get(reverse("ventures:mine")).content.decode()) == (status == 200)
    if who != "member":
        assert (
            client.post(reverse("ventures:member_add", args=[venture.pk]), {"username": person.username}).status_code
            == 404
        )
    if who != "coordinator":
        assert client.post(reverse("ventures:mentors", args=[venture.pk]), {"mentors": [person.pk]}).status_code == 404
    assert list(venture.members.all()) == [member] and list(venture.mentors.all()) == [mentor]


@pytest.mark.parametrize(
    "who,status",
    [("coordinator", 200), ("mentor", 200), ("member", 404), ("outsider", 404), ("other_coordinator", 404)],
)
def test_the_cohort_board_is_for_its_coordinators_and_mentors(who, status, client):
    venture, member, mentor, coordinator = venture_with_team(name="Costura Alegre")
    VentureFactory(cohort=venture.cohort, name="Peluquería Estilo")
    person = {
        "coordinator": coordinator,
        "mentor": mentor,
        "member": member,
        "outsider": UserFactory(role="aprendiz"),
        "other_coordinator": CohortFactory(coordinators=[UserFactory(role="coordinacion")]).coordinators.get(),
    }[who]
    client.force_login(person)
    response = client.get(reverse("cohorts:board", args=[venture.cohort.pk]))
    assert response.status_code == status
    if status == 200:
        body = response.content.decode()
        assert "Costura Alegre" in body
        assert ("Peluquería Estilo" in body) == (who == "coordinator")  # mentors see only their rows


def _board_queries(client, cohort) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("cohorts:board", args=[cohort.pk])).status_code == 200
    return len(ctx.captured_queries)


def test_the_board_and_my_ventures_use_few_queries_whatever_the_number_of_ventures(client):
    venture, member, mentor, coordinator = venture_with_team()
    client.force_login(coordinator)
    _board_queries(client, venture.cohort)  # the first request of a session writes it
    one = _board_queries(client, venture.cohort)
    for _ in range(9):
        VentureFactory(cohort=venture.cohort, members=[UserFactory()], mentors=[mentor])
    assert _board_queries(client, venture.cohort) == one <= 12
    client.force_login(mentor)
    client.get(reverse("ventures:mine"))
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("ventures:mine"))
    assert len(ctx.captured_queries) <= 12
    with CaptureQueriesContext(connection) as ctx:
        client.get(reverse("ventures:detail", args=[venture.pk]))
    assert len(ctx.captured_queries) <= 12

"""The desk's list and the person's page cost the same number of queries with 10 or 500 people (and with
more courses, notes, log lines and ventures on the person's path)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.accounts.models import Participant
from cms.people.services import case_note_add, participant_event_log
from lms.certificates.models import Certificate
from lms.courses.models import Enrolment
from tests.factories import VentureFactory, build_course, venture_with_team


def _people(center, count: int) -> None:
    start = Participant.objects.count()
    Participant.objects.bulk_create(
        [Participant(given_names=f"Persona {start + n}", surnames="Prueba", center=center) for n in range(count)]
    )


def _queries(client, url) -> int:
    client.get(url)  # the first request of a session writes it and warms caches: measure the next one
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.django_db
def test_the_list_costs_the_same_with_10_and_500_people(client, coordinator, programme, django_assert_num_queries):
    center = programme.centers.first()
    _people(center, 10)
    client.force_login(coordinator)
    url = reverse("people:list") + f"?q=Prueba&centro={center.pk}"
    with_10 = _queries(client, url)
    _people(center, 490)
    with django_assert_num_queries(with_10):
        assert client.get(url).status_code == 200


@pytest.mark.django_db
def test_the_persons_page_costs_the_same_with_more_people_and_a_longer_path(
    client, coordinator, programme, django_assert_num_queries
):
    center = programme.centers.first()
    venture, member, _mentor, _cohort_coordinator = venture_with_team()
    person = Participant.objects.create(user=member, given_names="Ana", surnames="Torres", center=center)
    first, second = build_course(title="Educación financiera"), build_course(title="Plan de negocio")
    Enrolment.objects.create(user=member, course=first)
    _people(center, 10)
    case_note_add(by=coordinator, participant=person, body="Primera nota.")
    client.force_login(coordinator)
    url = reverse("people:detail", kwargs={"pk": person.pk})
    with_10 = _queries(client, url)

    _people(center, 490)
    Enrolment.objects.create(user=member, course=second)
    Certificate.objects.create(
        user=member, course=first, code="ABC123", learner_name="Ana Torres", course_title=first.title, hours=6
    )
    VentureFactory(cohort=venture.cohort, members=[member])
    for n in range(15):
        case_note_add(by=coordinator, participant=person, body=f"Nota {n}.", shared=n % 2 == 0)
        participant_event_log(participant=person, action="actualizada", actor=coordinator, fields=["city"])
    with django_assert_num_queries(with_10):
        page = client.get(url).content.decode()
    assert "Plan de negocio" in page and "Nota 14." in page

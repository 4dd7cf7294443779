"""Data minimisation when scheduling and moderating (issues 15.10, 16.14): people are offered by name, only
those the mentor or coordinator works with, with a search that works without JavaScript; coordination
enters only the rooms of its cohorts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from incubator.cohorts.models import Participation
from incubator.mentoring import selectors, services
from incubator.mentoring.models import MentoringSession
from lms.courses.models import Enrolment
from tests.factories import CohortFactory, UserFactory, VentureFactory, build_course

pytestmark = pytest.mark.django_db


def _participants(response) -> list:
    return list(response.context["form"].fields["participants"].widget.choices.queryset)


@pytest.fixture
def circle(mentor, learner, other_learner, stranger):
    """The mentor mentors a venture with `learner` and a course `other_learner` takes; `stranger` is neither."""
    learner.first_name, learner.last_name = "Rosa", "Quishpe"
    learner.save()
    VentureFactory(members=[learner], mentors=[mentor])
    course = build_course()
    course.mentors.add(mentor)
    course.save()
    Enrolment.objects.create(user=other_learner, course=course)
    return learner, other_learner, stranger


def test_a_mentor_is_offered_only_the_people_of_her_ventures_and_courses_by_name(client, mentor, circle):
    learner, other_learner, stranger = circle
    client.force_login(mentor)
    response = client.get(reverse("mentoring:new"))
    assert set(_participants(response)) == {learner, other_learner}
    html = response.content.decode()
    assert f"Rosa Quishpe ({learner.username})" in html
    assert f"({stranger.username})" not in html


def test_a_mentor_cannot_invite_someone_she_does_not_work_with(client, mentor, circle):
    _learner, _other, stranger = circle
    client.force_login(mentor)
    response = client.post(
        reverse("mentoring:new"),
        {
            "topic": "x",
            "starts_at": "2030-01-10T10:00",
            "ends_at": "2030-01-10T11:00",
            "participants": [stranger.pk],
        },
    )
    assert response.status_code == 200 and "participants" in response.context["form"].errors
    assert not MentoringSession.objects.exists()


def test_the_search_narrows_the_list_on_the_server_without_javascript(client, mentor, circle):
    learner, other_learner, _stranger = circle
    client.force_login(mentor)
    response = client.get(reverse("mentoring:new"), {"q": "rosa quish"})
    assert _participants(response) == [learner]
    html = response.content.decode()
    assert 'id="q" name="q" value="rosa quish" form="buscar-personas"' in html
    assert f"({other_learner.username})" not in html
    # The search only narrows what is shown: the form still accepts anyone of her circle.
    form = response.context["form"]
    assert other_learner in form.fields["participants"].queryset


def test_a_coordinator_is_offered_the_people_of_her_cohorts_only(client, coordinator, learner, stranger):
    cohort = CohortFactory(coordinators=[coordinator])
    Participation.objects.create(cohort=cohort, user=learner, status=Participation.Status.ACCEPTED)
    member = UserFactory(role="aprendiz")
    VentureFactory(cohort=cohort, members=[member])
    CohortFactory()  # someone else's cohort
    client.force_login(coordinator)
    assert set(_participants(client.get(reverse("mentoring:new")))) == {learner, member}
    assert stranger not in selectors.schedulable_people(user=coordinator)


def test_a_coordinator_of_no_cohort_of_the_session_neither_sees_nor_enters_it(client, session, coordinator):
    client.force_login(coordinator)
    assert client.get(reverse("mentoring:room", args=[session.pk])).status_code == 404
    assert session not in client.get(reverse("mentoring:list")).context["upcoming"]
    MentoringSession.objects.filter(pk=session.pk).update(cohort=CohortFactory(coordinators=[coordinator]))
    assert client.get(reverse("mentoring:room", args=[session.pk])).status_code == 200
    assert session in client.get(reverse("mentoring:list")).context["upcoming"]


def test_a_coordinator_of_a_ventures_cohort_moderates_its_session(session, coordinator):
    venture = VentureFactory(cohort=CohortFactory(coordinators=[coordinator]))
    session.ventures.add(venture)
    access, _ = selectors.room_access(session_id=session.pk, user=coordinator)
    assert access.allowed and access.moderator


def test_administration_still_enters_every_room(session):
    admin = UserFactory(role="administracion")
    assert selectors.room_access(session_id=session.pk, user=admin)[0].moderator


def test_the_cohorts_coordination_field_offers_only_coordination_staff_by_name(client, coordinator, mentor, learner):
    cohort = CohortFactory(coordinators=[coordinator])
    other = UserFactory(role="coordinacion", first_name="Lucía", last_name="Andrade")
    client.force_login(coordinator)
    response = client.get(reverse("cohortes:edit", args=[cohort.pk]))
    field = response.context["form"].fields["coordinators"]
    assert set(field.queryset) == {coordinator, other}
    assert f"Lucía Andrade ({other.username})" in response.content.decode()
    assert f"({learner.username})" not in response.content.decode()


def test_a_coordinator_moderates_the_sessions_she_scheduled(coordinator, mentor, learner):
    cohort = CohortFactory(coordinators=[coordinator])
    Participation.objects.create(cohort=cohort, user=learner, status=Participation.Status.ACCEPTED)
    start = timezone.now()
    session = services.session_schedule(
        by=coordinator,
        topic="Ventas",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        mentors=[mentor],
        participants=[learner],
    )
    assert selectors.room_access(session_id=session.pk, user=coordinator)[0].moderator
    other = UserFactory(role="coordinacion")
    assert not selectors.room_access(session_id=session.pk, user=other)[0].allowed

from datetime import date

import pytest
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from incubator.cohorts import replacement, services
from incubator.cohorts.models import Participation, ReplacementInterview
from lms.courses.models import Enrolment
from tests.factories import CohortFactory, UserFactory, build_course

pytestmark = pytest.mark.django_db
S = Participation.Status


@pytest.fixture
def course():
    return build_course(title="Plan de negocio", modules=1, lessons_per_module=1)


@pytest.fixture
def coordinator():
    return UserFactory(role="coordinacion")


@pytest.fixture
def cohort(course, coordinator):
    """A full cohort of one seat whose only participant dropped out."""
    cohort = CohortFactory(coordinators=[coordinator], capacity=1, required_courses=[course], city="Quito")
    dropped = Participation.objects.create(cohort=cohort, user=UserFactory(role="aprendiz"), status=S.ACCEPTED)
    services.participation_drop(participation=dropped, reason="mudanza", note="", actor=coordinator)
    return cohort


def person(course=None, city="Quito", **names):
    user = UserFactory(role="aprendiz")
    Participant.objects.create(user=user, given_names=names.get("given", user.first_name), surnames="Paz", city=city)
    if course is not None:
        Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    return user


def test_candidates_are_trained_in_the_city_and_without_a_seat(cohort, course):
    good = person(course)
    person(None)  # training not completed
    person(course, city="Cuenca")  # another city
    seated = person(course)
    Participation.objects.create(cohort=CohortFactory(), user=seated, status=S.ACCEPTED)
    walk_in_center = Center.objects.create(
        programme=Programme.objects.create(name="P", slug="p"), name="Norte", province="Pichincha", city="quito"
    )
    by_center = person(course, city="")
    Participant.objects.filter(user=by_center).update(center=walk_in_center)
    found = {c.participant.user_id for c in replacement.replacement_candidates(cohort=cohort)}
    assert found == {good.pk, by_center.pk}
    assert replacement.freed_seats(cohort=cohort).free == 1


def test_promotion_needs_a_suitable_interview_and_gives_the_catch_up_plan(client, cohort, course, coordinator):
    candidate = person(course)
    client.force_login(coordinator)
    page = client.get(f"/incubadora/cohortes/{cohort.pk}/reemplazo/")
    assert page.status_code == 200 and candidate.username in page.content.decode()
    url = f"/incubadora/cohortes/{cohort.pk}/reemplazo/{candidate.pk}/"
    client.post(f"{url}dar-cupo/")
    assert not Participation.objects.filter(user=candidate).exists()

    client.post(f"{url}entrevista/", {"held_on": "2026-12-01", "notes": "Vive cerca", "suitable": "si"})
    interview = ReplacementInterview.objects.get()
    assert interview.suitable and interview.held_on == date(2026, 12, 1) and interview.interviewer == coordinator
    client.post(f"{url}dar-cupo/")
    seat = Participation.objects.get(user=candidate)
    assert seat.status == S.ACCEPTED and seat.cohort == cohort
    assert seat.events.filter(kind="aceptada").exists()

    client.force_login(candidate)
    my_page = client.get(f"/incubadora/cohortes/{cohort.pk}/mi-cupo/").content.decode()
    assert "Para ponerte al día" in my_page and "Completa el curso Plan de negocio" in my_page


def test_no_promotion_without_a_free_seat(cohort, course, coordinator):
    candidate, other = person(course), person(course)
    for user in (candidate, other):
        replacement.replacement_interview_record(
            cohort=cohort, candidate=user, by=coordinator, held_on=date(2026, 12, 1), notes="", suitable=True
        )
    replacement.replacement_promote(cohort=cohort, candidate=candidate, by=coordinator)
    with pytest.raises(services.IntakeError):
        replacement.replacement_promote(cohort=cohort, candidate=other, by=coordinator)


def test_the_pages_are_404_for_anyone_but_the_cohorts_coordinators(client, cohort, course):
    candidate = person(course)
    base = f"/incubadora/cohortes/{cohort.pk}/reemplazo/"
    assert client.get(base).status_code == 302
    for role in ("coordinacion", "mentor", "jurado", "aprendiz", "aliada", "donante"):
        client.force_login(UserFactory(role=role))
        assert client.get(base).status_code == 404, role
        assert client.post(f"{base}{candidate.pk}/dar-cupo/").status_code == 404
        assert (
            client.post(f"{base}{candidate.pk}/entrevista/", {"held_on": "2026-12-01", "suitable": "si"}).status_code
            == 404
        )
    assert not ReplacementInterview.objects.exists()

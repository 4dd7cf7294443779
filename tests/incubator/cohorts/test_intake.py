from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from incubator.cohorts import services
from incubator.cohorts.models import CatchUpTemplateItem, Participation, ParticipationEvent
from incubator.cohorts.selectors import cohort_eligibility
from lms.courses.models import Enrolment
from lms.quizzes.models import Quiz, QuizAttempt
from tests.factories import CohortFactory, UserFactory, build_course

pytestmark = pytest.mark.django_db
S = Participation.Status


@pytest.fixture
def course():
    course = build_course(title="Plan de negocio", modules=1, lessons_per_module=1)
    Quiz.objects.create(course=course, title="Evaluación final", kind=Quiz.Kind.POST)
    return course


@pytest.fixture
def coordinator():
    return UserFactory(role="coordinacion")


@pytest.fixture
def cohort(course, coordinator):
    return CohortFactory(coordinators=[coordinator], capacity=1, required_courses=[course])


def graduate(user, course, score="80"):
    Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    quiz = course.quizzes.get(kind=Quiz.Kind.POST)
    QuizAttempt.objects.create(
        user=user, quiz=quiz, number=1, status=QuizAttempt.Status.SUBMITTED, score=Decimal(score)
    )
    return user


def applicant(cohort, course):
    user = graduate(UserFactory(role="aprendiz"), course)
    return services.participation_apply(cohort=cohort, user=user, motivation="Quiero vender suculentas.")


def test_a_learner_without_the_course_is_told_what_is_missing(cohort, client):
    learner = UserFactory(role="aprendiz")
    assert cohort_eligibility(cohort=cohort, user=learner).reasons == ["Te falta completar «Plan de negocio»."]
    client.force_login(learner)
    response = client.post(reverse("cohorts:apply", args=[cohort.pk]), {"motivation": "Hola"})
    assert "Te falta completar «Plan de negocio»" in response.content.decode()
    assert not Participation.objects.exists()


def test_a_low_final_score_is_explained(cohort, course):
    learner = graduate(UserFactory(role="aprendiz"), course, score="55")
    reasons = cohort_eligibility(cohort=cohort, user=learner).reasons
    assert reasons == ["Necesitas 60 % o más en la evaluación final de «Plan de negocio»."]


def test_an_eligible_learner_applies_and_an_empty_motivation_is_refused(cohort, course, client):
    learner = graduate(UserFactory(role="aprendiz"), course)
    client.force_login(learner)
    url = reverse("cohorts:apply", args=[cohort.pk])
    response = client.post(url, {"motivation": ""})
    assert "Escribe por qué quieres entrar." in response.content.decode()
    response = client.post(url, {"motivation": "Hago cerámica y quiero vender más."})
    assert response.status_code == 302
    p = Participation.objects.get(user=learner)
    assert p.status == S.APPLIED and p.events.get().kind == ParticipationEvent.Kind.APPLIED


def test_coordinators_accept_within_capacity_then_reserve_in_order(cohort, course, coordinator, client):
    first, second, third = (applicant(cohort, course) for _ in range(3))
    client.force_login(coordinator)
    decide = lambda p, d: client.post(reverse("cohorts:decide", args=[cohort.pk, p.pk]), {"decision": d})  # noqa: E731
    decide(first, "aceptar")
    response = decide(second, "aceptar")
    assert "No quedan cupos" in client.get(response.url).content.decode()
    decide(second, "reserva")
    decide(third, "reserva")
    statuses = {p.pk: (p.status, p.reserve_position) for p in Participation.objects.all()}
    assert statuses == {first.pk: (S.ACCEPTED, None), second.pk: (S.RESERVE, 1), third.pk: (S.RESERVE, 2)}
    page = client.get(reverse("cohorts:applications", args=[cohort.pk])).content.decode()
    assert "Cupos ocupados: 1 de 1." in page


def test_a_dropout_offers_the_seat_down_the_reserve_list_and_logs_every_step(cohort, course, coordinator, client):
    first, second, third = (applicant(cohort, course) for _ in range(3))
    services.participation_decide(participation=first, decision="aceptar", actor=coordinator)
    services.participation_decide(participation=second, decision="reserva", actor=coordinator)
    services.participation_decide(participation=third, decision="reserva", actor=coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("cohorts:dropout", args=[cohort.pk, first.pk]), {"reason": "mudanza", "note": "Se fue a Cuenca."}
    )
    assert response.status_code == 302
    first.refresh_from_db(), second.refresh_from_db()
    assert (first.status, first.dropout_reason, second.status) == (S.DROPPED, "mudanza", S.OFFERED)

    client.force_login(second.user)
    client.post(reverse("cohorts:offer_respond", args=[cohort.pk]), {"respuesta": "declinar"})
    second.refresh_from_db(), third.refresh_from_db()
    assert (second.status, third.status) == (S.OFFER_DECLINED, S.OFFERED)

    client.force_login(third.user)
    client.post(reverse("cohorts:offer_respond", args=[cohort.pk]), {"respuesta": "aceptar"})
    third.refresh_from_db()
    assert third.status == S.ACCEPTED
    K = ParticipationEvent.Kind
    log = list(ParticipationEvent.objects.order_by("id").values_list("participation_id", "kind"))
    assert log[-5:] == [
        (first.pk, K.DROPPED),
        (second.pk, K.OFFERED),
        (second.pk, K.OFFER_DECLINED),
        (third.pk, K.OFFERED),
        (third.pk, K.OFFER_ACCEPTED),
    ]

    page = client.get(reverse("cohorts:my_seat", args=[cohort.pk])).content.decode()
    assert "Reúnete con tu mentor(a)" in page
    item = third.catch_up_items.get(text="Reúnete con tu mentor(a)")
    client.post(reverse("cohorts:catch_up_tick", args=[cohort.pk, item.pk]), {"hecha": "1"})
    item.refresh_from_db()
    assert item.done_at is not None


def test_the_catch_up_list_follows_the_cohort_template(cohort, course, coordinator):
    CatchUpTemplateItem.objects.create(cohort=cohort, text="Lee el manual de la cohorte", sort_order=0)
    p = applicant(cohort, course)
    p.status = S.OFFERED
    p.save()
    services.seat_offer_respond(participation=p, accept=True, user=p.user)
    assert [i.text for i in p.catch_up_items.all()] == ["Lee el manual de la cohorte"]


def test_a_dropout_without_a_reason_keeps_the_note_and_changes_nothing(cohort, course, coordinator, client):
    p = applicant(cohort, course)
    services.participation_decide(participation=p, decision="aceptar", actor=coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("cohorts:dropout", args=[cohort.pk, p.pk]), {"reason": "", "note": "Mi nota"})
    body = response.content.decode()
    assert "Elige un motivo." in body and "Mi nota" in body
    p.refresh_from_db()
    assert p.status == S.ACCEPTED


@pytest.mark.parametrize("who", ["outsider", "other_coordinator", "applicant"])
def test_intake_pages_are_hidden_from_everyone_but_the_cohort_coordinators(who, cohort, course, client):
    p = applicant(cohort, course)
    other = CohortFactory(coordinators=[UserFactory(role="coordinacion")])
    person = {
        "outsider": UserFactory(role="aprendiz"),
        "applicant": p.user,
        "other_coordinator": other.coordinators.get(),
    }[who]
    client.force_login(person)
    assert client.get(reverse("cohorts:applications", args=[cohort.pk])).status_code == 404
    assert client.get(reverse("cohorts:dropout", args=[cohort.pk, p.pk])).status_code == 404
    assert client.post(reverse("cohorts:decide", args=[cohort.pk, p.pk]), {"decision": "aceptar"}).status_code == 404
    p.refresh_from_db()
    assert p.status == S.APPLIED


def test_a_persons_seat_page_is_theirs_only(cohort, course, client):
    p = applicant(cohort, course)
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get(reverse("cohorts:my_seat", args=[cohort.pk])).status_code == 404
    client.force_login(p.user)
    assert client.get(reverse("cohorts:my_seat", args=[cohort.pk])).status_code == 200

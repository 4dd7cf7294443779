from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from lms.courses.models import Enrolment
from lms.surveys.models import SatisfactionResponse
from lms.surveys.selectors import satisfaction_by_course, survey_pending_for
from tests.factories import UserFactory, build_course


@pytest.fixture
def course(db):
    return build_course(title="Marketing digital", modules=1, lessons_per_module=1)


def finished_learner(course, **kwargs):
    user = UserFactory(role="aprendiz", **kwargs)
    Enrolment.objects.create(user=user, course=course, completed_at=timezone.now())
    return user


def url(course):
    return reverse("surveys:course", args=[course.pk])


def test_a_learner_who_completed_answers_once(client, course):
    ana = finished_learner(course)
    client.force_login(ana)
    assert survey_pending_for(user=ana, course=course)
    response = client.post(url(course), {"rating": "4", "comment": "Muy útil"})
    assert response.status_code == 302
    answer = SatisfactionResponse.objects.get(user=ana, course=course)
    assert (answer.rating, answer.comment) == (4, "Muy útil")
    assert not survey_pending_for(user=ana, course=course)
    response = client.post(url(course), {"rating": "1"})
    assert "Ya respondiste" in response.content.decode()
    assert SatisfactionResponse.objects.get(user=ana).rating == 4


def test_the_form_shows_words_for_each_rating(client, course):
    client.force_login(finished_learner(course))
    html = client.get(url(course)).content.decode()
    assert "Muy insatisfecha o insatisfecho" in html and "Muy satisfecha o satisfecho" in html
    assert 'type="radio"' in html


def test_bad_input_shows_errors_and_keeps_the_comment(client, course):
    client.force_login(finished_learner(course))
    response = client.post(url(course), {"rating": "9", "comment": "x" * 2001})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Elige una de las opciones." in html
    assert "como máximo 2000 caracteres" in html
    assert "x" * 2001 in html
    assert not SatisfactionResponse.objects.exists()


def test_a_learner_who_did_not_complete_gets_403(client, course):
    user = UserFactory(role="aprendiz")
    Enrolment.objects.create(user=user, course=course)
    client.force_login(user)
    assert client.get(url(course)).status_code == 403
    assert client.post(url(course), {"rating": "5"}).status_code == 403
    assert not SatisfactionResponse.objects.exists()


def test_a_learner_never_sees_another_learners_answer(client, course):
    ana = finished_learner(course)
    SatisfactionResponse.objects.create(user=ana, course=course, rating=2, comment="Comentario privado de Ana")
    client.force_login(finished_learner(course))
    html = client.get(url(course)).content.decode()
    assert "Comentario privado de Ana" not in html and "Ya respondiste" not in html


def test_satisfaction_by_course_counts_4_and_5_over_all(course):
    other = build_course(title="Plan de negocio", modules=1, lessons_per_module=1)
    for rating in (5, 4, 3, 1, 5, 2, 4):  # 4 satisfied of 7 -> 57.1 %
        SatisfactionResponse.objects.create(user=finished_learner(course), course=course, rating=rating)
    for rating in (5, 5, 4):  # 3 of 3 -> 100 %
        SatisfactionResponse.objects.create(user=finished_learner(other), course=other, rating=rating)
    rows = {row.course_title: row for row in satisfaction_by_course()}
    assert (rows["Marketing digital"].responses, rows["Marketing digital"].satisfied) == (7, 4)
    assert rows["Marketing digital"].percent_satisfied == Decimal("57.1")
    assert rows["Plan de negocio"].percent_satisfied == Decimal("100.0")


def test_coordinator_sees_the_report_and_a_learner_does_not(client, course):
    SatisfactionResponse.objects.create(user=finished_learner(course), course=course, rating=5)
    SatisfactionResponse.objects.create(user=finished_learner(course), course=course, rating=3)
    client.force_login(UserFactory(role="coordinacion"))
    html = client.get(reverse("surveys_satisfaction")).content.decode()
    assert "Marketing digital" in html and "50,0 %" in html
    client.force_login(UserFactory(role="aprendiz"))
    assert client.get(reverse("surveys_satisfaction")).status_code in (302, 403)

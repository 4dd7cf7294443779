"""1.2a (improved economic inclusion) and P.1 (% who improved their knowledge), computed by hand.

The programme, person by person (every one completes the financial course unless said otherwise):

    who            city        nationality  entry  final   income in the diary   1.2a   P.1 base  P.1 gain
    W1..W6 (6)     Ibarra      venezolana   40     80      -                     yes    yes       yes
    W7, W8 (2)     Ibarra      venezolana   60     50      -                     no     yes       no
    W9             Ibarra      venezolana   50     50      -                     no     yes       no
    M1             Lago Agrio  colombiana   30     70      -                     yes    yes       yes
    M2..M5 (4)     Lago Agrio  venezolana   30     70      -                     yes    yes       yes
    M6             Lago Agrio  venezolana   50     (none)  -                     no     no        -
    M7             Lago Agrio  colombiana   (none)         100 -> 300            yes    no        -
    M8 (no course) Lago Agrio  venezolana   20     90      -                     no     yes       yes
    M9             Lago Agrio  venezolana   (none)         300 -> 100            no     no        -
    W10 (old)      Ibarra      venezolana   40     80 (final two years ago)      no     no        -

1.2a = 6 + 5 + 1 = 12 (mujer 6, hombre 6; venezolana 10, colombiana 2).
P.1 base = 9 women + M1..M5 + M8 = 15, gains = 6 + 5 + 1 = 12, so 80 %; women 6/9 = 66.7 %, men 6/6 = 100 %.
"""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report
from incubator.kpis.models import MonthlyFigure
from lms.courses.models import Enrolment, Track
from lms.quizzes.models import Quiz, QuizAttempt
from tests.factories import UserFactory, VentureFactory, build_course

TODAY = timezone.localdate()
YEAR = Period(date(TODAY.year, 1, 1), date(TODAY.year, 12, 31))


@pytest.fixture
def programme():
    programme = Programme.objects.create(name="Emprende Norte", slug="norte")
    Center.objects.create(programme=programme, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    Center.objects.create(programme=programme, name="Centro Lago", province="Sucumbíos", city="Lago Agrio")
    return programme


def _person(programme, *, center: str, sex: str, nationality: str = "venezolana"):
    user = UserFactory(role="aprendiz")
    Participant.objects.create(user=user, center=programme.centers.get(name=center), sex=sex, nationality=nationality)
    return user


def _test(user, quiz, score, *, when=None):
    number = QuizAttempt.objects.filter(user=user, quiz=quiz).count() + 1
    QuizAttempt.objects.create(
        user=user,
        quiz=quiz,
        number=number,
        status=QuizAttempt.Status.SUBMITTED,
        score=score,
        passed=score >= 60,
        submitted_at=when or timezone.now(),
    )


def _income(user, *figures):
    venture = VentureFactory(members=[user])
    for month, income in figures:
        MonthlyFigure.objects.create(venture=venture, month=month, income=income)


@pytest.fixture
def cohort_of_learners(programme):
    course = build_course(title="Finanzas para tu negocio")
    type(course).objects.filter(pk=course.pk).update(track=Track.FINANCIAL)
    entry = Quiz.objects.create(course=course, title="Prueba de entrada", kind=Quiz.Kind.PRE)
    final = Quiz.objects.create(course=course, title="Evaluación final", kind=Quiz.Kind.POST)
    now = timezone.now()

    def learner(center, sex, nationality="venezolana", *, pre=None, post=None, completes=True, post_when=None):
        user = _person(programme, center=center, sex=sex, nationality=nationality)
        Enrolment.objects.create(user=user, course=course, completed_at=now if completes else None)
        if pre is not None:
            _test(user, entry, pre)
        if post is not None:
            _test(user, final, post, when=post_when)
        return user

    for _n in range(6):
        learner("Centro Ibarra", "mujer", pre=40, post=80)
    w7_w8 = [learner("Centro Ibarra", "mujer", pre=60, post=50) for _n in range(2)]
    w9 = learner("Centro Ibarra", "mujer", pre=50, post=50)
    learner("Centro Lago", "hombre", "colombiana", pre=30, post=70)
    for _n in range(4):
        learner("Centro Lago", "hombre", pre=30, post=70)
    learner("Centro Lago", "hombre", pre=50)
    m7 = learner("Centro Lago", "hombre", "colombiana")
    _income(m7, (date(TODAY.year, 1, 1), 100), (date(TODAY.year, 6, 1), 300))
    learner("Centro Lago", "hombre", pre=20, post=90, completes=False)
    m9 = learner("Centro Lago", "hombre")
    _income(m9, (date(TODAY.year, 1, 1), 300), (date(TODAY.year, 6, 1), 100))
    # W10 finished and improved two years ago: not in this year's P.1; her enrolment is old too.
    w10 = learner("Centro Ibarra", "mujer", pre=40, post=80, post_when=now - timedelta(days=800))
    Enrolment.objects.filter(user=w10).update(
        completed_at=now - timedelta(days=800), created_at=now - timedelta(days=800)
    )
    return {"final": final, "w7_w8": w7_w8, "w9": w9}


def _total(report, code):
    return report.rows_for(code)[0].total


def _split(report, code, key):
    return {cell.key: cell for row in report.rows_for(code) if row.disaggregation == key for cell in row.cells}


@pytest.mark.django_db
def test_1_2a_counts_completion_with_a_knowledge_gain_or_an_income_increase(programme, cohort_of_learners):
    report = indicator_report(programme=programme, period=YEAR, disaggregations=["sexo", "ciudad", "nacionalidad"])
    total = _total(report, "1.2a")
    assert (total.n, total.value, total.suppressed) == (12, 12, False)
    sexes = _split(report, "1.2a", "sexo")
    assert {key: cell.value for key, cell in sexes.items()} == {"mujer": 6, "hombre": 6}
    cities = _split(report, "1.2a", "ciudad")
    assert {key: cell.value for key, cell in cities.items()} == {"Imbabura / Ibarra": 6, "Sucumbíos / Lago Agrio": 6}
    # 2 Colombians (M1 by the test, M7 by income): hidden, and the 10 then too, or 12 - 10 gives them back.
    nationalities = _split(report, "1.2a", "nacionalidad")
    assert set(nationalities) == {"venezolana", "colombiana"}
    assert all(cell.suppressed and cell.value is None and cell.n is None for cell in nationalities.values())


@pytest.mark.django_db
def test_1_2a_of_a_year_without_completions_is_zero(programme, cohort_of_learners):
    last_year = Period(date(TODAY.year - 1, 1, 1), date(TODAY.year - 1, 12, 31))
    report = indicator_report(programme=programme, period=last_year, disaggregations=[])
    assert _total(report, "1.2a").value == 0


@pytest.mark.django_db
def test_p1_pairs_entry_and_final_tests_and_counts_who_went_up(programme, cohort_of_learners):
    report = indicator_report(programme=programme, period=YEAR, disaggregations=["sexo", "nacionalidad"])
    total = _total(report, "P.1")
    assert (total.n, total.value, total.suppressed) == (15, 80.0, False)  # 12 of 15
    sexes = _split(report, "P.1", "sexo")
    assert (sexes["mujer"].n, sexes["mujer"].value) == (9, 66.7)  # 6 of 9
    assert (sexes["hombre"].n, sexes["hombre"].value) == (6, 100.0)  # 6 of 6 (M8 counts: no course needed)
    nationalities = _split(report, "P.1", "nacionalidad")
    # colombiana: 1 of 1 (M1), a small base; venezolana 11 of 14 would give it back from 12 of 15.
    assert nationalities["colombiana"].suppressed and nationalities["venezolana"].suppressed


@pytest.mark.django_db
def test_p1_uses_the_best_final_of_the_period_against_the_best_entry(programme, cohort_of_learners):
    final = cohort_of_learners["final"]
    for user in cohort_of_learners["w7_w8"]:  # retake the final: 65 beats their entry 60, so 14 of 15
        _test(user, final, 65)
    # An open (unsent) final does not count: W9 stays at 50 against 50.
    QuizAttempt.objects.create(user=cohort_of_learners["w9"], quiz=final, number=9, score=99)
    report = indicator_report(programme=programme, period=YEAR, disaggregations=[])
    total = _total(report, "P.1")
    assert (total.n, total.value) == (15, round(100 * 14 / 15, 1))

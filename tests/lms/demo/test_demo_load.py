import re
from collections import Counter

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

from cms.accounts.models import ConsentVersion, Participant, User
from cms.accounts.roles import Role
from cms.home.models import HomePage
from cms.people.models import ConsentEvent
from cms.referrals.models import PartnerOrganisation, PartnerService, Referral, ReferralEvent
from cms.referrals.selectors import referrals_for_partner, referrals_visible_to
from lms.courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage
from lms.demo.content.people import DEMO_USERS
from lms.quizzes.models import Choice, Question, Quiz, QuizQuestion

COUNTED = (
    User,
    Participant,
    Group,
    Page,
    Revision,
    Site,
    Question,
    Choice,
    Quiz,
    QuizQuestion,
    Enrolment,
    get_image_model(),
    PartnerOrganisation,
    PartnerService,
    Referral,
    ReferralEvent,
    ConsentEvent,
)
DEMO_USERNAMES = {"aprendiz", "mentora", "jurado", "coordinadora", "admin"}


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _load() -> None:
    call_command("demo_load", stdout=open("/dev/null", "w"))


def _words(html: str) -> list[str]:
    return re.sub(r"<[^>]+>", " ", html).split()


def _lesson_texts(lesson: LessonPage) -> list[str]:
    texts = []
    for block in lesson.body:
        if block.block_type == "text":
            texts.append(str(block.value.source))
        elif block.block_type == "callout":
            texts += [block.value["title"], block.value["text"]]
    return texts


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def loaded(db):
    _load()


def test_a_second_run_changes_nothing(db):
    _load()
    first = _counts()
    passwords = dict(User.objects.values_list("username", "password"))
    page_rows = list(Page.objects.order_by("path").values_list("path", "title", "latest_revision_id"))

    _load()

    assert _counts() == first
    assert dict(User.objects.values_list("username", "password")) == passwords
    assert list(Page.objects.order_by("path").values_list("path", "title", "latest_revision_id")) == page_rows
    assert Revision.objects.count() == 0


def test_the_demo_site_replaces_the_wagtail_welcome_page(loaded):
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert not Page.objects.filter(depth=2).exclude(pk=site.root_page_id).exists()
    index = CourseIndexPage.objects.get()
    assert index.slug == "cursos" and index.get_parent().pk == site.root_page_id


def test_there_are_four_live_courses_each_with_modules_lessons_and_both_quizzes(loaded):
    courses = CoursePage.objects.live()
    assert courses.count() >= 4
    for course in courses:
        assert ModulePage.objects.live().child_of(course).count() >= 2, course.title
        assert LessonPage.objects.live().descendant_of(course).count() >= 3, course.title
        for kind in ("pre", "post"):
            quiz = Quiz.objects.get(course=course, kind=kind)
            assert quiz.quiz_questions.count() >= 4, (course.title, kind)
            assert quiz.pass_mark == 60
        assert Quiz.objects.get(course=course, kind="post").max_attempts == 3
        assert {m.pk for m in course.mentors.all()} >= set(
            User.objects.filter(username__in=["mentora", "coordinadora"]).values_list("pk", flat=True)
        )


def test_the_pre_test_opens_the_first_lesson_and_the_final_quiz_closes_the_last(loaded):
    for course in CoursePage.objects.live():
        lessons = list(LessonPage.objects.live().descendant_of(course).order_by("path"))
        first_block, last_block = lessons[0].body[0], lessons[-1].body[-1]
        assert first_block.block_type == "quiz" and first_block.value["quiz"].kind == "pre", course.title
        assert last_block.block_type == "quiz" and last_block.value["quiz"].kind == "post", course.title


def test_every_question_is_answerable(loaded):
    assert Question.objects.exists()
    for question in Question.objects.prefetch_related("choices"):
        correct = [c for c in question.choices.all() if c.is_correct]
        if question.kind in {"unica", "vf"}:
            assert len(correct) == 1, question.prompt
            assert all(c.feedback for c in question.choices.all()), question.prompt
        elif question.kind == "multiple":
            assert correct and len(correct) < question.choices.count(), question.prompt
        elif question.kind == "corta":
            assert len(question.accepted_answers.splitlines()) >= 2, question.prompt
        elif question.kind == "numerica":
            assert question.numeric_answer is not None, question.prompt
        assert question.explanation, question.prompt
    assert set(Question.objects.values_list("kind", flat=True)) == {"unica", "multiple", "vf", "corta", "numerica"}


def test_the_financial_course_has_a_numeric_question_with_tolerance(loaded):
    course = CoursePage.objects.get(slug="educacion-financiera")
    assert Question.objects.filter(course=course, kind="numerica", tolerance__gt=0).exists()


def test_lessons_are_real_spanish_teaching_text_of_a_readable_length(loaded):
    lessons = LessonPage.objects.live()
    assert lessons.count() >= 12
    for lesson in lessons:
        texts = _lesson_texts(lesson)
        words = len(_words(" ".join(texts)))
        assert 200 <= words <= 450, (lesson.title, words)
        kinds = Counter(block.block_type for block in lesson.body)
        assert kinds["callout"] >= 1, lesson.title
    everything = " ".join(" ".join(_lesson_texts(lesson)) for lesson in lessons) + " ".join(
        Question.objects.values_list("prompt", flat=True)
    )
    assert "lorem" not in everything.lower()
    assert "ipsum" not in everything.lower()


def test_demo_users_log_in_with_the_demo_password_and_have_their_roles(loaded):
    assert set(User.objects.values_list("username", flat=True)) >= DEMO_USERNAMES
    request = RequestFactory().post("/entrar/")
    for spec in DEMO_USERS:
        user = authenticate(request, username=spec.username, password="semilla-demo")
        assert user is not None, spec.username
        assert user.groups.filter(name=str(spec.role)).exists(), spec.username
        # a partner organisation's account is not a participant of the programme
        assert user.first_name and Participant.objects.filter(user=user).exists() == (
            spec.role not in (Role.PARTNER, Role.DONOR)
        )
    assert User.objects.get(username="admin").is_superuser
    assert not User.objects.get(username="aprendiz").is_staff


def test_the_learner_is_enrolled_in_the_financial_course(loaded):
    enrolment = Enrolment.objects.get(user__username="aprendiz")
    assert enrolment.course.slug == "educacion-financiera"
    assert enrolment.status == "activa"


def test_demo_users_record_the_latest_consent_version(db):
    latest = ConsentVersion.objects.first() or ConsentVersion.objects.create(version="2026-11", body="Texto.")
    _load()
    for user in User.objects.filter(username__in=DEMO_USERNAMES):
        assert user.consent_version_id == latest.pk and user.consent_accepted_at is not None


def test_it_refuses_in_production_and_creates_nothing(db, settings):
    settings.PRODUCTION = True
    before = _counts()
    with pytest.raises(CommandError, match="producción"):
        _load()
    assert _counts() == before
    assert not User.objects.filter(username__in=DEMO_USERNAMES).exists()


def test_the_learner_can_open_the_course_and_its_first_lesson(loaded, client):
    client.force_login(User.objects.get(username="aprendiz"))
    course = CoursePage.objects.get(slug="educacion-financiera")
    first = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    assert client.get(course.url).status_code == 200
    response = client.get(first.url)
    assert response.status_code == 200
    assert "presupuesto" in response.content.decode()


def test_the_demo_has_partner_organisations_and_referrals_in_several_states(loaded):
    assert PartnerOrganisation.objects.count() >= 3
    cities = set(PartnerService.objects.values_list("city", flat=True))
    assert {"Quito", "Santo Domingo", "Ibarra"} <= cities
    states = set(Referral.objects.filter(participant__user__username="aprendiz").values_list("state", flat=True))
    assert {Referral.State.SENT, Referral.State.ACCEPTED, Referral.State.CLOSED, Referral.State.REJECTED} <= states
    coordinator = User.objects.get(username="coordinadora")
    assert referrals_visible_to(user=coordinator).count() == Referral.objects.count()
    partner = User.objects.get(username="aliada")
    assert [r.service_type for r in referrals_for_partner(user=partner)] == ["cuidado_infantil"]

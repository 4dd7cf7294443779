"""Writes of the demo app: the Spanish demo content, loaded idempotently.

Rule: everything is keyed by a natural key (username, slug under its parent, course + prompt, ...)
and is created only when missing. What already exists is never modified, so a second run changes
nothing and an editor's changes in the Wagtail admin survive a new `make run`.
"""

from base64 import b32decode
from collections import Counter
from decimal import Decimal
from io import BytesIO

from django.conf import settings
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Page, Site

from cms.accounts.models import ConsentVersion, Participant, User
from cms.accounts.roles import Role, needs_second_factor
from cms.accounts.services import roles_ensure, totp_device_demo_ensure, user_role_set
from cms.home.models import HomePage
from cms.people.demo import desk_demo_ensure
from cms.referrals.demo import referrals_demo_ensure
from lms.courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage, ModulePage
from lms.demo.content import COURSES
from lms.demo.content.people import (
    COURSES_INTRO,
    COURSES_SLUG,
    COURSES_TITLE,
    DEMO_TOTP_SECRET,
    DEMO_USERS,
    HOME_INTRO,
    HOME_SLUG,
    HOME_TITLE,
    DemoUser,
)
from lms.demo.content.photos import LESSON_PHOTOS
from lms.demo.content.spec import Block, CourseSpec, LessonSpec, QuestionSpec, QuizSpec
from lms.demo.photos import photo_jpeg_bytes
from lms.quizzes.models import Choice, Question, Quiz, QuizAttempt, QuizQuestion


class DemoRefused(Exception):
    """The demo content must never reach a production database."""


def demo_load() -> Counter[str]:
    """Load the demo accounts, site pages and courses. Refuses in production. Returns what was created.

    Runs in one transaction: on any error nothing is left half-written.
    """
    if settings.PRODUCTION:
        raise DemoRefused(
            "Este servidor está en modo producción (SEMILLA_ENV=production): "
            "no se cargan cuentas ni contenidos de demostración."
        )
    created: Counter[str] = Counter()
    with transaction.atomic():
        roles_ensure()
        users = {spec.username: demo_user_ensure(spec=spec, created=created) for spec in DEMO_USERS}
        index = demo_site_ensure(created=created)
        staff = [users["mentora"], users["coordinadora"]]
        for spec in COURSES:
            course = demo_course_ensure(index=index, spec=spec, staff=staff, created=created)
            if spec.enrol_learner:
                _, new = Enrolment.objects.get_or_create(
                    user=users["aprendiz"],
                    course=course,
                    defaults={"status": Enrolment.Status.ACTIVE, "source": "coordinación"},
                )
                if new:
                    created["inscripciones"] += 1
        desk_demo_ensure(created=created)
        created += referrals_demo_ensure(
            coordinator=users["coordinadora"], partner=users["aliada"], participants=[users["aprendiz"].participant]
        )
    return created


def demo_user_ensure(*, spec: DemoUser, created: Counter[str]) -> User:
    """The demo account with its role, profile and consent; the password is set only on creation."""
    user = User.objects.filter(username=spec.username).first()
    if user is None:
        user = User(
            username=spec.username,
            first_name=spec.first_name,
            last_name=spec.last_name,
            is_superuser=spec.superuser,
            is_staff=spec.superuser,
        )
        user.set_password(settings.SEMILLA_DEMO_PASSWORD)
        user.save()
        created["cuentas"] += 1
    user_role_set(user=user, role=spec.role)
    if needs_second_factor(user):
        totp_device_demo_ensure(user=user, key_hex=b32decode(DEMO_TOTP_SECRET).hex())
    if spec.role not in (Role.PARTNER, Role.DONOR):  # partners and donors are not participants
        Participant.objects.get_or_create(
            user=user, defaults={"given_names": user.first_name, "surnames": user.last_name, **spec.profile}
        )
    consent = ConsentVersion.objects.first()  # the latest, by Meta.ordering
    if consent is not None and user.consent_version_id is None:
        user.consent_version = consent
        user.consent_accepted_at = timezone.now()
        user.save(update_fields=["consent_version", "consent_accepted_at"])
    return user


def demo_site_ensure(*, created: Counter[str]) -> CourseIndexPage:
    """A HomePage as the default site's root (replacing Wagtail's welcome page) and the course index."""
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(
                title=HOME_TITLE,
                slug=HOME_SLUG,
                intro=HOME_INTRO,
                **_published_now(),
            )
        )
        created["páginas"] += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Semilla")
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = site.site_name or "Semilla"
        site.save()
        _welcome_page_delete(old_root)
    index = CourseIndexPage.objects.first()
    if index is None:
        index = home.add_child(
            instance=CourseIndexPage(
                title=COURSES_TITLE,
                slug=COURSES_SLUG,
                intro=COURSES_INTRO,
                **_published_now(),
            )
        )
        created["páginas"] += 1
    return index


def _welcome_page_delete(page: Page) -> None:
    """Delete Wagtail's default welcome page: a plain Page, childless and rooting no other site."""
    is_plain_page = page.specific_class is Page
    if (
        is_plain_page
        and page.depth == 2
        and not page.get_children().exists()
        and not Site.objects.filter(root_page=page).exists()
    ):
        page.delete()


def demo_course_ensure(
    *, index: CourseIndexPage, spec: CourseSpec, staff: list[User], created: Counter[str]
) -> CoursePage:
    """The course page, its question bank and quizzes, its modules and lessons; staff as its mentors."""
    course = CoursePage.objects.child_of(index).filter(slug=spec.slug).first()
    if course is None:
        course = index.add_child(
            instance=CoursePage(
                title=spec.title,
                slug=spec.slug,
                track=spec.track,
                summary=spec.summary,
                learning_outcomes="\n".join(spec.outcomes),
                estimated_hours=spec.hours,
                capacity=spec.capacity,
                image=demo_image_ensure(name=spec.image, created=created) if spec.image else None,
                **_published_now(),
            )
        )
        created["cursos"] += 1
    course = course.specific
    current = {user.pk for user in course.mentors.all()}
    missing = [user for user in staff if user.pk not in current]
    if missing:
        course.mentors.add(*missing)
        course.save(update_fields=["mentors"])  # commits the ParentalManyToMany, no new revision
    pre = demo_quiz_ensure(course=course, spec=spec.pre_test, created=created)
    post = demo_quiz_ensure(course=course, spec=spec.final_quiz, created=created)
    lessons = [lesson for module in spec.modules for lesson in module.lessons]
    for m, module_spec in enumerate(spec.modules):
        module = ModulePage.objects.child_of(course).filter(slug=module_spec.slug).first()
        if module is None:
            module = course.add_child(
                instance=ModulePage(
                    title=module_spec.title,
                    slug=module_spec.slug,
                    intro=module_spec.intro,
                    requires_previous=module_spec.requires_previous and m > 0,
                    **_published_now(),
                )
            )
            created["páginas"] += 1
        for lesson_spec in module_spec.lessons:
            body = list(lesson_spec.body)
            if lesson_spec is lessons[0]:
                body.insert(0, ("quiz", {"quiz": pre, "intro": spec.pre_test.intro}))
            if lesson_spec is lessons[-1]:
                body.append(("quiz", {"quiz": post, "intro": spec.final_quiz.intro}))
            _lesson_ensure(module=module, spec=lesson_spec, body=body, created=created)
    return course


def _lesson_ensure(*, module: ModulePage, spec: LessonSpec, body: list[Block], created: Counter[str]) -> None:
    if LessonPage.objects.child_of(module).filter(slug=spec.slug).exists():
        return
    body = [_image_resolve(block, created) for block in _with_photos(spec.slug, body)]
    module.add_child(
        instance=LessonPage(
            title=spec.title,
            slug=spec.slug,
            estimated_minutes=spec.minutes,
            body=body,
            **_published_now(),
        )
    )
    created["páginas"] += 1


def _with_photos(slug: str, body: list[Block]) -> list[Block]:
    """The lesson's photos (content.photos) after its first text block; their names start with "foto-"."""
    photos = [
        ("image", {"image": f"foto-{slug}-{n}", "alt": photo.alt, "caption": photo.caption})
        for n, photo in enumerate(LESSON_PHOTOS.get(slug, ()), start=1)
    ]
    at = next((i + 1 for i, (kind, _value) in enumerate(body) if kind == "text"), len(body))
    return body[:at] + photos + body[at:]


def _image_resolve(block: Block, created: Counter[str]) -> Block:
    kind, value = block
    if kind != "image":
        return block
    return kind, {**value, "image": demo_image_ensure(name=value["image"], created=created)}


def demo_quiz_ensure(*, course: CoursePage, spec: QuizSpec, created: Counter[str]) -> Quiz:
    """The quiz with its questions, in order. Questions shared by the pre-test and final quiz are one row."""
    quiz = Quiz.objects.filter(course=course, kind=spec.kind, title=spec.title).first()
    if quiz is not None:
        return quiz
    quiz = Quiz.objects.create(
        course=course, kind=spec.kind, title=spec.title, pass_mark=spec.pass_mark, max_attempts=spec.max_attempts
    )
    created["cuestionarios"] += 1
    for order, question_spec in enumerate(spec.questions):
        question = demo_question_ensure(course=course, spec=question_spec, created=created)
        QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=order)
    return quiz


def demo_question_ensure(*, course: CoursePage, spec: QuestionSpec, created: Counter[str]) -> Question:
    question = Question.objects.filter(course=course, prompt=spec.prompt).first()
    if question is not None:
        return question
    question = Question.objects.create(
        course=course,
        kind=spec.kind,
        prompt=spec.prompt,
        explanation=spec.explanation,
        accepted_answers="\n".join(spec.accepted),
        numeric_answer=spec.numeric,
        tolerance=spec.tolerance,
    )
    Choice.objects.bulk_create(
        [
            Choice(question=question, text=c.text, is_correct=c.correct, feedback=c.feedback, sort_order=i)
            for i, c in enumerate(spec.choices)
        ]
    )
    created["preguntas"] += 1
    return question


def demo_image_ensure(*, name: str, created: Counter[str]):
    """A generated demo image, keyed by its title: a lesson photo (1600x1000 JPEG, lms.demo.photos) for the
    names of content.photos, else a small PNG (a product photo placeholder)."""
    Image = get_image_model()
    title = f"Demo: {name}"
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    scene = _photo_scene(name)
    if scene:
        filename, data = f"demo-{name}.jpg", photo_jpeg_bytes(scene=scene, seed=name)
    else:
        filename, data = f"demo-{name}.png", _png_bytes(name)
    image = Image(title=title)
    image.file.save(filename, ImageFile(BytesIO(data), name=filename), save=False)
    image.save()
    created["imágenes"] += 1
    return image


def _photo_scene(name: str) -> str:
    """The scene of a lesson photo named "foto-<lesson slug>-<n>", or "" for another image."""
    slug, _sep, number = name.removeprefix("foto-").rpartition("-")
    if not name.startswith("foto-") or not number.isdigit():
        return ""
    photos = LESSON_PHOTOS.get(slug, ())
    return photos[int(number) - 1].scene if 0 < int(number) <= len(photos) else ""


def _png_bytes(name: str) -> bytes:
    """Draw a simple product photo: a jar on a table by a window, the way the lesson recommends."""
    from PIL import Image as PILImage
    from PIL import ImageDraw

    canvas = PILImage.new("RGB", (640, 480), (236, 232, 224))
    draw = ImageDraw.Draw(canvas)
    draw.rectangle((0, 330, 640, 480), fill=(170, 120, 80))  # wooden table
    draw.rectangle((440, 40, 600, 250), fill=(250, 250, 240), outline=(200, 200, 190), width=6)  # window
    draw.ellipse((230, 360, 410, 395), fill=(140, 95, 60))  # soft shadow
    draw.rounded_rectangle((250, 170, 390, 380), radius=24, fill=(196, 64, 44))  # jar of ají
    draw.rectangle((262, 140, 378, 178), fill=(60, 60, 60))  # lid
    draw.rectangle((270, 240, 370, 300), fill=(245, 240, 220))  # label
    buffer = BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _published_now() -> dict[str, object]:
    now = timezone.now()
    return {"live": True, "first_published_at": now, "last_published_at": now}


def demo_course_by_title(title: str) -> CoursePage | None:
    """A course of the demo, found by its title (the incubator demo requires one)."""
    return CoursePage.objects.filter(title=title).first()


def demo_course_passed_ensure(*, user: User, course: CoursePage, created: Counter[str]) -> None:
    """A demo learner took the course: completed, final evaluation passed (the incubator demo's applicants)."""
    now = timezone.now()
    enrolment, new = Enrolment.objects.get_or_create(
        user=user,
        course=course,
        defaults={"status": Enrolment.Status.ACTIVE, "source": "coordinación", "completed_at": now},
    )
    if new:
        created["inscripciones"] += 1
    final = Quiz.objects.filter(course=course, kind=Quiz.Kind.POST).first()
    if final is not None and not QuizAttempt.objects.filter(user=user, quiz=final).exists():
        QuizAttempt.objects.create(
            user=user,
            quiz=final,
            number=1,
            status=QuizAttempt.Status.SUBMITTED,
            score=Decimal("85.00"),
            passed=True,
            submitted_at=now,
        )

"""Reads of the courses app: catalogue, outline, progress, access. Query counts do not grow with lessons."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, F, Q
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from cms.accounts.roles import Role, has_role
from cms.page_cache import TREE_CACHE_SECONDS, tree_version
from lms.courses.models import CourseIndexPage, CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage


@dataclass
class LessonItem:
    lesson: Page  # a plain Page annotated with estimated_minutes
    module_id: int
    done: bool = False

    @property
    def id(self) -> int:
        return self.lesson.id


@dataclass
class ModuleProgress:
    module: Page  # a plain Page annotated with requires_previous
    lessons: list[LessonItem] = field(default_factory=list)
    locked: bool = False
    locked_reason: str = ""

    @property
    def total(self) -> int:
        return len(self.lessons)

    @property
    def done(self) -> int:
        return sum(1 for item in self.lessons if item.done)

    @property
    def complete(self) -> bool:
        return self.done == self.total

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


@dataclass
class CourseProgress:
    course: CoursePage
    enrolment: Enrolment | None
    modules: list[ModuleProgress]
    continue_lesson: LessonItem | None = None

    @property
    def lessons(self) -> list[LessonItem]:
        return [item for module in self.modules for item in module.lessons]

    @property
    def total(self) -> int:
        return sum(m.total for m in self.modules)

    @property
    def done(self) -> int:
        return sum(m.done for m in self.modules)

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_active(self) -> bool:
        return self.enrolment is not None and self.enrolment.status == Enrolment.Status.ACTIVE

    def module_for(self, lesson_id: int) -> ModuleProgress | None:
        return next((m for m in self.modules if any(i.id == lesson_id for i in m.lessons)), None)

    def neighbours(self, lesson_id: int) -> tuple[LessonItem | None, LessonItem | None]:
        """The previous and next lesson in course order (across modules)."""
        items = self.lessons
        index = next((n for n, item in enumerate(items) if item.id == lesson_id), None)
        if index is None:
            return None, None
        return (items[index - 1] if index > 0 else None), (items[index + 1] if index + 1 < len(items) else None)


def course_of(page) -> CoursePage:
    """The course above a module or lesson page (itself for a course): one query, found by tree path."""
    if isinstance(page, CoursePage):
        return page
    levels_up = 1 if isinstance(page, ModulePage) else 2
    path = page.path[: len(page.path) - levels_up * page.steplen]
    return CoursePage.objects.get(path=path)


# The kind of a pre-test quiz (lms.quizzes' Quiz.Kind.PRE). Written out because courses sits below
# quizzes in the app tree and must not import it.
PRE_TEST_KIND = "pre"


def lesson_completion_rule(*, lesson: LessonPage) -> str:
    """How a lesson with a quiz is completed, in words for the learner ("" for a lesson without a quiz).

    A pre-test completes its lesson once it is sent, whatever the score (lms.quizzes.services); any other
    quiz only when passed. No extra query when the page then renders its body (the blocks are cached).
    """
    # Only the quiz blocks are converted (by index): iterating the body would convert (and sanitize) every text
    # block too, which the lesson page then takes from the cache (lms/courses/templatetags/lesson_body.py).
    body = lesson.body
    indexes = [n for n, raw in enumerate(body.raw_data) if raw.get("type") == "quiz"]
    quizzes = [body[n].value.get("quiz") for n in indexes]
    if not quizzes:
        return ""
    if any(getattr(quiz, "kind", None) == PRE_TEST_KIND for quiz in quizzes):
        return _(
            "Esta lección se completa al enviar la prueba de entrada. No importa la nota: "
            "solo sirve para saber qué sabes ya."
        )
    return _("Esta lección se completa al aprobar su cuestionario.")


def catalogue_for(*, index: CourseIndexPage) -> list[CoursePage]:
    """Live courses of the catalogue with their image renditions and free seats (`seats_left`, None = no limit)."""
    courses = list(
        CoursePage.objects.live()
        .child_of(index)
        .order_by("path")
        .select_related("image")
        .prefetch_related("image__renditions")
        .annotate(active_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ACTIVE)))
    )
    for course in courses:
        course.seats_left = None if course.capacity is None else max(course.capacity - course.active_count, 0)
    return courses


# The outline (course, modules, lessons) is the same for everyone: it is cached under the page tree's version
# (cms.page_cache: any page saved, deleted, published or moved changes it), and only what the person
# completed is read per request.
def _outline_rows(*, course_path: str, course_depth: int) -> list[Page]:
    """The live course row, modules and lessons in tree order, annotated with the fields the pages show."""
    key = f"courses:outline:{tree_version()}:{course_path}:{course_depth}"
    rows = cache.get(key)
    if rows is None:
        rows = list(
            Page.objects.live()
            .filter(path__startswith=course_path, depth__lte=course_depth + 2)
            .annotate(
                requires_previous=F("modulepage__requires_previous"),
                estimated_minutes=F("lessonpage__estimated_minutes"),
            )
            .order_by("path")
        )
        cache.set(key, rows, TREE_CACHE_SECONDS)
    return rows


def _outline(*, user, course_path: str, course_depth: int) -> tuple[Page | None, list[ModuleProgress]]:
    """The course row, its live modules and lessons, and what the person completed.

    The outline comes from the cache (one query when it is cold); the person's completions are one query.
    Rows are plain Pages annotated with the few specific fields the pages show, so the count never
    grows with the number of lessons.
    """
    rows = _outline_rows(course_path=course_path, course_depth=course_depth)
    course = next((row for row in rows if row.depth == course_depth), None)
    lesson_ids = [row.id for row in rows if row.depth == course_depth + 2]
    done: set[int] = set()
    if lesson_ids and user is not None and user.is_authenticated:
        done = set(
            LessonCompletion.objects.filter(user=user, lesson_id__in=lesson_ids).values_list("lesson_id", flat=True)
        )
    by_path = {}
    for row in rows:
        if row.depth == course_depth + 1:
            by_path[row.path] = ModuleProgress(module=row)
        elif row.depth == course_depth + 2:
            module = by_path.get(row.path[: -row.steplen])
            if module is not None:
                module.lessons.append(LessonItem(lesson=row, module_id=module.module.id, done=row.id in done))
    return course, list(by_path.values())


def course_outline(*, course: CoursePage) -> list[ModuleProgress]:
    """Live modules and lessons of a course in tree order (one query, whatever the size)."""
    return _outline(user=None, course_path=course.path, course_depth=course.depth)[1]


def _apply_locks(modules: list[ModuleProgress]) -> None:
    previous = None
    for module in modules:
        if module.module.requires_previous and previous is not None and (previous.locked or not previous.complete):
            module.locked = True
            module.locked_reason = _("Completa primero el módulo «%(module)s».") % {"module": previous.module.title}
        previous = module


def _continue_lesson(progress: CourseProgress) -> LessonItem | None:
    items = [item for m in progress.modules if not m.locked for item in m.lessons]
    last_id = progress.enrolment.last_lesson_id if progress.enrolment else None
    index = next((n for n, item in enumerate(items) if item.id == last_id), None)
    if index is not None:
        if not items[index].done:
            return items[index]
        after = next((item for item in items[index + 1 :] if not item.done), None)
        if after is not None:
            return after
    return next((item for item in items if not item.done), None)


def _progress(*, course, modules: list[ModuleProgress], enrolment: Enrolment | None) -> CourseProgress:
    _apply_locks(modules)
    progress = CourseProgress(course=course, enrolment=enrolment, modules=modules)
    progress.continue_lesson = _continue_lesson(progress)
    return progress


def _enrolment_of(user, course_id: int) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(user=user, course_id=course_id).first()


def course_progress_for(*, user, course: CoursePage) -> CourseProgress:
    """Per-module and course progress of one person, locks with their reason, and where to continue.

    Two queries whatever the size of the course: the outline (with completions) and the enrolment.
    """
    _row, modules = _outline(user=user, course_path=course.path, course_depth=course.depth)
    return _progress(course=course, modules=modules, enrolment=_enrolment_of(user, course.pk))


def lesson_progress_for(*, user, lesson) -> CourseProgress:
    """Progress of the course above a lesson or module, found by tree path (no query for the course).

    progress.course is then a plain Page (title, url, pk): enough for the lesson and module pages.
    """
    levels_up = 1 if isinstance(lesson, ModulePage) else 2
    course_path = lesson.path[: len(lesson.path) - levels_up * lesson.steplen]
    course, modules = _outline(user=user, course_path=course_path, course_depth=lesson.depth - levels_up)
    if course is None:  # the course was unpublished: nothing to show
        raise CoursePage.DoesNotExist
    return _progress(course=course, modules=modules, enrolment=_enrolment_of(user, course.pk))


def waitlist_position(*, enrolment: Enrolment) -> int | None:
    """1-based place in the course's waitlist, or None when not waitlisted."""
    if enrolment.status != Enrolment.Status.WAITLISTED:
        return None
    ahead = (
        Enrolment.objects.filter(course_id=enrolment.course_id, status=Enrolment.Status.WAITLISTED)
        .filter(Q(queued_at__lt=enrolment.queued_at) | Q(queued_at=enrolment.queued_at, id__lt=enrolment.id))
        .count()
    )
    return ahead + 1


def seats_left(*, course: CoursePage) -> int | None:
    """Free seats, or None when the course has no limit."""
    if course.capacity is None:
        return None
    taken = Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE).count()
    return max(course.capacity - taken, 0)


def can_preview(*, user, course: CoursePage) -> bool:
    """Mentors of this course, coordinators and admins read lessons without enrolling."""
    if not user.is_authenticated:
        return False
    if has_role(user, Role.COORDINATOR, Role.ADMIN):
        return True
    return has_role(user, Role.MENTOR) and user.taught_courses.filter(pk=course.pk).exists()


@dataclass
class MyCourse:
    enrolment: Enrolment
    done: int
    total: int
    position: int | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def my_courses_for(*, user, with_positions: bool = True) -> list[MyCourse]:
    """The person's enrolments that are not cancelled, with their progress (three queries, plus one per
    waitlisted course for its place in line unless `with_positions` is False)."""
    enrolments = list(
        Enrolment.objects.filter(user=user)
        .exclude(status=Enrolment.Status.CANCELLED)
        .select_related("course", "last_lesson")
        .order_by("-updated_at")
    )
    if not enrolments:
        return []
    paths = Q()
    for e in enrolments:
        paths |= Q(path__startswith=e.course.path)
    lesson_paths = LessonPage.objects.live().filter(paths).values_list("path", flat=True)
    totals: dict[int, int] = {}
    for path in lesson_paths:
        for e in enrolments:
            if path.startswith(e.course.path):
                totals[e.course_id] = totals.get(e.course_id, 0) + 1
    done = dict(
        LessonCompletion.objects.filter(user=user, course_id__in=[e.course_id for e in enrolments], lesson__live=True)
        .values("course_id")
        .annotate(n=Count("id"))
        .values_list("course_id", "n")
    )
    return [
        MyCourse(
            enrolment=e,
            done=done.get(e.course_id, 0),
            total=totals.get(e.course_id, 0),
            position=waitlist_position(enrolment=e) if with_positions else None,
        )
        for e in enrolments
    ]


def view_restrictions_of(page: Page):
    """Wagtail privacy settings above a course page in one query (ancestors known from the path)."""
    paths = [page.path[:n] for n in range(page.steplen, len(page.path) + 1, page.steplen)]
    return PageViewRestriction.objects.filter(page__path__in=paths)


def courses_linking_document(*, document) -> list[int]:
    """Ids of the courses with a live lesson that links the document (Wagtail's reference index: two queries)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    lesson_ids = [
        int(pk)
        for pk in ReferenceIndex.get_references_to(document)
        .filter(content_type=ContentType.objects.get_for_model(LessonPage))
        .values_list("object_id", flat=True)
        .distinct()
        if str(pk).isdigit()
    ]
    if not lesson_ids:
        return []
    lessons = LessonPage.objects.live().filter(pk__in=lesson_ids).values_list("path", "depth")
    course_paths = {path[: len(path) - 2 * LessonPage.steplen] for path, _depth in lessons}
    return list(CoursePage.objects.live().filter(path__in=course_paths).values_list("pk", flat=True))


def may_read_linked_document(*, user, document) -> bool:
    """True when the document is linked from a live lesson the person may read: an active learner of its
    course, or someone who may preview it (its mentors, coordination, administration)."""
    if not user.is_authenticated:
        return False
    course_ids = courses_linking_document(document=document)
    if not course_ids:
        return False
    if Enrolment.objects.filter(user=user, course_id__in=course_ids, status=Enrolment.Status.ACTIVE).exists():
        return True
    return any(can_preview(user=user, course=course) for course in CoursePage.objects.filter(pk__in=course_ids))


def learner_ids_taught_by(*, user):
    """Ids of the people with an active enrolment in a course `user` mentors (a subquery, not a list)."""
    return Enrolment.objects.filter(course__mentors=user, status=Enrolment.Status.ACTIVE).values("user_id")


def courses_completed_by(*, user, course_ids: list[int]) -> set[int]:
    """Which of these courses the learner has completed: one query."""
    return set(
        Enrolment.objects.filter(user=user, course_id__in=course_ids, completed_at__isnull=False).values_list(
            "course_id", flat=True
        )
    )


def users_completed_all(*, course_ids: list[int]):
    """Ids of the people who completed every one of these courses (a subquery, not a list)."""
    return (
        Enrolment.objects.filter(course_id__in=course_ids, completed_at__isnull=False)
        .values("user_id")
        .annotate(done=Count("course_id", distinct=True))
        .filter(done=len(set(course_ids)))
        .values("user_id")
    )

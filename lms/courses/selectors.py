"""Reads of the courses app: catalogue, outline, progress, access. Query counts do not grow with lessons."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from cms.accounts.roles import Role, has_role
from lms.courses.models import CourseIndexPage, CoursePage, Enrolment, LessonCompletion, LessonPage, ModulePage


@dataclass
class LessonItem:
    lesson: LessonPage
    module_id: int
    done: bool = False

    @property
    def id(self) -> int:
        return self.lesson.id


@dataclass
class ModuleProgress:
    module: ModulePage
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
    """The course above a module or lesson page: one query, found by tree path."""
    if isinstance(page, CoursePage):
        return page
    levels_up = 1 if isinstance(page, ModulePage) else 2
    path = page.path[: len(page.path) - levels_up * page.steplen]
    return CoursePage.objects.get(path=path)


def catalogue_for(*, index: CourseIndexPage) -> list[CoursePage]:
    """Live courses of the catalogue with their image renditions and free seats (`seats_left`, None = no limit)."""
    courses = list(
        CoursePage.objects.live().child_of(index).order_by("path")
        .select_related("image").prefetch_related("image__renditions")
        .annotate(active_count=Count("enrolments", filter=Q(enrolments__status=Enrolment.Status.ACTIVE)))
    )
    for course in courses:
        course.seats_left = None if course.capacity is None else max(course.capacity - course.active_count, 0)
    return courses


def course_outline(*, course: CoursePage) -> list[ModuleProgress]:
    """Live modules and lessons of a course in tree order (two queries, whatever the size)."""
    modules = list(ModulePage.objects.live().child_of(course).order_by("path"))
    by_path = {m.path: ModuleProgress(module=m) for m in modules}
    lessons = LessonPage.objects.live().descendant_of(course).order_by("path").defer("body")
    for lesson in lessons:
        module = by_path.get(lesson.path[: -lesson.steplen])
        if module is not None:
            module.lessons.append(LessonItem(lesson=lesson, module_id=module.module.id))
    return list(by_path.values())


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
        after = next((item for item in items[index + 1:] if not item.done), None)
        if after is not None:
            return after
    return next((item for item in items if not item.done), None)


def course_progress_for(*, user, course: CoursePage, enrolment: Enrolment | None | bool = False) -> CourseProgress:
    """Per-module and course progress of one person, locks with their reason, and where to continue.

    Four queries: modules, lessons, completions, enrolment (skipped when `enrolment` is passed).
    """
    modules = course_outline(course=course)
    done: set[int] = set()
    if user.is_authenticated:
        done = set(LessonCompletion.objects.filter(user=user, course=course).values_list("lesson_id", flat=True))
        if enrolment is False:
            enrolment = Enrolment.objects.filter(user=user, course=course).first()
    if enrolment is False:
        enrolment = None
    for module in modules:
        for item in module.lessons:
            item.done = item.id in done
    _apply_locks(modules)
    progress = CourseProgress(course=course, enrolment=enrolment, modules=modules)
    progress.continue_lesson = _continue_lesson(progress)
    return progress


def waitlist_position(*, enrolment: Enrolment) -> int | None:
    """1-based place in the course's waitlist, or None when not waitlisted."""
    if enrolment.status != Enrolment.Status.WAITLISTED:
        return None
    ahead = Enrolment.objects.filter(course_id=enrolment.course_id, status=Enrolment.Status.WAITLISTED).filter(
        Q(queued_at__lt=enrolment.queued_at) | Q(queued_at=enrolment.queued_at, id__lt=enrolment.id)
    ).count()
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
    return has_role(user, Role.MENTOR) and course.mentors.filter(pk=user.pk).exists()


@dataclass
class MyCourse:
    enrolment: Enrolment
    done: int
    total: int
    position: int | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def my_courses_for(*, user) -> list[MyCourse]:
    """The person's enrolments that are not cancelled, with their progress (three queries + waitlisted)."""
    enrolments = list(
        Enrolment.objects.filter(user=user).exclude(status=Enrolment.Status.CANCELLED)
        .select_related("course", "last_lesson").order_by("-updated_at")
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
        .values("course_id").annotate(n=Count("id")).values_list("course_id", "n")
    )
    return [
        MyCourse(enrolment=e, done=done.get(e.course_id, 0), total=totals.get(e.course_id, 0),
                 position=waitlist_position(enrolment=e))
        for e in enrolments
    ]

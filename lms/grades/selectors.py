"""Reads of the gradebook: one learner's grades, a whole course's matrix, who may see them."""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from cms.accounts.roles import Role, has_role
from lms.courses.models import CoursePage, Enrolment
from lms.grades.models import Grade, GradeItem

TWO_PLACES = Decimal("0.01")


@dataclass
class GradebookLine:
    item: GradeItem
    score: Decimal | None


@dataclass
class LearnerGradebook:
    """Totals are percentages. `total_graded` weighs only items with a grade; `total_all` counts
    missing grades as 0 over every item. Both are None when nothing can be computed."""

    lines: list[GradebookLine]
    total_graded: Decimal | None
    total_all: Decimal | None


@dataclass
class CourseGradebookRow:
    user: object
    scores: list[Decimal | None]
    total_graded: Decimal | None
    total_all: Decimal | None


@dataclass
class CourseGradebook:
    items: list[GradeItem]
    rows: list[CourseGradebookRow] = field(default_factory=list)


def weighted_totals(items: list[GradeItem], scores: list[Decimal | None]) -> tuple[Decimal | None, Decimal | None]:
    """(total over graded items, total over all items), each a weighted mean rounded to 0.01."""
    graded = [(item.weight, score) for item, score in zip(items, scores, strict=True) if score is not None]
    earned = sum((weight * score for weight, score in graded), Decimal(0))
    graded_weight = sum((weight for weight, _score in graded), Decimal(0))
    all_weight = sum((item.weight for item in items), Decimal(0))
    total_graded = (earned / graded_weight).quantize(TWO_PLACES, ROUND_HALF_UP) if graded_weight else None
    total_all = (earned / all_weight).quantize(TWO_PLACES, ROUND_HALF_UP) if all_weight else None
    return total_graded, total_all


def gradebook_for_learner(*, user, course: CoursePage) -> LearnerGradebook:
    """One learner's grade per item of the course, and their weighted totals (2 queries)."""
    items = list(GradeItem.objects.filter(course=course))
    by_item = dict(Grade.objects.filter(user=user, item__course=course).values_list("item_id", "score"))
    scores = [by_item.get(item.pk) for item in items]
    total_graded, total_all = weighted_totals(items, scores)
    lines = [GradebookLine(item=item, score=score) for item, score in zip(items, scores, strict=True)]
    return LearnerGradebook(lines=lines, total_graded=total_graded, total_all=total_all)


def gradebook_for_course(*, course: CoursePage) -> CourseGradebook:
    """Matrix of enrolled learners x grade items with totals. Three queries whatever the size."""
    items = list(GradeItem.objects.filter(course=course))
    enrolments = (
        Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__username")
    )
    scores: dict[tuple[int, int], Decimal] = {
        (user_id, item_id): score
        for user_id, item_id, score in Grade.objects.filter(item__course=course).values_list(
            "user_id", "item_id", "score"
        )
    }
    book = CourseGradebook(items=items)
    for enrolment in enrolments:
        row_scores = [scores.get((enrolment.user_id, item.pk)) for item in items]
        total_graded, total_all = weighted_totals(items, row_scores)
        book.rows.append(
            CourseGradebookRow(
                user=enrolment.user,
                scores=row_scores,
                total_graded=total_graded,
                total_all=total_all,
            )
        )
    return book


def courses_graded_for(*, user) -> list[CoursePage]:
    """The courses where the learner is enrolled (active, completed included), for her grades: one query."""
    return [
        e.course
        for e in Enrolment.objects.filter(user=user, status=Enrolment.Status.ACTIVE)
        .select_related("course")
        .order_by("course__path")
    ]


def gradebook_courses_for(*, user) -> list[CoursePage]:
    """The courses whose gradebook this person may open (see can_see_course_grades): one query."""
    if has_role(user, Role.COORDINATOR, Role.ADMIN):
        courses = CoursePage.objects.all()
    else:
        courses = CoursePage.objects.filter(mentors=user)
    return list(courses.live().order_by("path"))


def can_see_course_grades(*, user, course: CoursePage) -> bool:
    """Coordinators and admins see every course; a mentor only the courses they are listed on."""
    if not getattr(user, "is_authenticated", False):
        return False
    if has_role(user, Role.COORDINATOR, Role.ADMIN):
        return True
    return course.mentors.filter(pk=user.pk).exists()


_knowledge_gain = {}


def knowledge_gain_register(reader) -> None:
    """The quizzes app offers its pre/post knowledge gain of a course (reader(course)) to the gradebook."""
    _knowledge_gain["reader"] = reader


def knowledge_gain_reader():
    return _knowledge_gain.get("reader")

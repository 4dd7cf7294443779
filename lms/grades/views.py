from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from lms.courses.models import CoursePage
from lms.grades.selectors import (
    can_see_course_grades,
    gradebook_for_course,
    gradebook_for_learner,
    knowledge_gain_reader,
)
from lms.grades.tasks import gradebook_csv_job


def _knowledge_gain(course: CoursePage):
    """The quizzes app's pre/post gain for the course, when that app registered it (quizzes builds on grades,
    so grades does not import it: lms/quizzes/apps.py)."""
    reader = knowledge_gain_reader()
    return reader(course) if reader is not None else None


@login_required
def learner_gradebook(request, course_id: int):
    """The signed-in learner's own grades in a course; nobody else's can be asked for here."""
    course = get_object_or_404(CoursePage, pk=course_id)
    book = gradebook_for_learner(user=request.user, course=course)
    return render(request, "grades/learner.html", {"course": course, "book": book})


def _staff_course(request, course_id: int) -> CoursePage:
    course = get_object_or_404(CoursePage, pk=course_id)
    if not can_see_course_grades(user=request.user, course=course):
        raise PermissionDenied
    return course


@login_required
def course_gradebook(request, course_id: int):
    """Every learner's grades in a course, for its mentors, coordination and admins."""
    course = _staff_course(request, course_id)
    book = gradebook_for_course(course=course)
    return render(
        request,
        "grades/course.html",
        {
            "course": course,
            "book": book,
            "gain": _knowledge_gain(course),
        },
    )


@login_required
def course_gradebook_csv(request, course_id: int):
    """The same gradebook as a CSV file for Excel, made by a background job: this sends to its progress page."""
    course = _staff_course(request, course_id)
    return redirect("jobs:status", job_id=gradebook_csv_job(course=course, user=request.user).pk)

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from lms.courses.models import CoursePage, Enrolment
from lms.surveys.forms import SatisfactionForm
from lms.surveys.models import SatisfactionResponse
from lms.surveys.services import AlreadyAnswered, CourseNotCompleted, satisfaction_response_submit


@login_required
def course_survey(request, course_id: int):
    """One-page end-of-course survey; only for learners who completed the course, one answer each."""
    course = get_object_or_404(CoursePage, pk=course_id)
    if not Enrolment.objects.filter(user=request.user, course=course, completed_at__isnull=False).exists():
        raise PermissionDenied
    if SatisfactionResponse.objects.filter(user=request.user, course=course).exists():
        return render(request, "surveys/thanks.html", {"course": course})
    form = SatisfactionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            satisfaction_response_submit(user=request.user, course=course, **form.cleaned_data)
        except (AlreadyAnswered, CourseNotCompleted):
            pass  # the page below says "ya respondiste" either way after the redirect
        return redirect("surveys:course", course_id=course.pk)
    return render(request, "surveys/survey.html", {"course": course, "form": form})

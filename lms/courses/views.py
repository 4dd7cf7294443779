"""Views of the courses app: Wagtail page serving (called from the page models' serve) and small POSTs."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from lms.courses import selectors, services
from lms.courses.models import CourseIndexPage, CoursePage, Enrolment, LessonPage
from lms.courses.module_panels import module_panels_render


def _progress_above(request, page) -> selectors.CourseProgress:
    try:
        return selectors.lesson_progress_for(user=request.user, lesson=page)
    except CoursePage.DoesNotExist:
        raise Http404 from None


def course_page_serve(request, course: CoursePage):
    """Course page: what it teaches, modules with progress, and the enrol / continue / waitlist action."""
    progress = selectors.course_progress_for(user=request.user, course=course)
    enrolment = progress.enrolment
    context = course.get_context(request)
    context.update(
        progress=progress,
        enrolment=enrolment,
        position=selectors.waitlist_position(enrolment=enrolment) if enrolment else None,
        seats_left=selectors.seats_left(course=course),
        can_preview=not progress.is_active and selectors.can_preview(user=request.user, course=course),
    )
    return TemplateResponse(request, "courses/course_page.html", context)


def module_page_serve(request, module):
    """Module page: its lessons with what is done, or why it is locked."""
    progress = _progress_above(request, module)
    course = progress.course
    current = next((m for m in progress.modules if m.module.id == module.id), None)
    context = module.get_context(request)
    context.update(
        course=course,
        progress=progress,
        module_progress=current,
        panels=module_panels_render(request=request, module=module, progress=progress),
    )
    return TemplateResponse(request, "courses/module_page.html", context)


def lesson_page_serve(request, lesson: LessonPage):
    """Lesson page: only for active learners of the course, and for its mentors, coordinators, admins."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    progress = _progress_above(request, lesson)
    course, enrolment, active = progress.course, progress.enrolment, progress.is_active
    preview = not active and selectors.can_preview(user=request.user, course=course)
    if not active and not preview:
        messages.info(request, _("Inscríbete en el curso para ver sus lecciones."))
        return redirect(course.get_url(request))
    module = progress.module_for(lesson.id)
    locked = bool(module and module.locked and not preview)
    if active and not locked:
        services.enrolment_last_lesson_set(enrolment=enrolment, lesson=lesson)
    previous, following = progress.neighbours(lesson.id)
    done = any(item.id == lesson.id and item.done for item in progress.lessons)
    context = lesson.get_context(request)
    context.update(
        course=course,
        progress=progress,
        module_progress=module,
        locked=locked,
        preview=preview,
        previous=previous,
        next=following,
        done=done,
        has_quiz=lesson.has_quiz,
        completion_rule=selectors.lesson_completion_rule(lesson=lesson) if lesson.has_quiz else "",
    )
    return TemplateResponse(request, "courses/lesson_page.html", context)


@login_required
def my_courses(request):
    """Mis cursos: the person's own enrolments (no user id in the URL: nobody sees another's list)."""
    items = selectors.my_courses_for(user=request.user)
    catalogue = None if items else CourseIndexPage.objects.live().first()
    return TemplateResponse(request, "courses/my_courses.html", {"items": items, "catalogue": catalogue})


@require_POST
@login_required
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    enrolment = services.enrolment_create(user=request.user, course=course)
    if enrolment.status == Enrolment.Status.WAITLISTED:
        messages.warning(
            request,
            _("El curso está lleno. Quedaste en la lista de espera, puesto %(position)s.")
            % {"position": selectors.waitlist_position(enrolment=enrolment)},
        )
    else:
        messages.success(request, _("Te inscribiste en el curso. Ya puedes empezar."))
    return redirect(course.get_url(request))


@require_POST
@login_required
def cancel(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    enrolment = (
        Enrolment.objects.filter(user=request.user, course=course).exclude(status=Enrolment.Status.CANCELLED).first()
    )
    if enrolment is None:
        raise Http404
    services.enrolment_cancel(enrolment=enrolment, actor=request.user)
    messages.success(request, _("Cancelaste tu inscripción. Puedes volver a inscribirte cuando quieras."))
    return redirect(course.get_url(request))


@require_POST
@login_required
def complete(request, lesson_id: int):
    """The "Marcar como completada" button. Lessons with a quiz complete only by passing it."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    progress = _progress_above(request, lesson)
    if not progress.is_active:
        raise Http404
    course = progress.course
    module = progress.module_for(lesson.id)
    if lesson.has_quiz or (module and module.locked):
        messages.error(
            request, selectors.lesson_completion_rule(lesson=lesson) if lesson.has_quiz else module.locked_reason
        )
        return redirect(lesson.get_url(request))
    services.lesson_complete(user=request.user, lesson=lesson)
    messages.success(request, _("¡Lección completada!"))
    _previous, following = progress.neighbours(lesson.id)
    return redirect(following.lesson.get_url(request) if following else course.get_url(request))

"""Learner pages of a quiz: summary, start, the attempt form (save or submit) and the result."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from lms.courses.models import LessonPage
from lms.quizzes.forms import AttemptForm, answers_from_data
from lms.quizzes.models import Quiz, QuizAttempt
from lms.quizzes.selectors import attempt_review, quiz_questions, quiz_summary_for
from lms.quizzes.services import (
    AttemptClosed,
    InvalidAnswers,
    QuizError,
    quiz_attempt_save,
    quiz_attempt_start,
    quiz_attempt_submit,
)


def _own_attempt(request: HttpRequest, attempt_id: int) -> QuizAttempt:
    # Filtering by the user makes someone else's attempt a 404: its existence is not revealed either.
    return get_object_or_404(QuizAttempt.objects.select_related("quiz", "lesson"), pk=attempt_id, user=request.user)


@login_required
def quiz_detail(request: HttpRequest, quiz_id: int) -> HttpResponse:
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id)
    summary = quiz_summary_for(user=request.user, quiz=quiz)
    return render(request, "quizzes/quiz_detail.html", {"summary": summary, "quiz": quiz})


@login_required
@require_POST
def quiz_start(request: HttpRequest, quiz_id: int, lesson_id: int | None = None) -> HttpResponse:
    quiz = get_object_or_404(Quiz.objects.select_related("course"), pk=quiz_id)
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id) if lesson_id else None
    try:
        attempt = quiz_attempt_start(user=request.user, quiz=quiz, lesson=lesson)
    except QuizError as error:
        return render(request, "quizzes/blocked.html", {"quiz": quiz, "message": error.message}, status=403)
    return redirect("quizzes:attempt", attempt_id=attempt.id)


@login_required
@require_http_methods(["GET", "POST"])
def attempt_take(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if not attempt.is_open:
        return redirect("quizzes:result", attempt_id=attempt.id)
    questions = quiz_questions(quiz=attempt.quiz)
    if request.method == "GET":
        form = AttemptForm(questions=questions, initial=AttemptForm.initial_from_draft(questions, attempt.draft))
        return _render_attempt(request, attempt, form)
    answers = answers_from_data(questions, request.POST)
    form = AttemptForm(request.POST, questions=questions)
    try:
        if request.POST.get("accion") != "enviar":
            quiz_attempt_save(attempt=attempt, answers=answers)
            messages.success(request, _("Guardamos tus respuestas. Puedes seguir después."))
            return redirect("quizzes:attempt", attempt_id=attempt.id)
        if not form.is_valid():
            quiz_attempt_save(attempt=attempt, answers=answers)
            return _render_attempt(request, attempt, form, status=400)
        quiz_attempt_submit(attempt=attempt, answers=answers)
    except AttemptClosed as error:
        messages.warning(request, error.message)
    except InvalidAnswers as error:
        for question_id, message in error.errors.items():
            form.add_error(f"q{question_id}", message)
        return _render_attempt(request, attempt, form, status=400)
    return redirect("quizzes:result", attempt_id=attempt.id)


def _render_attempt(request, attempt, form, status=200):
    return render(
        request, "quizzes/attempt.html", {"attempt": attempt, "quiz": attempt.quiz, "form": form}, status=status
    )


@login_required
@require_POST
def attempt_autosave(request: HttpRequest, attempt_id: int) -> JsonResponse:
    """The optional script's autosave: same draft as "Guardar y seguir después", answered in JSON."""
    attempt = _own_attempt(request, attempt_id)
    questions = quiz_questions(quiz=attempt.quiz)
    try:
        quiz_attempt_save(attempt=attempt, answers=answers_from_data(questions, request.POST))
    except AttemptClosed as error:
        return JsonResponse({"ok": False, "message": str(error.message)}, status=409)
    return JsonResponse({"ok": True, "message": _("Respuestas guardadas.")})


@login_required
def attempt_result(request: HttpRequest, attempt_id: int) -> HttpResponse:
    attempt = _own_attempt(request, attempt_id)
    if attempt.is_open:
        return redirect("quizzes:attempt", attempt_id=attempt.id)
    summary = quiz_summary_for(user=request.user, quiz=attempt.quiz)
    return render(
        request,
        "quizzes/result.html",
        {
            "attempt": attempt,
            "quiz": attempt.quiz,
            "summary": summary,
            "items": attempt_review(attempt=attempt),
        },
    )

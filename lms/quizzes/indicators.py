"""What lms.quizzes registers: % who improved their knowledge (paired entry and final tests)."""

from __future__ import annotations

from django.db.models import F, Max, Q
from django.utils.translation import gettext_lazy as _

from cms.indicators.definitions import PEOPLE_SPLITS
from cms.indicators.registry import Indicator, Period, Unit, people_of_users, register_indicator
from lms.quizzes.models import Quiz, QuizAttempt


def _paired(period: Period):
    """Per account and course: best entry-test score, best final-test score submitted in the period."""
    submitted = QuizAttempt.objects.filter(status=QuizAttempt.Status.SUBMITTED, score__isnull=False)
    in_period = Q(submitted_at__gte=period.start_at, submitted_at__lt=period.end_before)
    return (
        submitted.order_by()
        .values("user_id", "quiz__course_id")
        .annotate(
            pre=Max("score", filter=Q(quiz__kind=Quiz.Kind.PRE)),
            post=Max("score", filter=Q(quiz__kind=Quiz.Kind.POST) & in_period),
        )
        .filter(pre__isnull=False, post__isnull=False)
    )


def tested_users(period: Period):
    return _paired(period).values_list("user_id", flat=True)


def improved_users(period: Period):
    """Accounts whose final test beat their entry test in a course (for 1.2a too)."""
    return _paired(period).filter(post__gt=F("pre")).values_list("user_id", flat=True)


def register() -> None:
    register_indicator(
        Indicator(
            code="P.1",
            name=_("% que mejoró sus conocimientos"),
            unit=Unit.PERCENT,
            numerator=lambda period: people_of_users(improved_users(period)),
            denominator=lambda period: people_of_users(tested_users(period)),
            disaggregations=PEOPLE_SPLITS,
            source=_("De quienes dieron la prueba de entrada y la evaluación final, cuántos subieron su nota."),
            changes=(("1", _("Mejor nota final del periodo contra mejor nota de entrada, por curso.")),),
            order=100,
        )
    )

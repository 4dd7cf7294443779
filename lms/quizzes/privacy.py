"""Personal data held by quizzes: her attempts and answers."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data.registry import Redact, by_user, declare, framework
from lms.quizzes.models import AttemptAnswer, Choice, Question, Quiz, QuizAttempt, QuizQuestion

SECTION = _("Cuestionarios y notas")

declare(
    QuizAttempt,
    section=SECTION,
    title=_("Intentos de cuestionarios"),
    rows=by_user("user"),
    export=("quiz__title", "number", "status", "score", "passed", "started_at", "submitted_at"),
    erase=Redact("draft"),
)
declare(
    AttemptAnswer,
    section=SECTION,
    title=_("Tus respuestas"),
    rows=by_user("attempt__user"),
    export=("attempt__quiz__title", "question__prompt", "response", "is_correct", "points"),
    erase=Redact("response"),
)
for model in (Question, Choice, Quiz, QuizQuestion):
    framework(model._meta.label, _("Contenido del curso; no tiene datos de nadie."))

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from lms.quizzes.validators import question_errors


class Question(ClusterableModel):
    """One question of a course's bank. Answers never reach the page: grading is on the server."""

    class Kind(models.TextChoices):
        SINGLE = "unica", _("Una respuesta")
        MULTIPLE = "multiple", _("Varias respuestas")
        TRUE_FALSE = "vf", _("Verdadero o falso")
        SHORT = "corta", _("Respuesta corta")
        NUMERIC = "numerica", _("Número")

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("curso"), on_delete=models.CASCADE, related_name="questions"
    )
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    prompt = models.TextField(_("pregunta"))
    explanation = models.TextField(_("explicación"), blank=True, help_text=_("Se muestra después de responder."))
    accepted_answers = models.TextField(
        _("respuestas aceptadas"),
        blank=True,
        help_text=_("Respuesta corta: una variante por línea. Se ignoran mayúsculas, tildes y espacios."),
    )
    numeric_answer = models.DecimalField(
        _("respuesta numérica"), max_digits=14, decimal_places=4, null=True, blank=True
    )
    tolerance = models.DecimalField(
        _("tolerancia"),
        max_digits=14,
        decimal_places=4,
        default=Decimal("0"),
        help_text=_("Diferencia aceptada, por ejemplo 0.5"),
    )

    panels = [
        FieldPanel("course"),
        FieldPanel("kind"),
        FieldPanel("prompt"),
        InlinePanel("choices", label=_("Opciones")),
        MultiFieldPanel(
            [FieldPanel("accepted_answers"), FieldPanel("numeric_answer"), FieldPanel("tolerance")],
            heading=_("Respuesta corta o numérica"),
        ),
        FieldPanel("explanation"),
    ]

    class Meta:
        verbose_name = _("pregunta")
        verbose_name_plural = _("banco de preguntas")

    def __str__(self) -> str:
        return self.prompt[:80]

    def clean(self) -> None:
        # The options live in an inline formset: the admin form checks them with the same rules.
        errors = question_errors(
            kind=self.kind, choices=None, accepted_answers=self.accepted_answers, numeric_answer=self.numeric_answer
        )
        if errors:
            raise ValidationError({field or NON_FIELD_ERRORS: msg for field, msg in errors.items()})


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices", verbose_name=_("pregunta"))
    text = models.CharField(_("opción"), max_length=300)
    is_correct = models.BooleanField(_("es correcta"), default=False)
    feedback = models.CharField(_("comentario al elegirla"), max_length=300, blank=True)

    panels = [FieldPanel("text"), FieldPanel("is_correct"), FieldPanel("feedback")]

    def __str__(self) -> str:
        return self.text


class Quiz(ClusterableModel):
    class Kind(models.TextChoices):
        LESSON = "leccion", _("Cuestionario de lección")
        PRE = "pre", _("Prueba de entrada")
        POST = "post", _("Evaluación final")

    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("curso"), on_delete=models.CASCADE, related_name="quizzes"
    )
    title = models.CharField(_("título"), max_length=200)
    kind = models.CharField(_("tipo"), max_length=10, choices=Kind.choices, default=Kind.LESSON)
    pass_mark = models.PositiveSmallIntegerField(
        _("nota para aprobar (%)"), default=60, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )
    max_attempts = models.PositiveSmallIntegerField(_("intentos permitidos"), default=3, help_text=_("0 = sin límite"))

    panels = [
        FieldPanel("course"),
        FieldPanel("title"),
        FieldPanel("kind"),
        FieldPanel("pass_mark"),
        FieldPanel("max_attempts"),
        InlinePanel("quiz_questions", label=_("Preguntas")),
    ]

    class Meta:
        verbose_name = _("cuestionario")
        verbose_name_plural = _("cuestionarios")

    def __str__(self) -> str:
        return self.title


class QuizQuestion(Orderable):
    quiz = ParentalKey(Quiz, on_delete=models.CASCADE, related_name="quiz_questions", verbose_name=_("cuestionario"))
    question = models.ForeignKey(Question, verbose_name=_("pregunta"), on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("question")]


class QuizAttempt(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "abierto", _("En curso")
        SUBMITTED = "enviado", _("Enviado")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiz_attempts", verbose_name=_("persona")
    )
    quiz = models.ForeignKey(Quiz, on_delete=models.CASCADE, related_name="attempts", verbose_name=_("cuestionario"))
    lesson = models.ForeignKey(
        "courses.LessonPage",
        verbose_name=_("lección"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("La lección desde donde se comenzó; aprobar la completa."),
    )
    number = models.PositiveSmallIntegerField(_("intento número"))
    status = models.CharField(
        max_length=10, choices=Status.choices, default=Status.IN_PROGRESS, verbose_name=_("estado")
    )
    draft = models.JSONField(_("respuestas guardadas"), default=dict, blank=True)
    score = models.DecimalField(_("calificación (%)"), max_digits=5, decimal_places=2, null=True, blank=True)
    passed = models.BooleanField(default=False, verbose_name=_("aprobado"))
    started_at = models.DateTimeField(auto_now_add=True, verbose_name=_("inicio"))
    saved_at = models.DateTimeField(auto_now=True, verbose_name=_("guardado el"))
    submitted_at = models.DateTimeField(null=True, blank=True, verbose_name=_("enviado el"))

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "quiz", "number"], name="unique_attempt_number"),
            models.UniqueConstraint(
                fields=["user", "quiz"], condition=models.Q(status="abierto"), name="one_open_attempt_per_quiz"
            ),
        ]
        verbose_name = _("intento")
        verbose_name_plural = _("intentos")

    def __str__(self) -> str:
        return f"{self.quiz} · {self.user} · {self.number}"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.IN_PROGRESS


class AttemptAnswer(models.Model):
    attempt = models.ForeignKey(
        QuizAttempt, on_delete=models.CASCADE, related_name="answers", verbose_name=_("intento")
    )
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+", verbose_name=_("pregunta"))
    response = models.JSONField(default=list, verbose_name=_("respuesta"))
    is_correct = models.BooleanField(default=False, verbose_name=_("correcta"))
    points = models.DecimalField(max_digits=5, decimal_places=4, default=Decimal("0"), verbose_name=_("puntos"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["attempt", "question"], name="one_answer_per_question")]

    def __str__(self) -> str:
        return f"{self.attempt_id} · {self.question_id}"

from django.conf import settings
from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from cms.append_only import AppendOnlyModel
from lms.courses.blocks import lesson_blocks


class Track(models.TextChoices):
    SOFT = "blandas", _("Habilidades blandas")
    TECHNICAL = "tecnicas", _("Habilidades técnicas")
    FINANCIAL = "financiera", _("Educación financiera")
    ENTREPRENEURSHIP = "emprendimiento", _("Emprendimiento")


class CourseTreeMixin:
    """Course, module and lesson pages check Wagtail privacy in one query (ancestors come from the path)."""

    def get_view_restrictions(self):
        from lms.courses.selectors import view_restrictions_of

        return view_restrictions_of(self)


class CourseIndexPage(Page):
    intro = RichTextField(_("introducción"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = _("catálogo de cursos")

    def route(self, request, path_components):
        """Resolve course, module or lesson with one query: depth below the catalogue fixes the type."""
        if not path_components:
            return super().route(request, path_components)
        model = {1: CoursePage, 2: ModulePage, 3: LessonPage}.get(len(path_components))
        if model is None:
            raise Http404
        url_path = self.url_path + "/".join(path_components) + "/"
        page = model.objects.filter(url_path=url_path, live=True).first()
        if page is None:
            raise Http404
        return RouteResult(page)

    def get_context(self, request, *args, **kwargs):
        from lms.courses.selectors import catalogue_for

        context = super().get_context(request, *args, **kwargs)
        context["courses"] = catalogue_for(index=self)
        return context


class CoursePage(CourseTreeMixin, Page):
    track = models.CharField(_("línea"), max_length=20, choices=Track.choices)
    summary = models.TextField(_("resumen"), max_length=600)
    learning_outcomes = models.TextField(_("qué vas a aprender"), help_text=_("Un resultado por línea."))
    estimated_hours = models.DecimalField(_("horas estimadas"), max_digits=5, decimal_places=1)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("imagen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    capacity = models.PositiveIntegerField(
        _("cupos"), null=True, blank=True, help_text=_("Vacío: sin límite. Al llenarse, hay lista de espera.")
    )
    mentors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentores y coordinación del curso"),
        blank=True,
        related_name="taught_courses",
    )

    content_panels = Page.content_panels + [
        FieldPanel("track"),
        FieldPanel("summary"),
        FieldPanel("learning_outcomes"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("estimated_hours"), FieldPanel("capacity")], heading=_("Organización")),
        FieldPanel("mentors"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("curso")
        verbose_name_plural = _("cursos")

    @property
    def outcomes(self) -> list[str]:
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    def serve(self, request, *args, **kwargs):
        from lms.courses.views import course_page_serve

        return course_page_serve(request, self)


class ModulePage(CourseTreeMixin, Page):
    intro = models.TextField(_("introducción"), blank=True)
    requires_previous = models.BooleanField(
        _("requiere el módulo anterior"),
        default=False,
        help_text=_("Queda bloqueado hasta completar el módulo anterior."),
    )

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("requires_previous")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("módulo")
        verbose_name_plural = _("módulos")

    def serve(self, request, *args, **kwargs):
        from lms.courses.views import module_page_serve

        return module_page_serve(request, self)


class LessonPage(CourseTreeMixin, Page):
    estimated_minutes = models.PositiveSmallIntegerField(_("minutos estimados"), default=15)
    body = StreamField(lesson_blocks(), verbose_name=_("contenido"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("estimated_minutes"), FieldPanel("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("lección")
        verbose_name_plural = _("lecciones")

    @property
    def has_quiz(self) -> bool:
        """True when a quiz block is in the body: only passing it completes the lesson."""
        return any(block.get("type") == "quiz" for block in self.body.raw_data)

    def serve(self, request, *args, **kwargs):
        from lms.courses.views import lesson_page_serve

        return lesson_page_serve(request, self)


class Enrolment(models.Model):
    class Status(models.TextChoices):
        ACTIVE = "activa", _("Inscrita")
        WAITLISTED = "espera", _("En lista de espera")
        CANCELLED = "cancelada", _("Cancelada")

    class Source(models.TextChoices):
        SELF = "self", _("La propia persona")
        CSV = "csv", _("Archivo CSV")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("persona")
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="enrolments", verbose_name=_("curso"))
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.ACTIVE)
    source = models.CharField(
        _("origen"),
        max_length=20,
        choices=Source.choices,
        default=Source.SELF,
        help_text=_("Quién hizo la inscripción: la propia persona o un archivo CSV."),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))
    updated_at = models.DateTimeField(auto_now=True, verbose_name=_("última actualización"))
    last_lesson = models.ForeignKey(
        LessonPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("última lección abierta"),
    )
    completed_at = models.DateTimeField(_("curso completado el"), null=True, blank=True)
    queued_at = models.DateTimeField(
        _("en lista de espera desde"),
        null=True,
        blank=True,
        help_text=_("Orden de la lista de espera: primero quien llegó antes."),
    )

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_enrolment_per_course")]
        indexes = [models.Index(fields=["course", "status", "created_at"])]
        verbose_name = _("inscripción")
        verbose_name_plural = _("inscripciones")

    def __str__(self) -> str:
        return f"{self.user} · {self.course}"

    # For templates, where the enrolment may be missing (None): `enrolment.is_active` is then simply false,
    # while `enrolment.status == enrolment.Status.ACTIVE` would compare nothing with nothing and be true.
    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def is_waitlisted(self) -> bool:
        return self.status == self.Status.WAITLISTED

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED


class EnrolmentEvent(AppendOnlyModel):
    """Append-only log: enrolled, waitlisted, promoted, cancelled, imported. A line is never changed or deleted
    (removing its enrolment still takes it along)."""

    class Kind(models.TextChoices):
        ENROLLED = "inscrita", _("Inscrita")
        WAITLISTED = "espera", _("En lista de espera")
        PROMOTED = "promovida", _("Pasó de la lista de espera a inscrita")
        CANCELLED = "cancelada", _("Cancelada")
        IMPORTED = "importada", _("Inscrita desde CSV")

    enrolment = models.ForeignKey(
        Enrolment, on_delete=models.CASCADE, related_name="events", verbose_name=_("inscripción")
    )
    kind = models.CharField(_("tipo"), max_length=20, choices=Kind.choices)
    detail = models.CharField(max_length=255, blank=True, verbose_name=_("detalle"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("hecho por"),
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("movimiento de inscripción")
        verbose_name_plural = _("movimientos de inscripción")

    def __str__(self) -> str:
        return f"{self.enrolment} · {self.kind}"


class LessonCompletion(models.Model):
    class Source(models.TextChoices):
        BUTTON = "boton", _("Marcada por la persona")
        QUIZ = "cuestionario", _("Cuestionario aprobado")
        ACTIVITY = "actividad", _("Actividad completada")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions", verbose_name=_("persona")
    )
    lesson = models.ForeignKey(
        LessonPage, on_delete=models.CASCADE, related_name="completions", verbose_name=_("lección")
    )
    course = models.ForeignKey(CoursePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("curso"))
    source = models.CharField(max_length=15, choices=Source.choices, default=Source.BUTTON, verbose_name=_("origen"))
    completed_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de finalización"))

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "lesson"], name="one_completion_per_lesson")]
        indexes = [models.Index(fields=["user", "course"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.lesson}"

"""Shared test factories. Append yours; keep the names stable for other tests."""

from decimal import Decimal

import factory
from wagtail.models import Page, Site

from cms.accounts.models import User
from cms.accounts.services import user_role_set
from lms.courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage, Track


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"persona{n}")
    first_name = factory.Sequence(lambda n: f"Nombre{n}")
    last_name = "Pérez"
    password = factory.PostGenerationMethodCall("set_password", "clave-segura-123")

    @factory.post_generation
    def role(self, create, extracted, **kwargs):
        if create and extracted:
            user_role_set(user=self, role=extracted)
        if create:
            self.save()


def course_index() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    root = Site.objects.get(is_default_site=True).root_page
    return root.add_child(instance=CourseIndexPage(title="Cursos", slug="cursos"))


def build_course(*, title: str = "Educación financiera", modules: int = 2, lessons_per_module: int = 2,
                 capacity: int | None = None, requires_previous: bool = False) -> CoursePage:
    """A live course tree: course > modules > lessons with a text block each."""
    index = course_index()
    course = index.add_child(instance=CoursePage(
        title=title, slug=f"curso-{CoursePage.objects.count() + 1}", track=Track.FINANCIAL,
        summary="Aprende a organizar tu dinero.", learning_outcomes="Hacer un presupuesto\nAhorrar",
        estimated_hours=Decimal("6"), capacity=capacity,
    ))
    for m in range(modules):
        module = course.add_child(instance=ModulePage(
            title=f"Módulo {m + 1}", slug=f"modulo-{m + 1}", requires_previous=requires_previous and m > 0,
        ))
        for n in range(lessons_per_module):
            module.add_child(instance=LessonPage(
                title=f"Lección {m + 1}.{n + 1}", slug=f"leccion-{n + 1}",
                body=[("text", f"<p>Contenido de la lección {m + 1}.{n + 1}.</p>")],
            ))
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


__all__ = ["UserFactory", "build_course", "course_index", "lessons_of", "Page"]

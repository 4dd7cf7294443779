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


def site_root() -> Page:
    """The default site's root page, recreated when a transactional test's flush removed Wagtail's initial data."""
    from wagtail.models import Locale

    Locale.objects.get_or_create(language_code="es")
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is not None:
        return site.root_page
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=Page(title="Semilla", slug="inicio"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Semilla")
    return home


def course_index() -> CourseIndexPage:
    existing = CourseIndexPage.objects.first()
    if existing:
        return existing
    root = site_root()
    return root.add_child(instance=CourseIndexPage(title="Cursos", slug="cursos"))


def build_course(
    *,
    title: str = "Educación financiera",
    modules: int = 2,
    lessons_per_module: int = 2,
    capacity: int | None = None,
    requires_previous: bool = False,
) -> CoursePage:
    """A live course tree: course > modules > lessons with a text block each."""
    index = course_index()
    course = index.add_child(
        instance=CoursePage(
            title=title,
            slug=f"curso-{CoursePage.objects.count() + 1}",
            track=Track.FINANCIAL,
            summary="Aprende a organizar tu dinero.",
            learning_outcomes="Hacer un presupuesto\nAhorrar",
            estimated_hours=Decimal("6"),
            capacity=capacity,
        )
    )
    for m in range(modules):
        module = course.add_child(
            instance=ModulePage(
                title=f"Módulo {m + 1}",
                slug=f"modulo-{m + 1}",
                requires_previous=requires_previous and m > 0,
            )
        )
        for n in range(lessons_per_module):
            module.add_child(
                instance=LessonPage(
                    title=f"Lección {m + 1}.{n + 1}",
                    slug=f"leccion-{n + 1}",
                    body=[("text", f"<p>Contenido de la lección {m + 1}.{n + 1}.</p>")],
                )
            )
    return course


def lessons_of(course: CoursePage) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


__all__ = ["UserFactory", "build_course", "course_index", "lessons_of", "Page"]


# --- Incubator: cohorts and ventures -------------------------------------------------------------
from django.utils import timezone as _tz  # noqa: E402

from incubator.cohorts.models import Cohort, Participation  # noqa: E402
from incubator.ventures.models import Venture  # noqa: E402


class CohortFactory(factory.django.DjangoModelFactory):
    """A four-month cohort starting today; coordinators=[user, ...] and required_courses=[course, ...]."""

    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Cohorte {n + 1}")
    city = "Quito"
    start_date = factory.LazyFunction(lambda: _tz.localdate())
    months = 4
    capacity = 30

    @factory.post_generation
    def coordinators(self, create, extracted, **kwargs):
        if create and extracted:
            self.coordinators.add(*extracted)

    @factory.post_generation
    def required_courses(self, create, extracted, **kwargs):
        # A ParentalManyToManyField is only written on save().
        if create and extracted:
            self.required_courses.add(*extracted)
            self.save()


class VentureFactory(factory.django.DjangoModelFactory):
    """A venture; members=[...] and mentors=[...] take lists of users."""

    class Meta:
        model = Venture
        skip_postgeneration_save = True

    cohort = factory.SubFactory(CohortFactory)
    name = factory.Sequence(lambda n: f"Emprendimiento {n + 1}")
    sector = Venture.Sector.FOOD
    description = "Empanadas y jugos naturales para oficinas del barrio."
    city = "Quito"

    @factory.post_generation
    def members(self, create, extracted, **kwargs):
        if create and extracted:
            self.members.add(*extracted)

    @factory.post_generation
    def mentors(self, create, extracted, **kwargs):
        if create and extracted:
            self.mentors.add(*extracted)


def venture_with_team(**venture_kwargs):
    """(venture, member, mentor, coordinator): the member is an accepted participant of the cohort,
    the mentor has role "mentor", the coordinator role "coordinacion" and coordinates the cohort."""
    coordinator = UserFactory(role="coordinacion")
    cohort = venture_kwargs.pop("cohort", None) or CohortFactory(coordinators=[coordinator])
    if not cohort.coordinators.filter(pk=coordinator.pk).exists():
        cohort.coordinators.add(coordinator)
    member = UserFactory(role="aprendiz")
    mentor = UserFactory(role="mentor")
    Participation.objects.create(cohort=cohort, user=member, status=Participation.Status.ACCEPTED)
    venture = VentureFactory(cohort=cohort, members=[member], mentors=[mentor], **venture_kwargs)
    return venture, member, mentor, coordinator


__all__ += ["CohortFactory", "VentureFactory", "venture_with_team"]


def pitch_event_with_entries(
    *, ventures: int = 6, jurors: int = 3, cohort=None, budget: str = "2100", fixed_amount: str = "700"
):
    """(event, entries, jurors, coordinator): an open pitch event on the default rubric with `ventures` entries,
    each venture with one accepted member and a submitted plan version, and `jurors` people with role "jurado"
    in the event's jury pool (not yet assigned to entries)."""
    from datetime import timedelta

    from django.utils import timezone

    from incubator.jury.models import Entry, PitchEvent
    from incubator.jury.services.rubric import rubric_default_ensure
    from incubator.plans.services import business_plan_ensure, plan_version_submit

    coordinator = UserFactory(role="coordinacion")
    cohort = cohort or CohortFactory(coordinators=[coordinator])
    cohort.coordinators.add(coordinator)
    event = PitchEvent.objects.create(
        cohort=cohort,
        name=f"Pitch {cohort.name}",
        starts_at=timezone.now() + timedelta(days=7),
        place="Centro comunitario",
        rubric=rubric_default_ensure(),
        total_budget=Decimal(budget),
        fixed_amount=Decimal(fixed_amount),
    )
    entries = []
    for _n in range(ventures):
        venture, member, _mentor, _coord = venture_with_team(cohort=cohort)
        plan = business_plan_ensure(venture=venture)
        version = plan_version_submit(plan_id=plan.pk, by=member)
        entries.append(Entry.objects.create(event=event, venture=venture, plan_version=version))
    pool = [UserFactory(role="jurado") for _n in range(jurors)]
    event.jurors.add(*pool)
    return event, entries, pool, coordinator


__all__ += ["pitch_event_with_entries"]


def pitch_scores_fill(event, levels_by_juror_entry, *, comments=None, submitted: bool = True):
    """Active assignments and score sheets straight in the database, bypassing the juror pages.

    levels_by_juror_entry maps (juror, entry) to the levels in the rubric's order (a list; a shorter list leaves
    the last criteria without a level, an incomplete sheet) or to one int used for every criterion.
    comments maps (juror, entry) to the comment for the team. Returns the sheets."""
    from django.utils import timezone

    from incubator.jury.models import Assignment, Score, ScoreSheet

    criteria = list(event.rubric.criteria.order_by("sort_order", "id"))
    sheets = []
    for (juror, entry), levels in levels_by_juror_entry.items():
        if isinstance(levels, int):
            levels = [levels] * len(criteria)
        assignment, _created = Assignment.objects.update_or_create(
            entry=entry, juror=juror, defaults={"status": Assignment.Status.ACTIVE, "declared_at": timezone.now()}
        )
        sheet, _created = ScoreSheet.objects.update_or_create(
            assignment=assignment,
            defaults={
                "comment": (comments or {}).get((juror, entry), ""),
                "revision": 1,
                "submitted_at": timezone.now() if submitted else None,
                "updated_at": timezone.now(),
            },
        )
        sheet.scores.all().delete()
        Score.objects.bulk_create(
            [Score(sheet=sheet, criterion=c, level=level) for c, level in zip(criteria, levels, strict=False)]
        )
        sheets.append(sheet)
    return sheets


__all__ += ["pitch_scores_fill"]


def award_for(entry, amount: str = "700"):
    """An active seed-capital award (jury.Award) of `amount` USD for a pitch entry."""
    from incubator.jury.models import Award

    return Award.objects.create(entry=entry, amount=Decimal(amount))


__all__ += ["award_for"]

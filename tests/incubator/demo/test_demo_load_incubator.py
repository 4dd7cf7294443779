import pytest
from django.core.management import CommandError, call_command

from cms.accounts.models import User
from incubator.cohorts.models import Cohort, Participation, ParticipationEvent
from incubator.kpis.models import MonthlyFigure
from incubator.milestones.models import Milestone, Prototype, PrototypePhoto, Review, Task
from incubator.plans.models import BusinessPlan, PlanVersion
from incubator.ventures.models import Venture

COUNTED = (
    User,
    Cohort,
    Participation,
    ParticipationEvent,
    Venture,
    BusinessPlan,
    PlanVersion,
    Milestone,
    Task,
    Review,
    Prototype,
    PrototypePhoto,
    MonthlyFigure,
)


def _counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def _quiet(command: str) -> None:
    call_command(command, stdout=open("/dev/null", "w"))


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_it_loads_six_ventures_at_different_stages_and_a_second_run_changes_nothing(db):
    _quiet("demo_load")
    _quiet("demo_load_incubator")
    first = _counts()
    plans = dict(BusinessPlan.objects.values_list("venture__name", "revision"))

    _quiet("demo_load_incubator")

    assert _counts() == first
    assert dict(BusinessPlan.objects.values_list("venture__name", "revision")) == plans
    cohort = Cohort.objects.get(name="Cohorte Quito 2026")
    assert cohort.required_courses.get().title == "Plan de negocio"
    ventures = list(cohort.ventures.prefetch_related("members", "mentors"))
    assert len(ventures) >= 6
    assert all(BusinessPlan.objects.filter(venture=v).exists() for v in ventures)
    assert all([m.username for m in v.mentors.all()] == ["mentora"] for v in ventures)
    assert any("aprendiz" in [m.username for m in v.members.all()] for v in ventures)
    assert PlanVersion.objects.filter(plan__venture__cohort=cohort).exists()
    assert BusinessPlan.objects.filter(venture__cohort=cohort, versions__isnull=True).exists()  # draft only
    assert Milestone.objects.filter(status=Milestone.Status.APPROVED).exists()
    changes = Milestone.objects.filter(code="M2", status=Milestone.Status.CHANGES)
    assert changes.exists() and all(m.reviews.last().comment for m in changes)
    assert MonthlyFigure.objects.filter(venture__cohort=cohort).values("venture").distinct().count() >= 2
    dropout = Participation.objects.get(cohort=cohort, status=Participation.Status.DROPPED)
    assert dropout.dropout_reason == Participation.DropoutReason.DOCUMENTS
    assert Participation.objects.filter(cohort=cohort, status=Participation.Status.RESERVE).count() == 1
    assert ParticipationEvent.objects.filter(kind=ParticipationEvent.Kind.OFFER_ACCEPTED).count() == 1


def test_it_refuses_in_production_and_creates_nothing(db, settings):
    settings.PRODUCTION = True
    before = _counts()

    with pytest.raises(CommandError, match="producción"):
        _quiet("demo_load_incubator")

    assert _counts() == before


def test_it_asks_for_demo_load_first(db):
    with pytest.raises(CommandError, match="demo_load"):
        _quiet("demo_load_incubator")

    assert not Cohort.objects.exists()

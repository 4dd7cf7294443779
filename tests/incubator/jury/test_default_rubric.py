from decimal import Decimal

import pytest

from incubator.jury.models import Rubric
from incubator.jury.services.rubric import rubric_default_ensure


@pytest.mark.django_db
def test_the_default_rubric_has_five_weighted_criteria_and_comes_back_when_deleted():
    first = rubric_default_ensure()
    assert [c.name for c in first.criteria.order_by("sort_order")] == [
        "Calidad del plan de negocio",
        "Efectividad del pitch",
        "Viabilidad financiera",
        "Impacto social e inclusión",
        "Capacidad del equipo",
    ]
    assert sum(c.weight for c in first.criteria.all()) == Decimal("1.00")
    assert all(c.level_1 and c.level_5 for c in first.criteria.all())

    Rubric.objects.all().delete()

    again = rubric_default_ensure()
    assert again.criteria.count() == 5 and rubric_default_ensure() == again

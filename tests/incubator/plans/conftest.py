import pytest

from incubator.plans.fields import plan_values
from incubator.plans.services import business_plan_ensure
from tests.factories import UserFactory, venture_with_team


@pytest.fixture
def team():
    """(venture, member, mentor, coordinator)"""
    return venture_with_team(name="Suculentas Pintadas")


@pytest.fixture
def venture(team):
    return team[0]


@pytest.fixture
def member(team):
    return team[1]


@pytest.fixture
def mentor(team):
    return team[2]


@pytest.fixture
def coordinator(team):
    return team[3]


@pytest.fixture
def outsider():
    return UserFactory(role="aprendiz")


@pytest.fixture
def plan(venture):
    return business_plan_ensure(venture=venture)


def values_with(plan, **changes) -> dict:
    values = plan_values(plan)
    values.update(changes)
    return values


def form_data(values: dict, revision: int, **extra) -> dict:
    """The POST body the edit page sends for these plan values."""
    data = {name: value for name, value in values.items() if name not in ("startup_costs", "fixed_costs")}
    data["price_per_unit"] = values["price_per_unit"].replace(".", ",")
    data["variable_cost_per_unit"] = values["variable_cost_per_unit"].replace(".", ",")
    for prefix, name in (("inversion", "startup_costs"), ("fijo", "fixed_costs")):
        rows = values[name] + [{"description": "", "amount": ""}]
        for i, row in enumerate(rows):
            data[f"{prefix}-{i}-descripcion"] = row["description"]
            data[f"{prefix}-{i}-monto"] = row["amount"]
    data["revision"] = revision
    data.update(extra)
    return data

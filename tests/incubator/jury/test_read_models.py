"""The jury read-models are frozen dataclasses all the way down (no dicts for templates to dig in), and the
explain page reads them by attribute."""

import dataclasses
from decimal import Decimal as D

import pytest
from django.urls import reverse

from incubator.jury import scoring
from incubator.jury.selectors import results as selectors
from incubator.jury.services.results import deliberation_resolve, event_close
from tests.incubator.jury.results_support import scored_event
from tests.incubator.jury.test_results import RAW

pytestmark = pytest.mark.django_db


def dicts_in(value, path="page") -> list[str]:
    """Paths of every dict inside a read-model of selectors.results (its own dataclasses, lists and tuples)."""
    if isinstance(value, dict):
        return [path]
    if isinstance(value, list | tuple):
        return [hit for i, item in enumerate(value) for hit in dicts_in(item, f"{path}[{i}]")]
    if dataclasses.is_dataclass(value) and type(value).__module__ == selectors.__name__:
        assert type(value).__dataclass_params__.frozen, type(value).__name__
        return [hit for f in dataclasses.fields(value) for hit in dicts_in(getattr(value, f.name), f"{path}.{f.name}")]
    return []


def test_results_explain_and_juror_read_models_are_frozen_dataclasses_without_dicts():
    event, _entries, jurors, coordinator = scored_event(RAW)
    explain = selectors.explain_page(event=event)
    assert dicts_in(explain) == [] and dicts_in(selectors.results_page(event=event)) == []
    assert [step.by_criterion for step in explain.tie_breaks] == [True] * 5 + [False]  # criteria, then head to head
    with pytest.raises(dataclasses.FrozenInstanceError):
        explain.normalized = True
    for group in selectors.deliberation_groups(selectors.results_live(event=event).ranking):
        deliberation_resolve(event=event, order=group, by=coordinator, reason="Votó el jurado.")
    event_close(event=event, by=coordinator)
    assert dicts_in(selectors.results_page(event=event)) == []
    assert dicts_in(selectors.juror_results(event=event, user=jurors[0])) == []


def test_the_explain_page_names_the_criterion_of_a_criterion_tie_break(client, monkeypatch):
    event, entries, _jurors, coordinator = scored_event(RAW)
    real = selectors.explain_page
    step = selectors.TieBreakLine(
        ventures=[str(entries[2]), str(entries[3])],
        kind=scoring.TieBreak.CRITERION,
        criterion="Mercado",
        values=[selectors.TieValue(str(entries[2]), D("3.50"))],
        pairs=[],
        outcome=[[str(entries[2])], [str(entries[3])]],
    )
    monkeypatch.setattr(
        selectors, "explain_page", lambda *, event: dataclasses.replace(real(event=event), tie_breaks=[step])
    )
    client.force_login(coordinator)
    page = client.get(reverse("jury:results_explain", args=[event.pk])).content.decode()
    assert "Criterio «Mercado», promedio de nivel:" in page and f"{entries[2]}: 3,50" in page

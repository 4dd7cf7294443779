"""Property tests of the suppression layer (hypothesis is not installed: seeded random loops, many runs)."""

import random

import pytest
from django.core.exceptions import ImproperlyConfigured

from cms.indicators.suppression import Value, k_threshold, recoverable, suppress


def _row(rng, cells, high=30, percent=False):
    values = {}
    for index in range(cells):
        num = rng.choice([0, 0, rng.randint(1, 4), rng.randint(1, high)])
        if percent:
            den = num + rng.choice([0, rng.randint(0, 4), rng.randint(0, high)])
            values[index] = Value(num, den)
        else:
            values[index] = Value(num)
    members = list(values)
    total_num = sum(v.num for v in values.values())
    total_den = sum(v.den for v in values.values()) if percent else None
    values["total"] = Value(total_num, total_den)
    return values, [("total", members)]


def _no_small_cell_shown(values, hidden, k=5):
    for cell, value in values.items():
        if cell in hidden:
            continue
        assert not 0 < value.num < k, (values, hidden)
        assert value.den is None or not 0 < value.den < k, (values, hidden)


@pytest.mark.parametrize("percent", [False, True])
def test_no_random_row_shows_a_small_cell_or_a_recoverable_one(percent):
    rng = random.Random(20261206 + percent)
    for _run in range(3000):
        values, equations = _row(rng, rng.randint(1, 7), percent=percent)
        hidden = suppress(values, equations, 5)
        _no_small_cell_shown(values, hidden)
        assert not recoverable(values, equations, hidden), (values, hidden)


def test_nested_tables_province_city_center_never_give_a_cell_back():
    rng = random.Random(7)
    for _run in range(1500):
        values, equations = {}, []
        provinces = []
        for p in range(rng.randint(1, 3)):
            cities = []
            for c in range(rng.randint(1, 3)):
                centers = [(f"ce{p}{c}{n}") for n in range(rng.randint(1, 3))]
                for center in centers:
                    values[center] = Value(rng.choice([0, rng.randint(1, 4), rng.randint(1, 25)]))
                city = f"ci{p}{c}"
                values[city] = Value(sum(values[x].num for x in centers))
                equations.append((city, centers))
                cities.append(city)
            province = f"p{p}"
            values[province] = Value(sum(values[x].num for x in cities))
            equations.append((province, cities))
            provinces.append(province)
        values["total"] = Value(sum(values[x].num for x in provinces))
        cities_all = [c for _t, members in equations for c in members if c.startswith("ci")]
        centers_all = [c for c in values if c.startswith("ce")]
        equations += [("total", provinces), ("total", cities_all), ("total", centers_all)]
        hidden = suppress(values, equations, 5)
        _no_small_cell_shown(values, hidden)
        assert not recoverable(values, equations, hidden)


def test_one_hidden_cell_brings_the_next_smallest_with_it():
    values = {"a": Value(3), "b": Value(12), "c": Value(7), "total": Value(22)}
    assert suppress(values, [("total", ["a", "b", "c"])], 5) == {"a", "c"}


def test_two_hidden_ones_beside_a_shown_zero_are_protected_too():
    # a=1, b=1, c=0 shown, d=20: a+b=2 with two hidden cells, each >= 1 because zeros show: both would be 1.
    values = {"a": Value(1), "b": Value(1), "c": Value(0), "d": Value(20), "total": Value(22)}
    hidden = suppress(values, [("total", ["a", "b", "c", "d"])], 5)
    assert {"a", "b"} <= hidden and len(hidden) == 3


def test_a_percentage_with_a_base_under_five_is_hidden():
    values = {"a": Value(2, 4), "b": Value(10, 20), "total": Value(12, 24)}
    assert "a" in suppress(values, [("total", ["a", "b"])], 5)


def test_k_can_be_raised_but_never_lowered(settings):
    settings.SEMILLA_INDICATOR_K = 10
    assert k_threshold() == 10
    assert suppress({"a": Value(7)}, []) == {"a"}
    settings.SEMILLA_INDICATOR_K = 3
    with pytest.raises(ImproperlyConfigured):
        k_threshold()
    assert suppress({"a": Value(4)}, [], k=3) == {"a"}


@pytest.mark.django_db
def test_no_random_programme_export_shows_a_small_or_recoverable_cell():
    """Random registries, exported end to end through the CSV: the same guarantees hold on the file."""
    import csv
    from collections import defaultdict
    from datetime import date

    from django.utils import timezone

    from cms.accounts.models import Center, Participant, Programme
    from cms.indicators import registry
    from cms.indicators.exports import to_csv
    from cms.indicators.selectors import indicator_report

    programme = Programme.objects.create(name="Azar", slug="azar")
    centers = [
        Center.objects.create(programme=programme, name=f"C{n}", province=prov, city=city)
        for n, (prov, city) in enumerate([("Imbabura", "Ibarra"), ("Imbabura", "Otavalo"), ("Sucumbíos", "Lago Agrio")])
    ]
    keys = [d.key for d in registry.disaggregations()]
    today = timezone.localdate()
    rng = random.Random(1206)
    for _run in range(12):
        Participant.objects.all().delete()
        Participant.objects.bulk_create(
            Participant(
                center=rng.choice(centers),
                sex=rng.choice(["mujer", "hombre", "otro", "no_dice"]),
                nationality=rng.choice(["venezolana", "colombiana", "ecuatoriana"]),
                birth_year=rng.choice([None, rng.randint(1950, 2012)]),
                disability=rng.choice(["si", "no", "no", "no"]),
            )
            for _n in range(rng.randint(1, 60))
        )
        report = indicator_report(
            programme=programme, period=registry.Period(date(today.year, 1, 1), today), disaggregations=keys
        )
        lines = [line for line in to_csv(report).content.decode().splitlines() if not line.startswith("# ")]
        groups = defaultdict(list)
        for row in csv.DictReader(lines):
            if row["suprimido"] == "0" and row["indicador"] == "A":
                assert not 0 < int(row["valor"]) < 5, row
            groups[(row["indicador"], row["desagregacion"])].append(row)
        for (_code, dis), rows in groups.items():
            total = next(r for r in rows if r["categoria"] == "total")
            hidden = [r for r in rows if r is not total and r["suprimido"] == "1"]
            if dis != "total" and total["suprimido"] == "0":
                assert len(hidden) != 1, rows

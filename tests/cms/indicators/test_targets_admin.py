"""Targets in the Wagtail admin: a coordinator sees and edits only her programmes' targets."""

import pytest
from django.urls import reverse

from cms.accounts.models import Programme
from cms.indicators.models import IndicatorTarget
from tests.factories import UserFactory


@pytest.mark.django_db
def test_a_coordinator_cannot_open_another_programmes_target(client):
    mine, theirs = (Programme.objects.create(name=n, slug=n) for n in ("mio", "otro"))
    coordinator = UserFactory(role="coordinacion")
    mine.coordinators.add(coordinator)
    other = IndicatorTarget.objects.create(programme=theirs, indicator_code="A", year=2026, target=100)
    own = IndicatorTarget.objects.create(programme=mine, indicator_code="A", year=2026, target=50)
    client.force_login(coordinator)
    assert client.get(reverse("metas_indicadores:edit", args=[other.pk])).status_code == 404
    assert client.get(reverse("metas_indicadores:edit", args=[own.pk])).status_code == 200
    listing = client.get(reverse("metas_indicadores:index")).content.decode()
    assert reverse("metas_indicadores:edit", args=[other.pk]) not in listing
    assert reverse("metas_indicadores:edit", args=[own.pk]) in listing

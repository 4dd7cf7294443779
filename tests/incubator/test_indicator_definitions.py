"""Incubator indicators by hand: 1.2b counts seed capital awarded AND delivered."""

from datetime import date

import pytest
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report
from incubator.jury.models import Award
from incubator.seedcapital.models import Delivery
from tests.factories import award_for, pitch_event_with_entries


@pytest.mark.django_db
def test_seed_capital_counts_only_standing_awards_with_a_confirmed_delivery():
    programme = Programme.objects.create(name="Sur", slug="sur")
    center = Center.objects.create(programme=programme, name="Centro Quito", province="Pichincha", city="Quito")
    _event, entries, _jurors, _coordinator = pitch_event_with_entries(ventures=8)
    for entry in entries:
        for user in entry.venture.members.all():
            Participant.objects.create(user=user, center=center)
    for number, entry in enumerate(entries):
        award = award_for(entry)
        if number == 7:
            Award.objects.filter(pk=award.pk).update(status=Award.Status.WITHDRAWN)
        if number == 6:
            continue  # awarded, not yet delivered
        Delivery.objects.create(
            award=award,
            number=1,
            planned_on=timezone.localdate(),
            place="Bodega",
            code_salt="x",
            status=Delivery.Status.CONFIRMED,
            confirmed_at=timezone.now(),
        )
    today = timezone.localdate()
    report = indicator_report(programme=programme, period=Period(date(today.year, 1, 1), today), disaggregations=[])
    members = sum(entry.venture.members.count() for entry in entries[:6])
    assert report.rows_for("1.2b")[0].total.value == members

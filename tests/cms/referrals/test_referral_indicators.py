"""2.1b and 2.3b by hand: people whose childcare / credit referral was attended in the period."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report
from cms.referrals.models import PartnerOrganisation, Referral, ServiceType

TODAY = timezone.localdate()
YEAR = Period(date(TODAY.year, 1, 1), date(TODAY.year, 12, 31))


def _attended(participant, organisation, service_type, *, days_ago=0, state=Referral.State.ATTENDED):
    return Referral.objects.create(
        participant=participant,
        organisation=organisation,
        service_type=service_type,
        need="—",
        state=state,
        attended_at=timezone.now() - timedelta(days=days_ago) if state != Referral.State.SENT else None,
    )


@pytest.mark.django_db
def test_childcare_and_credit_count_people_whose_referral_was_attended_in_the_period():
    programme = Programme.objects.create(name="Emprende Norte", slug="norte")
    center = Center.objects.create(programme=programme, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    organisation = PartnerOrganisation.objects.create(name="Fundación Manitos", cities="Ibarra")
    people = [Participant.objects.create(center=center, sex="mujer") for _n in range(9)]
    for person in people[:6]:
        _attended(person, organisation, ServiceType.CHILDCARE)
    _attended(people[6], organisation, ServiceType.CHILDCARE, state=Referral.State.SENT)  # not received
    _attended(people[7], organisation, ServiceType.CHILDCARE, days_ago=800)  # another period
    for person in people[:5]:
        _attended(person, organisation, ServiceType.CREDIT, state=Referral.State.CLOSED)
    _attended(people[8], organisation, ServiceType.SAVINGS)  # savings is not credit

    report = indicator_report(programme=programme, period=YEAR, disaggregations=["sexo"])

    assert report.rows_for("2.1b")[0].total.value == 6
    assert report.rows_for("2.3b")[0].total.value == 5

"""Follow-up after the pitch: the signed link, editing until the date, and survival at 12 months."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report
from incubator.followup import services
from incubator.followup.models import FollowUp
from tests.factories import CohortFactory, UserFactory, VentureFactory


@pytest.fixture
def venture():
    programme = Programme.objects.create(name="Norte", slug="norte")
    center = Center.objects.create(programme=programme, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    members = [UserFactory(role="aprendiz") for _n in range(6)]
    for user in members:
        Participant.objects.create(user=user, center=center)
    coordinator = UserFactory(role="coordinacion")
    cohort = CohortFactory(city="Ibarra", coordinators=[coordinator])
    return VentureFactory(cohort=cohort, members=members), coordinator, programme


@pytest.mark.django_db
def test_the_link_opens_without_login_and_a_wrong_token_is_404(client, venture):
    venture, _coordinator, _programme = venture
    rows = services.followups_create(venture=venture, pitched_on=timezone.localdate() - timedelta(days=365))
    assert len(rows) == 18 and len(services.followups_create(venture=venture, pitched_on=date(2020, 1, 1))) == 18
    row = next(r for r in rows if r.wave == 12)
    url = reverse("followup:answer", args=[row.pk, services.followup_token(row)])
    assert client.get(url).status_code == 200
    assert client.get(reverse("followup:answer", args=[row.pk, "0" * 32])).status_code == 404
    response = client.post(url, {"operating": "no", "stop_reason": "dinero"})
    assert response.status_code == 200
    row.refresh_from_db()
    assert row.operating is False and row.stop_reason == "dinero" and row.answered_at


@pytest.mark.django_db
def test_after_the_date_the_link_is_closed(venture):
    venture, _coordinator, _programme = venture
    row = services.followups_create(venture=venture, pitched_on=date(2020, 1, 1))[0]
    with pytest.raises(services.LinkClosed):
        services.followup_answer(followup=row, operating=True, income_band="nada", jobs=1, stop_reason="")


@pytest.mark.django_db
def test_survival_at_twelve_months_and_the_coordinators_list(client, venture):
    venture, coordinator, programme = venture
    rows = services.followups_create(venture=venture, pitched_on=timezone.localdate() - timedelta(days=360))
    twelve = [r for r in rows if r.wave == FollowUp.Wave.M12]
    for number, row in enumerate(twelve):
        services.followup_answer(followup=row, operating=number < 5, income_band="", jobs=None, stop_reason="otro")
    today = timezone.localdate()
    report = indicator_report(programme=programme, period=Period(date(today.year, 1, 1), today), disaggregations=[])
    survival = report.rows_for("P.5")[0].total
    assert (survival.value, survival.n) == (83.3, 6)  # 5 of 6 still operating
    client.force_login(coordinator)
    page = client.get(reverse("followup:links", args=[venture.cohort.pk]))
    assert page.status_code == 200 and services.followup_token(twelve[0]) in page.content.decode()
    client.force_login(UserFactory(role="coordinacion"))
    assert client.get(reverse("followup:links", args=[venture.cohort.pk])).status_code == 404

"""Each indicator by hand on a small programme; the consent rule; who may see; the query budget; exports."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from cms.accounts.models import Center, Participant, Programme
from cms.indicators.models import IndicatorAccess
from cms.indicators.registry import Period
from cms.indicators.selectors import indicator_report
from cms.people import services as people
from cms.people.models import Purpose
from incubator.cohorts.models import Participation
from lms.courses.models import Enrolment, Track
from lms.surveys.models import SatisfactionResponse
from tests.factories import CohortFactory, UserFactory, build_course

TODAY = timezone.localdate()
YEAR = Period(date(TODAY.year, 1, 1), date(TODAY.year, 12, 31))


@pytest.fixture
def programme():
    programme = Programme.objects.create(name="Emprende Norte", slug="norte")
    Center.objects.create(programme=programme, name="Centro Ibarra", province="Imbabura", city="Ibarra")
    Center.objects.create(programme=programme, name="Centro Lago", province="Sucumbíos", city="Lago Agrio")
    return programme


def _people(programme, count, *, center_name="Centro Ibarra", account=False, **fields):
    center = programme.centers.get(name=center_name)
    made = []
    for _n in range(count):
        user = UserFactory(role="aprendiz") if account else None
        made.append(Participant.objects.create(user=user, center=center, **fields))
    return made


def _total(report, code):
    return report.rows_for(code)[0].total


def _split(report, code, key):
    return {cell.key: cell for row in report.rows_for(code) if row.disaggregation == key for cell in row.cells}


@pytest.mark.django_db
def test_a_counts_people_registered_in_the_period_by_sex_with_suppression(programme):
    _people(programme, 7, sex="mujer")
    _people(programme, 3, sex="hombre")
    old = _people(programme, 2, sex="mujer")
    Participant.objects.filter(pk__in=[p.pk for p in old]).update(created_at=timezone.now() - timedelta(days=800))
    report = indicator_report(programme=programme, period=YEAR, disaggregations=["sexo"])
    assert _total(report, "A").value == 10
    cells = _split(report, "A", "sexo")
    assert cells["hombre"].suppressed and cells["hombre"].value is None
    # 7 women shown would give the 3 men back from the total: hidden too.
    assert cells["mujer"].suppressed


@pytest.mark.django_db
def test_training_indicators_by_hand(programme):
    financial = build_course(title="Finanzas")
    technical = build_course(title="Marketing digital")
    type(technical).objects.filter(pk=technical.pk).update(track=Track.TECHNICAL)
    type(financial).objects.filter(pk=financial.pk).update(track=Track.FINANCIAL)
    learners = _people(programme, 8, account=True, sex="mujer")
    for person in learners[:6]:
        Enrolment.objects.create(user=person.user, course=financial, completed_at=timezone.now())
    for person in learners[6:]:
        Enrolment.objects.create(user=person.user, course=financial)
    for person in learners[:5]:
        Enrolment.objects.create(user=person.user, course=technical)
    for person in learners[:6]:
        SatisfactionResponse.objects.create(user=person.user, course=financial, rating=5)
    report = indicator_report(programme=programme, period=YEAR, disaggregations=[])
    assert _total(report, "2.3a").value == 8
    assert _total(report, "1.3a").value == 5
    assert _total(report, "P.2").value == 75.0 and _total(report, "P.2").n == 8  # 6 of 8 finished
    assert _total(report, "P.3").value == 100.0
    # 1.2a needs completion AND a gain: nobody has a pre/post pair nor income yet.
    assert _total(report, "1.2a").value == 0


@pytest.mark.django_db
def test_dropout_rate_by_hand(programme):
    cohort = CohortFactory(city="Ibarra", start_date=TODAY)
    people = _people(programme, 10, account=True)
    for number, person in enumerate(people):
        status = Participation.Status.DROPPED if number < 2 else Participation.Status.ACCEPTED
        Participation.objects.create(cohort=cohort, user=person.user, status=status, dropout_reason="mudanza")
    report = indicator_report(programme=programme, period=YEAR, disaggregations=[])
    dropout = _total(report, "P.4")
    assert dropout.suppressed  # 2 of 10: a numerator of 2 is a small cell
    by_cohort = indicator_report(
        programme=programme, period=YEAR, disaggregations=[], filters={"cohorte": str(cohort.pk)}
    )
    assert _total(by_cohort, "P.4").suppressed


@pytest.mark.django_db
def test_a_person_who_withdrew_donor_consent_counts_in_the_total_only_as_sin_dato(programme):
    coordinator = UserFactory(role="coordinacion")
    women = _people(programme, 6, sex="mujer", nationality="venezolana")
    men = _people(programme, 6, sex="hombre", nationality="colombiana")
    people.consent_give(participant=men[0], purpose=Purpose.DONOR_AGGREGATE, by=coordinator)
    people.consent_revoke(participant=men[0], purpose=Purpose.DONOR_AGGREGATE, by=coordinator)
    report = indicator_report(programme=programme, period=YEAR, disaggregations=["sexo", "nacionalidad"])
    assert _total(report, "A").value == 12  # still counted: an anonymous aggregate
    sexes = _split(report, "A", "sexo")
    assert sexes["mujer"].value == 6
    assert "sin_dato" in sexes and sexes["sin_dato"].suppressed  # her answer is not used to split
    assert sexes["hombre"].suppressed  # 5 shown would give the 1 back: complementary suppression
    assert len(women) == 6


@pytest.mark.django_db
def test_the_command_prints_long_csv_with_the_contract_header_and_no_small_cell(programme):
    _people(programme, 9, sex="mujer")
    _people(programme, 2, sex="hombre", center_name="Centro Lago")
    out = io.StringIO()
    call_command(
        "indicators_export", "--format", "csv", "--programme", "norte", "--from", f"{TODAY.year}-01-01", stdout=out
    )
    text = out.getvalue()
    data = [line for line in text.splitlines() if not line.startswith("# ")]
    rows = list(csv.DictReader(data))
    assert data[0] == "indicador,desagregacion,categoria,n,valor,suprimido"
    a_rows = [row for row in rows if row["indicador"] == "A"]
    assert {"total", "sexo", "ciudad", "edad"} <= {row["desagregacion"] for row in a_rows}
    for row in rows:
        if row["suprimido"] == "1":
            assert row["valor"] == "" and row["n"] == ""
        elif row["valor"] and not row["indicador"].startswith("P"):
            assert not 0 < float(row["valor"]) < 5
    assert "# sha256: " in text and "# versiones: " in text
    assert IndicatorAccess.objects.get().action == IndicatorAccess.Action.COMMAND


@pytest.mark.django_db
def test_xlsx_export_keeps_formulas_as_text(programme, tmp_path):
    import zipfile

    _people(programme, 6, sex="mujer")
    target = tmp_path / "out.xlsx"
    call_command("indicators_export", "--format", "xlsx", "--output", str(target), "--programme", "norte")
    with zipfile.ZipFile(target) as book:
        assert "xl/worksheets/sheet2.xml" in book.namelist()


@pytest.mark.django_db
def test_the_page_for_a_donor_within_twelve_queries(client, programme, django_assert_max_num_queries):
    _people(programme, 12, sex="mujer")
    donor = UserFactory(role="donante")
    programme.donors.add(donor)
    client.force_login(donor)
    url = reverse("indicators:programme", args=[programme.slug])
    with django_assert_max_num_queries(12):
        response = client.get(url + "?desagregacion=sexo")
    assert response.status_code == 200
    body = response.content.decode()
    assert "<svg" in body and "<title" in body and "Emprende Norte" in body
    assert IndicatorAccess.objects.get().user == donor


@pytest.mark.django_db
def test_others_get_404(client, programme):
    other = Programme.objects.create(name="Otro", slug="otro")
    other_coordinator = UserFactory(role="coordinacion")
    other.coordinators.add(other_coordinator)
    other_donor = UserFactory(role="donante")
    other.donors.add(other_donor)
    for user in (other_coordinator, other_donor, UserFactory(role="mentor"), UserFactory(role="aprendiz")):
        client.force_login(user)
        assert client.get(reverse("indicators:programme", args=[programme.slug])).status_code == 404
        export = reverse("indicators:export", args=[programme.slug])
        assert client.post(export, {"formato": "csv"}).status_code == 404
    coordinator = UserFactory(role="coordinacion")
    programme.coordinators.add(coordinator)
    client.force_login(coordinator)
    response = client.post(reverse("indicators:export", args=[programme.slug]), {"formato": "csv"})
    assert response.status_code == 302 and "/trabajos/" in response.url

import pytest
from django.urls import reverse

from incubator.jury.models import Assignment, Entry
from incubator.jury.services.assignments import assignment_declare, assignments_fill
from incubator.jury.services.entries import calibration_entry_add
from incubator.jury.services.sheets import score_sheet_save, score_sheet_submit
from tests.factories import UserFactory, pitch_event_with_entries

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def calibration():
    event, _entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    entry = calibration_entry_add(
        event=event, title="Arepas de muestra", text="Vendemos arepas en la feria.", by=coordinator
    )
    criteria = list(event.rubric.criteria.all())
    return event, entry, jurors, coordinator, criteria


def _score(juror, entry, criteria, levels, *, submit=True):
    assignment = Assignment.objects.get(juror=juror, entry=entry)
    assignment_declare(assignment=assignment, conflict=False, by=juror)
    score_sheet_save(
        assignment=assignment,
        by=juror,
        levels=dict(zip([c.pk for c in criteria], levels, strict=True)),
        comment=f"Comentario de {juror.username}",
        private_note="",
        base_revision=0,
    )
    if submit:
        score_sheet_submit(assignment=assignment, by=juror)


def test_the_spread_stays_hidden_until_every_juror_submitted_then_shows_min_median_max_without_names(
    client, calibration
):
    event, entry, jurors, _coordinator, criteria = calibration
    url = reverse("jury:sheet", args=[entry.pk])
    _score(jurors[0], entry, criteria, [1, 2, 3, 4, 5])
    _score(jurors[1], entry, criteria, [3, 3, 3, 3, 3])
    _score(jurors[2], entry, criteria, [5, 5, 1, 2, 4], submit=False)
    client.force_login(jurors[0])
    page = client.get(url).content.decode()
    assert "Vendemos arepas en la feria." in page and "Cómo calificó el jurado" not in page
    score_sheet_submit(assignment=Assignment.objects.get(juror=jurors[2], entry=entry), by=jurors[2])
    response = client.get(url)
    page = response.content.decode()
    assert "Cómo calificó el jurado" in page
    first = response.context["spread"][0]
    assert (first.criterion, first.low, first.middle, first.high) == (criteria[0], 1, 3, 5)
    assert [(s.low, s.middle, s.high) for s in response.context["spread"]] == [
        (1, 3, 5),
        (2, 3, 5),
        (1, 3, 3),
        (2, 3, 4),
        (3, 4, 5),
    ]
    for other in jurors[1:]:
        assert other.display_name not in page and f"Comentario de {other.username}" not in page


def test_a_recused_juror_does_not_hold_the_spread_back(client, calibration):
    event, entry, jurors, _coordinator, criteria = calibration
    _score(jurors[0], entry, criteria, [2, 2, 2, 2, 2])
    _score(jurors[1], entry, criteria, [4, 4, 4, 4, 4])
    assignment_declare(
        assignment=Assignment.objects.get(juror=jurors[2], entry=entry),
        conflict=True,
        reason="Conozco el caso real",
        by=jurors[2],
    )
    client.force_login(jurors[1])
    response = client.get(reverse("jury:sheet", args=[entry.pk]))
    assert [(s.low, s.middle, s.high) for s in response.context["spread"]] == [(2, 3, 4)] * 5


def test_a_real_entry_never_shows_a_spread(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=3)
    assignments_fill(event=event, by=coordinator)
    criteria = list(event.rubric.criteria.all())
    for juror in jurors:
        _score(juror, entries[0], criteria, [3, 3, 3, 3, 3])
    client.force_login(jurors[0])
    response = client.get(reverse("jury:sheet", args=[entries[0].pk]))
    assert response.context["spread"] is None and "Cómo calificó el jurado" not in response.content.decode()


def test_a_juror_added_later_gets_the_calibration_too(calibration):
    event, entry, jurors, coordinator, _criteria = calibration
    late = UserFactory(role="jurado")
    event.jurors.add(late)
    assignments_fill(event=event, by=coordinator)
    assert Entry.objects.get(pk=entry.pk).assignments.filter(juror=late).exists()

"""Back office: rubrics with their criteria inline, pitch events limited to the coordinator's cohorts."""

import pytest
from django.urls import reverse

from incubator.jury.models import Criterion, PitchEvent, Rubric
from incubator.jury.services.results import event_close
from tests.factories import CohortFactory, UserFactory, pitch_event_with_entries
from tests.incubator.jury.results_support import agreeing_grid, scored_event

pytestmark = pytest.mark.django_db


def test_a_coordinator_sees_and_edits_only_events_of_their_cohorts(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=1)
    other = PitchEvent.objects.create(
        cohort=CohortFactory(name="Cohorte Guayaquil"),
        name="Pitch de Guayaquil",
        starts_at=event.starts_at,
        place="Malecón",
        rubric=event.rubric,
        total_budget=1400,
    )
    client.force_login(coordinator)
    index = client.get(reverse("eventos-pitch:index"))
    assert index.status_code == 200
    text = index.content.decode()
    assert event.name in text and "Pitch de Guayaquil" not in text
    assert reverse("jury:results", args=[event.pk]) in text
    assert client.get(reverse("eventos-pitch:edit", args=[event.pk])).status_code == 200
    assert client.get(reverse("eventos-pitch:edit", args=[other.pk])).status_code == 404
    form = client.get(reverse("eventos-pitch:add")).content.decode()
    assert event.cohort.name in form and "Cohorte Guayaquil" not in form


def test_a_closed_event_cannot_be_edited_in_the_admin(client):
    event, entries, jurors, coordinator = scored_event(agreeing_grid(6, 3))
    event_close(event=event, by=coordinator)
    client.force_login(coordinator)
    response = client.post(
        reverse("eventos-pitch:edit", args=[event.pk]),
        {
            "cohort": event.cohort_id,
            "name": event.name,
            "starts_at": event.starts_at.strftime("%Y-%m-%d %H:%M"),
            "place": event.place,
            "rubric": event.rubric_id,
            "total_budget": "9999",
            "award_rule": "fijo",
            "fixed_amount": "700",
            "jurors": [j.pk for j in jurors],
        },
    )
    assert response.status_code == 200 and "reábrelo" in response.content.decode()
    event.refresh_from_db()
    assert event.total_budget == 2100


def test_a_coordinator_adds_a_rubric_with_criteria_inline(client):
    coordinator = UserFactory(role="coordinacion")
    client.force_login(coordinator)
    assert client.get(reverse("rubricas:index")).status_code == 200
    data = {
        "name": "Rúbrica corta",
        "description": "",
        "criteria-TOTAL_FORMS": "1",
        "criteria-INITIAL_FORMS": "0",
        "criteria-MIN_NUM_FORMS": "1",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-name": "Pitch",
        "criteria-0-weight": "1",
        "criteria-0-ORDER": "1",
        "criteria-0-id": "",
        "criteria-0-DELETE": "",
        **{f"criteria-0-level_{n}": f"Nivel {n}" for n in range(1, 6)},
    }
    response = client.post(reverse("rubricas:add"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    rubric = Rubric.objects.get(name="Rúbrica corta")
    assert Criterion.objects.get(rubric=rubric).level_5 == "Nivel 5"


def test_jurors_mentors_and_learners_have_no_pitch_back_office(client):
    event, entries, jurors, coordinator = pitch_event_with_entries(ventures=1, jurors=1)
    for role in ("jurado", "mentor", "aprendiz"):
        client.force_login(UserFactory(role=role))
        assert client.get(reverse("eventos-pitch:index")).status_code in (302, 403)
        assert client.get(reverse("eventos-pitch:edit", args=[event.pk])).status_code in (302, 403, 404)

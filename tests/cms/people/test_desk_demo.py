"""`make run`'s demo loads the desk: a programme with centers, consent texts and people across cities."""

import pytest
from django.core.management import call_command

from cms.accounts.models import Center, Participant, Programme, User
from cms.people.demo import WALK_INS, desk_demo_ensure
from cms.people.models import ConsentEvent, ConsentText, ParticipantEvent, Purpose
from cms.people.selectors import participants_visible_to


def _counts() -> dict[str, int]:
    models = (Programme, Center, ConsentText, Participant, ConsentEvent, ParticipantEvent)
    return {model.__name__: model.objects.count() for model in models}


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def test_the_demo_loads_the_desk_once_and_a_second_run_changes_nothing(db):
    with open("/dev/null", "w") as quiet:
        call_command("demo_load", stdout=quiet)
        call_command("demo_load_incubator", stdout=quiet)
    first = _counts()
    assert not desk_demo_ensure()
    assert _counts() == first

    programme = Programme.objects.get(slug="emprende-pichincha")
    assert {center.city for center in programme.centers.all()} == {"Quito", "Santo Domingo", "Ibarra"}
    coordinator = User.objects.get(username="coordinadora")
    assert programme.coordinators.filter(pk=coordinator.pk).exists()
    assert {text.purpose for text in ConsentText.objects.filter(version="v2026-12")} == set(Purpose.values)
    walk_ins = Participant.objects.filter(user__isnull=True)
    assert walk_ins.count() == len(WALK_INS) >= 30
    assert walk_ins.values("city").distinct().count() >= 5
    assert Participant.objects.get(user__username="aprendiz").center.city == "Quito"

    visible = participants_visible_to(user=coordinator)
    assert visible.filter(user__isnull=True, center__isnull=False).count() >= 25
    assert visible.filter(city="Cuenca", user__isnull=False).exists()  # her cohort's people, by the incubator
    assert not visible.filter(city="Guayaquil").exists()

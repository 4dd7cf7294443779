import pytest
from django.urls import reverse

from incubator.jury.models import PitchEvent
from tests.factories import UserFactory, pitch_event_with_entries


@pytest.fixture(autouse=True)
def _fast_hasher(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.mark.django_db
def test_a_team_member_lists_only_their_own_pitches_and_the_result_link_appears_after_close(client):
    event, entries, _jurors, _coordinator = pitch_event_with_entries(ventures=2, jurors=0)
    mine, other = entries
    member = mine.venture.members.get()
    client.force_login(member)

    page = client.get(reverse("jury:my_results")).content.decode()

    assert mine.venture.name in page and other.venture.name not in page
    assert reverse("jury:my_result", args=[event.pk]) not in page  # still open: no result yet
    PitchEvent.objects.filter(pk=event.pk).update(status=PitchEvent.Status.CLOSED)
    page = client.get(reverse("jury:my_results")).content.decode()
    assert reverse("jury:my_result", args=[event.pk]) in page


@pytest.mark.django_db
def test_a_person_without_a_venture_sees_an_empty_list(client):
    pitch_event_with_entries(ventures=1, jurors=0)
    client.force_login(UserFactory(role="jurado"))

    page = client.get(reverse("jury:my_results")).content.decode()

    assert "todavía no participó" in page

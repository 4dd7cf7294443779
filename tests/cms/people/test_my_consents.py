"""The person's "Mis permisos" page: she gives and withdraws each purpose herself, as simply as it was given."""

import pytest
from django.urls import reverse

from cms.accounts.models import Participant
from cms.people.models import ConsentEvent, Purpose
from cms.people.selectors import consent_given
from cms.people.services import consent_give
from tests.factories import UserFactory

URL = "/cuenta/permisos/"


@pytest.mark.django_db
def test_the_page_lists_every_purpose_with_its_state_and_current_text(client, consent_texts):
    learner = UserFactory(role="aprendiz")
    client.force_login(learner)
    page = client.get(URL).content.decode()
    assert reverse("people:my_consents") == URL
    for purpose in Purpose:
        assert str(purpose.label) in page
    assert consent_texts[Purpose.DONOR_AGGREGATE].body in page
    assert page.count('value="dar"') == 3  # a referral is given where it is made, per organisation
    assert not Participant.objects.exists()  # reading the page creates nothing


@pytest.mark.django_db
def test_she_gives_then_withdraws_a_purpose_with_one_button_each(client, consent_texts):
    learner = UserFactory(role="aprendiz")
    client.force_login(learner)
    response = client.post(URL, {"purpose": "fotos", "action": "dar"})
    assert response.status_code == 302
    record = Participant.objects.get(user=learner)
    assert consent_given(participant=record, purpose=Purpose.CATALOGUE_PHOTOS)
    given = ConsentEvent.objects.get()
    assert (given.by, given.text) == (learner, consent_texts[Purpose.CATALOGUE_PHOTOS])
    assert "Retirar permiso" in client.get(URL).content.decode()
    client.post(URL, {"purpose": "fotos", "action": "retirar"})
    assert not consent_given(participant=record, purpose=Purpose.CATALOGUE_PHOTOS)
    assert ConsentEvent.objects.count() == 2


@pytest.mark.django_db
def test_she_withdraws_a_referral_consent_but_cannot_give_one_here(client, consent_texts):
    learner = UserFactory(role="aprendiz")
    record = Participant.objects.create(user=learner, given_names="Ana")
    consent_give(participant=record, purpose=Purpose.REFERRAL, scope="3:cuidado", by=None)
    client.force_login(learner)
    client.post(URL, {"purpose": "derivacion", "scope": "", "action": "dar"})
    assert not consent_given(participant=record, purpose=Purpose.REFERRAL)
    client.post(URL, {"purpose": "derivacion", "scope": "3:cuidado", "action": "retirar"})
    assert not consent_given(participant=record, purpose=Purpose.REFERRAL, scope="3:cuidado")


@pytest.mark.django_db
def test_the_profile_links_to_mis_permisos(client):
    client.force_login(UserFactory(role="aprendiz"))
    assert URL in client.get(reverse("accounts:profile")).content.decode()


@pytest.mark.django_db
def test_someone_elses_consent_cannot_be_touched_from_here(client, person, consent_texts):
    consent_give(participant=person, purpose=Purpose.TRAINING, by=None)
    client.force_login(UserFactory(role="aprendiz"))
    client.post(URL, {"purpose": "formacion", "action": "retirar", "participant": person.pk})
    assert consent_given(participant=person, purpose=Purpose.TRAINING)

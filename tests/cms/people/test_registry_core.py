import pytest
from django.core.exceptions import PermissionDenied

from cms.accounts.models import Center, Participant, Programme
from cms.people import selectors, services
from cms.people.models import ConsentEvent, ConsentText, ParticipantEvent, Purpose, SensitiveRead
from tests.factories import UserFactory


@pytest.fixture
def programme():
    programme = Programme.objects.create(name="Emprende Pichincha", slug="pichincha")
    Center.objects.create(programme=programme, name="Centro Norte", province="Pichincha", city="Quito")
    return programme


def _walk_in(programme, **fields):
    coordinator = UserFactory(role="coordinacion")
    programme.coordinators.add(coordinator)
    fields = {"given_names": "Brígida", "surnames": "Yépez Hidalgo", "center": programme.centers.get(), **fields}
    return coordinator, services.participant_register(by=coordinator, **fields)


@pytest.mark.django_db
def test_a_coordinator_registers_a_walk_in_without_an_account_and_it_is_logged(programme):
    coordinator, person = _walk_in(programme, mobility="refugiada")
    assert person.user is None and person.created_by == coordinator
    assert ParticipantEvent.objects.get(participant=person).action == ParticipantEvent.Action.REGISTERED
    assert list(selectors.participants_visible_to(user=coordinator)) == [person]


@pytest.mark.django_db
def test_other_coordinators_mentors_and_learners_see_no_one(programme):
    _coordinator, person = _walk_in(programme)
    other = UserFactory(role="coordinacion")
    Programme.objects.create(name="Otro", slug="otro").coordinators.add(other)
    for user in (other, UserFactory(role="mentor"), UserFactory(role="jurado"), UserFactory(role="aprendiz")):
        assert not selectors.participants_visible_to(user=user).exists()
        with pytest.raises(Participant.DoesNotExist):
            selectors.participant_for(user=user, pk=person.pk)


@pytest.mark.django_db
def test_a_self_registered_learner_in_a_center_city_is_in_the_coordinators_scope(programme):
    coordinator, _person = _walk_in(programme)
    learner = UserFactory(role="aprendiz")
    record = Participant.objects.create(user=learner, city="Quito")
    Participant.objects.create(user=UserFactory(role="aprendiz"), city="Cuenca")
    assert record in selectors.participants_visible_to(user=coordinator)
    assert selectors.participants_visible_to(user=coordinator).count() == 2


@pytest.mark.django_db
def test_a_sensitive_read_by_a_coordinator_is_logged_and_a_mentor_is_refused(programme):
    coordinator, person = _walk_in(programme, mobility="refugiada")
    value = selectors.participant_sensitive_read(
        reader=coordinator, participant=person, field="mobility", reason="Derivación legal"
    )
    assert value == "Persona refugiada o solicitante de asilo"
    read = SensitiveRead.objects.get()
    assert (read.reader, read.field, read.reason, read.reader_role) == (
        coordinator,
        "mobility",
        "Derivación legal",
        "coordinacion",
    )
    with pytest.raises(PermissionDenied):
        selectors.participant_sensitive_read(
            reader=UserFactory(role="mentor"), participant=person, field="mobility", reason="curiosidad"
        )
    assert SensitiveRead.objects.count() == 1


@pytest.mark.django_db
def test_reading_her_own_sensitive_field_is_not_logged():
    learner = UserFactory(role="aprendiz")
    record = Participant.objects.create(user=learner, disability="si")
    assert selectors.participant_sensitive_read(reader=learner, participant=record, field="disability", reason="")
    assert not SensitiveRead.objects.exists()


@pytest.mark.django_db
def test_consent_is_given_and_revoked_per_purpose_and_scope_with_the_text_version(programme):
    _coordinator, person = _walk_in(programme)
    text = ConsentText.objects.create(purpose=Purpose.REFERRAL, version="2026-12", body="Compartimos tu nombre…")
    services.consent_give(participant=person, purpose=Purpose.REFERRAL, scope="3:cuidado", by=None)
    assert selectors.consent_given(participant=person, purpose=Purpose.REFERRAL, scope="3:cuidado")
    assert not selectors.consent_given(participant=person, purpose=Purpose.REFERRAL, scope="4:cuidado")
    assert not selectors.consent_given(participant=person, purpose=Purpose.DONOR_AGGREGATE)
    assert ConsentEvent.objects.get().text == text
    services.consent_revoke(participant=person, purpose=Purpose.REFERRAL, scope="3:cuidado", by=None)
    assert not selectors.consent_given(participant=person, purpose=Purpose.REFERRAL, scope="3:cuidado")
    with pytest.raises(services.ConsentMissing):
        services.consent_require(participant=person, purpose=Purpose.REFERRAL, scope="3:cuidado")
    assert [e.action for e in selectors.consents_of(participant=person)] == [ConsentEvent.Action.REVOKED]
    assert ConsentEvent.objects.count() == 2  # the ledger keeps both lines


@pytest.mark.django_db
def test_case_notes_are_private_to_their_author_unless_shared_and_never_for_mentors(programme):
    author, person = _walk_in(programme)
    colleague = UserFactory(role="coordinacion")
    programme.coordinators.add(colleague)
    private = services.case_note_add(by=author, participant=person, body="Teme ir a la oficina.")
    shared = services.case_note_add(by=author, participant=person, body="Necesita guardería.", shared=True)
    assert set(selectors.case_notes_for(user=author, participant=person)) == {private, shared}
    assert list(selectors.case_notes_for(user=colleague, participant=person)) == [shared]
    assert not selectors.case_notes_for(user=UserFactory(role="mentor"), participant=person).exists()


@pytest.mark.django_db
def test_a_correction_logs_the_field_names_but_never_the_sensitive_values(programme):
    coordinator, person = _walk_in(programme)
    services.participant_update(by=coordinator, participant=person, data={"mobility": "migrante", "city": "Quito"})
    event = ParticipantEvent.objects.filter(action=ParticipantEvent.Action.UPDATED).get()
    assert event.detail == {"fields": ["city", "mobility"]}
    assert "migrante" not in str(event.detail)

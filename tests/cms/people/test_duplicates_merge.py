import pytest

from cms.accounts.models import PREFER_NOT, Participant
from cms.people import selectors_duplicates, services_merge
from cms.people.models import NotSamePerson, ParticipantEvent
from cms.people.records import records_of
from tests.cms.people.desk_fixtures import programme_with_coordinator, twin_records, walk_in
from tests.factories import UserFactory

Action = ParticipantEvent.Action


@pytest.fixture
def desk(db):
    return programme_with_coordinator()


def test_the_scan_proposes_the_two_spellings_with_reasons_field_by_field(desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    walk_in(coordinator, programme, given_names="Pedro", surnames="Andrade Mora")
    pairs = selectors_duplicates.duplicate_pairs_for(user=coordinator)
    assert len(pairs) == 1
    pair = pairs[0]
    assert {pair.a.pk, pair.b.pk} == {old.pk, new.pk}
    rows = {row.label: row for row in pair.rows}
    assert rows["Apellidos"].reason is not None and "suenan igual" in rows["Apellidos"].reason.detail
    assert rows["Fecha de nacimiento"].a == rows["Fecha de nacimiento"].b == "12/03/1990"
    # Sensitive fields are never part of the comparison.
    assert not any("movilidad" in row.label.lower() or "discapacidad" in row.label.lower() for row in pair.rows)


def test_a_merge_keeps_the_older_record_fills_its_gaps_and_undo_restores_exactly(desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    before = {f: getattr(Participant.objects.get(pk=old.pk), f) for f in services_merge.FILLABLE if f != "center"}

    survivor = services_merge.participant_merge(by=coordinator, a=new, b=old)

    assert survivor.pk == old.pk
    survivor.refresh_from_db()
    new.refresh_from_db()
    assert new.merged_into_id == old.pk
    assert survivor.phone == "0991234567" and survivor.nationality == "venezolana" and survivor.mobility == "refugiada"
    assert survivor.given_names == "Brígida"  # filled only where empty
    merged_event = ParticipantEvent.objects.get(participant=old, action=Action.MERGED)
    assert merged_event.detail["other"] == new.pk
    assert set(merged_event.detail["before"]) == {"phone", "nationality", "mobility"}
    assert "refugiada" not in str(merged_event.detail)  # sensitive values never enter the log
    assert ParticipantEvent.objects.get(participant=new, action=Action.MERGED).detail["other"] == old.pk
    assert new not in selectors_duplicates.participants_visible_to(user=coordinator)
    assert set(records_of(old)) == {old, new}

    services_merge.participant_unmerge(by=coordinator, merged=new)

    old.refresh_from_db()
    new.refresh_from_db()
    assert new.merged_into_id is None
    assert {f: getattr(old, f) for f in before} == before
    assert old.mobility == PREFER_NOT
    assert ParticipantEvent.objects.filter(action=Action.UNMERGED).count() == 2
    assert set(records_of(old)) == {old}


def test_undo_keeps_a_value_someone_changed_after_the_merge(desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    services_merge.participant_merge(by=coordinator, a=old, b=new)
    Participant.objects.filter(pk=old.pk).update(phone="0987654321")
    new.refresh_from_db()
    services_merge.participant_unmerge(by=coordinator, merged=new)
    old.refresh_from_db()
    assert old.phone == "0987654321"


def test_the_record_with_an_account_survives_and_two_accounts_are_refused(desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    Participant.objects.filter(pk=new.pk).update(user=UserFactory(role="aprendiz"))
    new.refresh_from_db()
    assert services_merge.survivor_of(old, new) == (new, old)
    Participant.objects.filter(pk=old.pk).update(user=UserFactory(role="aprendiz"))
    old.refresh_from_db()
    with pytest.raises(services_merge.MergeRefused, match="administración"):
        services_merge.participant_merge(by=coordinator, a=old, b=new)
    assert not Participant.objects.filter(merged_into__isnull=False).exists()


def test_a_pair_marked_not_the_same_is_not_proposed_again(desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    services_merge.not_same_mark(by=coordinator, a=new, b=old)
    services_merge.not_same_mark(by=coordinator, a=old, b=new)  # idempotent, either order
    pair = NotSamePerson.objects.get()
    assert (pair.first_id, pair.second_id) == (old.pk, new.pk)
    assert selectors_duplicates.duplicate_pairs_for(user=coordinator) == []
    assert ParticipantEvent.objects.filter(action=Action.NOT_SAME).count() == 2


def test_a_merged_record_cannot_be_merged_twice(desk):
    programme, coordinator = desk
    old, new = twin_records(coordinator, programme)
    third = walk_in(coordinator, programme, given_names="Brigida", birth_date=old.birth_date)
    services_merge.participant_merge(by=coordinator, a=old, b=new)
    with pytest.raises(services_merge.MergeRefused):
        services_merge.participant_merge(by=coordinator, a=new, b=third)

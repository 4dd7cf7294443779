import csv
from pathlib import Path

from cms.people.management.commands.participants_match import read_people
from cms.people.matching import PersonRecord, blocking_keys, brute_force_pairs, candidate_pairs, matches_for

DATA = Path(__file__).resolve().parents[3] / "bench" / "data"


def labelled_people():
    with (DATA / "matching_people.csv").open(encoding="utf-8-sig", newline="") as handle:
        result = read_people(handle)
    assert result.errors == ()
    return result.records


def truth():
    with (DATA / "matching_truth.csv").open(encoding="utf-8", newline="") as handle:
        return {frozenset((row["id_a"], row["id_b"])) for row in csv.DictReader(handle)}


def as_tuples(matches):
    return [(m.a_id, m.b_id, m.score, m.summary) for m in matches]


def test_the_labelled_set_is_big_enough():
    assert len(labelled_people()) >= 60


def test_blocking_finds_the_same_pairs_as_brute_force_on_the_labelled_set():
    people = labelled_people()
    assert as_tuples(candidate_pairs(people)) == as_tuples(brute_force_pairs(people))


def test_blocking_finds_the_same_pairs_as_brute_force_at_any_threshold():
    people = labelled_people()
    assert as_tuples(candidate_pairs(people, threshold=20)) == as_tuples(brute_force_pairs(people, threshold=20))


def test_the_labelled_pairs_are_found_and_nothing_else():
    found = {frozenset((m.a_id, m.b_id)) for m in candidate_pairs(labelled_people())}
    assert found == truth()


def test_pairs_come_best_first_with_the_earlier_record_as_a():
    people = labelled_people()
    order = {p.id: n for n, p in enumerate(people)}
    pairs = candidate_pairs(people)
    assert [m.score for m in pairs] == sorted((m.score for m in pairs), reverse=True)
    assert all(order[m.a_id] < order[m.b_id] for m in pairs)


def test_two_records_one_cedula_typo_apart_share_a_blocking_key():
    a = PersonRecord("a", "Ana", "Paz", document_type="cedula", document="1703456788")
    b = PersonRecord("b", "Luz", "Soto", document_type="cedula", document="1703465788")
    assert blocking_keys(a) & blocking_keys(b)


def test_records_with_nothing_in_common_share_no_blocking_key():
    a = PersonRecord("a", "Ana", "Paz", phone="0991234567")
    b = PersonRecord("b", "Luis", "Soto", phone="0987654321")
    assert not blocking_keys(a) & blocking_keys(b)


def test_matches_for_one_new_record_among_many():
    people = labelled_people()
    walk_in = PersonRecord("new", "Yoni", "Rivas", document_type="cedula_venezolana", document="12.345.678")
    found = matches_for(walk_in, people)
    assert [(m.a_id, m.b_id) for m in found][:2] == [("new", "p19"), ("new", "p20")]
    assert matches_for(people[18], people)[0].b_id == "p20"

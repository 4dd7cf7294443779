from datetime import date

import pytest

from cms.people.matching.dates import DateVerdict, compare_dates
from cms.people.matching.documents import (
    DocumentType,
    DocumentVerdict,
    compare_documents,
    one_edit_apart,
    parse_document,
)
from cms.people.matching.phones import phone_key

VALID = "1703456788"  # an Ecuadorian cédula whose check digit is right
OTHER_VALID = "0912345675"


def test_an_ecuadorian_cedula_is_checked_with_its_check_digit():
    assert parse_document("cedula", "170345678-8").valid
    assert not parse_document("cedula", "1703456789").valid


def test_an_ecuadorian_cedula_that_lost_its_first_zero_in_a_spreadsheet_gets_it_back():
    assert parse_document("cedula", "912345675").number == OTHER_VALID
    assert parse_document("", "912345675").number == OTHER_VALID
    assert parse_document("", "12345678").kind == DocumentType.CEDULA_VENEZOLANA


@pytest.mark.parametrize("raw", ["V-12.345.678", "V12345678", "12345678", "v 12 345 678", "012345678"])
def test_a_venezuelan_cedula_reads_the_same_in_any_form(raw):
    document = parse_document("cedula_venezolana", raw)
    assert (document.kind, document.number, document.valid) == (DocumentType.CEDULA_VENEZOLANA, "12345678", True)


def test_a_foreigners_venezuelan_cedula_keeps_its_digits():
    assert parse_document("cedula_venezolana", "E-84.123.456").number == "84123456"


def test_passports_are_upper_case_without_spaces_or_dashes():
    assert parse_document("pasaporte", "ab 123-456").number == "AB123456"


def test_an_untyped_document_is_guessed_from_its_form():
    assert parse_document("", VALID).kind == DocumentType.CEDULA
    assert parse_document("", "V-20.123.456").kind == DocumentType.CEDULA_VENEZOLANA
    assert parse_document("", "20123456").kind == DocumentType.CEDULA_VENEZOLANA
    assert parse_document("", "AB123456").kind == DocumentType.PASAPORTE
    assert parse_document("", "   ") is None


def _compare(a, b, kind="cedula"):
    return compare_documents(parse_document(kind, a), parse_document(kind, b))


def test_the_same_number_in_other_forms_is_the_same_document():
    assert _compare("V-12.345.678", "12345678", "cedula_venezolana") == DocumentVerdict.SAME


def test_a_cedula_failing_its_check_digit_one_edit_away_is_a_typo():
    assert _compare(VALID, "1703465788") == DocumentVerdict.TYPO  # two neighbours swapped
    assert _compare(VALID, "1703456781") == DocumentVerdict.TYPO  # one digit changed


def test_two_valid_cedulas_are_two_people():
    assert _compare(VALID, OTHER_VALID) == DocumentVerdict.DIFFERENT


def test_far_numbers_without_a_valid_check_are_different_unchecked():
    assert _compare(VALID, "0102030405") == DocumentVerdict.DIFFERENT_UNCHECKED


def test_venezuelan_numbers_one_edit_apart_are_near_not_a_typo():
    assert _compare("V-12345678", "V-12345679", "cedula_venezolana") == DocumentVerdict.NEAR


def test_documents_of_different_types_are_not_compared():
    a, b = parse_document("pasaporte", "AB123456"), parse_document("cedula", VALID)
    assert compare_documents(a, b) == DocumentVerdict.NOT_COMPARABLE
    assert compare_documents(a, None) == DocumentVerdict.NOT_COMPARABLE


def test_one_edit_apart_counts_a_swap_of_neighbours_as_one():
    assert one_edit_apart("1234", "1324")
    assert not one_edit_apart("1234", "1234")
    assert not one_edit_apart("1234", "4231")


@pytest.mark.parametrize(
    ("a", "b", "verdict"),
    [
        (date(1990, 3, 5), date(1990, 3, 5), DateVerdict.SAME),
        (date(1990, 3, 5), date(1990, 5, 3), DateVerdict.SWAPPED),
        (date(1990, 3, 5), date(1991, 3, 5), DateVerdict.CLOSE),
        (date(1990, 3, 5), date(1990, 3, 6), DateVerdict.CLOSE),
        (date(1990, 3, 5), date(1993, 8, 20), DateVerdict.DIFFERENT),
        (date(1968, 6, 20), date(1993, 2, 11), DateVerdict.GENERATION),
        (date(1990, 3, 5), None, DateVerdict.MISSING),
    ],
)
def test_birth_dates(a, b, verdict):
    assert compare_dates(a, b) == verdict


@pytest.mark.parametrize("raw", ["+593 99 123 4567", "593991234567", "0991234567", "099-123-4567", "00593991234567"])
def test_ecuadorian_phones_in_any_form_give_one_key(raw):
    assert phone_key(raw) == "991234567"


@pytest.mark.parametrize("raw", ["+58 412-1234567", "584121234567", "0412 1234567"])
def test_venezuelan_phones_in_any_form_give_one_key(raw):
    assert phone_key(raw) == "4121234567"


def test_a_phone_too_short_gives_no_key():
    assert phone_key("0000") == ""

from datetime import date

from cms.people.matching import SHOW_AT, Field, PersonRecord, compare, match

VALID = "1703456788"
OTHER_VALID = "0912345675"


def person(id_, given, surnames, **fields):
    return PersonRecord(id=id_, given_names=given, surnames=surnames, **fields)


def details(found):
    return [r.detail for r in found.reasons]


def test_sound_alike_surnames_are_a_match_with_the_reason():
    found = match(person("a", "Rosa", "Yépez Mora"), person("b", "Rosa", "Llépez Mora"))
    assert found is not None and found.score >= SHOW_AT
    assert "Apellidos: suenan igual (Yépez Mora / Llépez Mora)" in details(found)


def test_the_same_document_is_said_first():
    found = match(
        person("a", "Carlos", "Valverde Ortiz", document_type="cedula_venezolana", document="V-14.567.890"),
        person("b", "Carlos", "Balverde Ortiz", document_type="cedula_venezolana", document="14567890"),
    )
    assert found.reasons[0].field == Field.DOCUMENT
    assert found.reasons[0].detail == "Documento: el mismo número"
    assert found.score > 95


def test_day_and_month_swapped_count_for_the_match():
    found = match(
        person("a", "Patricia", "Vargas León", birth_date=date(1992, 7, 3)),
        person("b", "Patricia", "Vargas Leon", birth_date=date(1992, 3, 7)),
    )
    assert "Fecha de nacimiento: día y mes invertidos" in details(found)


def test_surnames_in_either_order_or_one_missing_match():
    swapped = match(person("a", "Ana Lucía", "Torres Mendoza"), person("b", "Ana Lucía", "Mendoza Torres"))
    missing = match(person("a", "Pedro", "Guerrero Salazar"), person("b", "Pedro", "Guerrero"))
    assert swapped.reasons[-1].verdict == "swapped"
    assert missing.reasons[-1].verdict == "one_missing"


def test_venezuelan_first_names_match():
    found = match(person("a", "Jhonny", "Rivas Colmenares"), person("b", "Yoni", "Rivas Colmenares"))
    assert "Nombres: suenan igual (Jhonny / Yoni)" in details(found)


def test_a_cedula_typo_is_the_same_person():
    found = match(
        person("a", "Gabriela", "Andrade Silva", document_type="cedula", document=VALID),
        person("b", "Gabriela", "Andrade Silva", document_type="cedula", document="1703465788"),
    )
    assert found.reasons[0].verdict == "typo"


def test_phones_in_other_formats_are_the_same():
    found = match(
        person("a", "Sandra", "Moreira Vélez", phone="+593 99 876 5432"),
        person("b", "Sandra", "Moreira Velez", phone="0998765432"),
    )
    assert "Teléfono: el mismo" in details(found)


def test_siblings_are_not_proposed():
    a = person("a", "Andrea", "Castillo Rivera", birth_date=date(1993, 4, 12), phone="0998887766", city="Quito")
    b = person("b", "Paola", "Castillo Rivera", birth_date=date(1996, 8, 30), phone="0998887766", city="Quito")
    assert match(a, b) is None


def test_twins_with_other_first_names_are_not_proposed():
    born = date(2003, 10, 1)
    a = person("a", "Sofía", "Ortega Lima", birth_date=born, phone="0976665544", city="Cuenca")
    b = person("b", "Valeria", "Ortega Lima", birth_date=born, phone="0976665544", city="Cuenca")
    assert match(a, b) is None


def test_twins_sharing_a_second_name_are_not_proposed():
    born = date(2000, 2, 14)
    a = person("a", "Luis Alberto", "Suárez Mena", birth_date=born, phone="0985554433")
    b = person("b", "Carlos Alberto", "Suárez Mena", birth_date=born, phone="0985554433")
    assert match(a, b) is None


def test_a_mother_and_daughter_with_the_same_name_are_not_proposed():
    name = ("Carmen Rosa", "Delgado Pérez")
    a = person("a", *name, birth_date=date(1968, 6, 20), phone="0412 333 2211", city="Quito")
    b = person("b", *name, birth_date=date(1993, 2, 11), phone="+58 412 333 2211", city="Quito")
    found = compare(a, b)
    assert found.score < SHOW_AT
    assert "Fecha de nacimiento: 25 años de diferencia, otra generación" in details(found)


def test_common_names_with_different_valid_cedulas_are_not_proposed():
    a = person("a", "María José", "García López", document_type="cedula", document=VALID)
    b = person("b", "María José", "García López", document_type="cedula", document=OTHER_VALID)
    found = compare(a, b)
    assert found.score < SHOW_AT
    assert found.reasons[0].detail == "Documento: dos números válidos distintos"


def test_cousins_with_one_surname_in_common_are_not_proposed():
    a = person("a", "Daniel", "Mendoza Ruiz", birth_date=date(1991, 12, 12))
    b = person("b", "Daniel", "Mendoza Salinas", birth_date=date(1989, 3, 27))
    assert match(a, b) is None


def test_the_same_valid_document_is_always_shown_even_with_other_names():
    a = person("a", "Rosa", "Paz Soto", document_type="cedula", document=VALID)
    b = person("b", "Miguel", "Lara Vega", document_type="cedula", document=VALID)
    assert match(a, b).score >= SHOW_AT


def test_the_score_is_0_to_100_and_the_ids_keep_their_order():
    found = compare(person("x", "Ana", "Paz"), person("y", "Luis", "Soto"))
    assert 0 <= found.score <= 100
    assert (found.a_id, found.b_id) == ("x", "y")


def test_the_summary_joins_the_reasons():
    found = compare(person("a", "Ana", "Paz"), person("b", "Ana", "Paz"))
    assert found.summary == "Nombres: iguales; Apellidos: iguales"

import csv
import io

import pytest
from django.core.management import CommandError, call_command

HEADER = "id,nombres,apellidos,fecha_nacimiento,tipo_documento,documento,telefono,nacionalidad,ciudad\n"


def run(tmp_path, text, encoding="utf-8"):
    path = tmp_path / "personas.csv"
    path.write_bytes(text.encode(encoding))
    out, err = io.StringIO(), io.StringIO()
    call_command("participants_match", str(path), stdout=out, stderr=err)
    return list(csv.reader(io.StringIO(out.getvalue()))), err.getvalue()


def test_it_prints_the_pairs_best_first_with_a_spanish_reason(tmp_path):
    rows, err = run(
        tmp_path,
        HEADER
        + "1,Rosa,Yépez Mora,1990-03-05,,,,,\n"
        + "2,Luis,Soto Paz,,,,,,\n"
        + "3,Rosa,Llépez Mora,1990-05-03,,,,,\n"
        + "4,Carlos,Valverde,,cedula_venezolana,V-14.567.890,,,\n"
        + "5,Carlos,Balverde Ortiz,,,14567890,,,\n",
    )
    assert err == ""
    assert rows[0] == ["id_a", "id_b", "puntaje", "motivo"]
    assert [r[:2] for r in rows[1:]] == [["4", "5"], ["1", "3"]]
    assert int(rows[1][2]) >= int(rows[2][2])
    assert rows[2][3] == (
        "Nombres: iguales; Apellidos: suenan igual (Yépez Mora / Llépez Mora); "
        "Fecha de nacimiento: día y mes invertidos"
    )


def test_a_byte_order_mark_is_tolerated(tmp_path):
    rows, _ = run(tmp_path, "\ufeff" + HEADER + "1,Ana,Paz Soto,,,,,,\n2,Ana,Paz Soto,,,,,,\n")
    assert rows[1][:2] == ["1", "2"]


def test_bad_rows_are_reported_in_spanish_with_their_line_and_left_out(tmp_path):
    rows, err = run(
        tmp_path,
        HEADER
        + "1,Ana,Paz Soto,1990-13-45,,,,,\n"
        + "2,,Paz Soto,,,,,,\n"
        + "3,Ana,Paz Soto,,dni,123,,,\n"
        + "4,Ana,Paz Soto,,,,,,\n"
        + "4,Ana,Paz Soto,,,,,,\n"
        + "5,Ana,Paz Soto,,,,,,\n",
    )
    assert err.splitlines() == [
        "Línea 2: la fecha de nacimiento «1990-13-45» no es una fecha AAAA-MM-DD.",
        "Línea 3: falta «nombres».",
        "Línea 4: tipo_documento «dni» no es cedula, cedula_venezolana ni pasaporte.",
        "Línea 6: el id «4» ya apareció antes.",
    ]
    assert [r[:2] for r in rows[1:]] == [["4", "5"]]


def test_a_header_without_the_columns_is_an_error_in_spanish(tmp_path):
    with pytest.raises(CommandError, match="faltan columnas: fecha_nacimiento"):
        run(tmp_path, "id,nombres,apellidos\n1,Ana,Paz\n")


def test_a_file_not_in_utf8_is_an_error_in_spanish(tmp_path):
    with pytest.raises(CommandError, match="no está en UTF-8"):
        run(tmp_path, HEADER + "1,Ñusta,Peña,,,,,,\n", encoding="latin-1")


def test_a_missing_file_is_an_error_in_spanish(tmp_path):
    with pytest.raises(CommandError, match="No existe el archivo"):
        call_command("participants_match", str(tmp_path / "no.csv"))

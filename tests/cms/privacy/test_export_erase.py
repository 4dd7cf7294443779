import io
import json

import pytest
from django.core.management import call_command
from django.db import connection

from cms.accounts.models import Participant, User
from cms.privacy import selectors, services
from cms.privacy.models import PrivacyRequest
from tests.cms.privacy.conftest import IDENTIFIERS


def _dump_text() -> str:
    """Every row of every table, as dumpdata and as raw SQL text."""
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    text = [out.getvalue(), json.dumps(json.loads(out.getvalue()), ensure_ascii=False)]
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')
            text.append(repr(cursor.fetchall()))
    return "\n".join(text).lower()


def test_her_export_holds_her_texts_from_every_app(demo):
    document = selectors.person_export(who=demo.user)
    assert document["schema"] == "semilla.person-export" and document["schema_version"] == 1
    text = json.dumps(document, ensure_ascii=False)
    for expected in (*demo.texts.values(), IDENTIFIERS["document"], "Derivación a asesoría legal", "ABCD1234"):
        assert expected in text, expected
    titles = {section["title"] for section in document["sections"]}
    for title in (
        "Cursos",
        "Mentorías",
        "Encuestas",
        "Certificados",
        "Quién vio tus datos",
        "Incubadora: tu emprendimiento",
        "Incubadora: hitos y prototipos",
    ):
        assert title in titles, title
    assert "Vive con su tía" not in text  # the case note is listed, not shown
    notes = [i for s in document["sections"] for i in s["items"] if i["model"] == "people.CaseNote"]
    assert notes[0]["listed"]["count"] == 1 and notes[0]["listed"]["reason"]


def test_jurors_private_notes_are_listed_without_content(demo):
    text = json.dumps(selectors.person_export(who=demo.user), ensure_ascii=False)
    if "Buen pitch" in text:
        assert "Dudo de sus números" not in text and "Notas privadas del jurado" in text


def test_after_erasure_no_identifier_of_hers_is_left_in_the_database(demo):
    before = _dump_text()
    assert all(value.lower() in before for value in IDENTIFIERS.values())

    services.person_erase_now(who=demo.user)

    after = _dump_text()
    left = [name for name, value in IDENTIFIERS.items() if value.lower() in after]
    assert left == []
    user = User.objects.get(pk=demo.user.pk)
    assert not user.is_active and not user.has_usable_password()
    assert demo.texts["message"].lower() not in after and "[eliminado]" in after
    request = PrivacyRequest.objects.get(participant=demo.participant)
    assert request.kind == PrivacyRequest.Kind.ERASE and request.state == PrivacyRequest.State.DONE


def test_the_non_identifying_record_keeps_the_counts(demo):
    def counts():
        """What donors' indicators group by: the age band comes from the birth date, or the year when only
        that is known (after erasure)."""
        rows = Participant.objects.values_list(
            "sex", "birth_date", "birth_year", "nationality", "mobility", "city", "center"
        )
        return sorted(
            (sex, ((born.year if born else year) or 0) // 10, nationality, mobility, city, center)
            for sex, born, year, nationality, mobility, city, center in rows
        )

    before = counts()
    services.person_erase_now(who=demo.user)
    assert counts() == before


def test_the_preview_says_what_goes_and_what_stays_and_why(demo):
    lines = selectors.erasure_preview(who=demo.user)
    kept = [line for line in lines if line.kept]
    erased = [line for line in lines if not line.kept]
    assert erased and kept and all(line.legal_basis for line in kept)
    assert any(line.years == 7 for line in kept) or not any("capital" in line.title for line in kept)


@pytest.mark.django_db
def test_person_export_command_prints_the_same_json(demo):
    out = io.StringIO()
    call_command("person_export", IDENTIFIERS["username"], stdout=out)
    printed = json.loads(out.getvalue())
    assert printed["sections"] == selectors.person_export(who=demo.user)["sections"]

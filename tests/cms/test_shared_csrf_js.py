"""One csrfToken() for the pages' fetch() posts (cms/static/semilla/csrf.js), loaded by the base layout."""

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
POSTING_SCRIPTS = [
    "lms/quizzes/static/quizzes/autosave.js",
    "lms/h5p/static/h5p/lesson.js",
    "incubator/plans/static/plans/autosave.js",
    "incubator/jury/static/jury/sheet.js",
]


@pytest.mark.parametrize("path", POSTING_SCRIPTS)
def test_posting_scripts_use_the_shared_token_and_keep_no_copy(path):
    source = (ROOT / path).read_text()
    assert "Semilla.csrfToken(" in source
    assert "document.cookie" not in source and "function csrf" not in source


@pytest.mark.django_db
def test_the_base_layout_loads_the_shared_script_for_everyone(client):
    response = client.get("/cuenta/entrar/")
    assert response.status_code == 200
    assert "semilla/csrf." in response.content.decode()  # the hashed name of csrf.js

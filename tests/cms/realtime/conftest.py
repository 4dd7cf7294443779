import logging

import pytest


@pytest.fixture
def semilla_log(caplog):
    semilla = logging.getLogger("semilla")  # it does not propagate to the root, where caplog listens
    semilla.addHandler(caplog.handler)
    yield caplog
    semilla.removeHandler(caplog.handler)

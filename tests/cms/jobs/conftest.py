import pytest

from tests.cms.jobs import sample_tasks


@pytest.fixture(autouse=True)
def _sample_kind():
    sample_tasks.register()
    sample_tasks.RUNS.clear()
    yield
    sample_tasks.RUNS.clear()

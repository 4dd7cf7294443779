import pytest

from cms.accounts.services import roles_ensure


@pytest.fixture(autouse=True)
def _roles(db):
    roles_ensure()

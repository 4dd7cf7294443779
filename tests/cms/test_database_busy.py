"""Under SQLite nobody gets a 500 "database is locked" (issue 15, item 8).

Sign-up hashes the password before its short transaction takes the write lock; a transaction that still finds the
database locked is run again a few times; a view that gives up answers 503 in Spanish with nothing half-written.
"""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.db import OperationalError, connection
from django.test import RequestFactory

from cms.accounts import services
from cms.accounts.models import ConsentVersion, User
from cms.db import busy

LOCKED = OperationalError("database is locked")


class DepthRecordingHasher(MD5PasswordHasher):
    """Records how many atomic blocks were open on the connection while a password was hashed."""

    algorithm = "depth_recording_md5"
    depths: list[int] = []

    def encode(self, password, salt):
        DepthRecordingHasher.depths.append(len(connection.atomic_blocks))
        return super().encode(password, salt)


@pytest.fixture
def depth_hasher(settings):
    settings.PASSWORD_HASHERS = [f"{__name__}.DepthRecordingHasher"]
    DepthRecordingHasher.depths = []
    return DepthRecordingHasher


@pytest.fixture
def no_pause(monkeypatch):
    pauses: list[int] = []
    monkeypatch.setattr(busy, "_pause", pauses.append)
    return pauses


@pytest.mark.django_db
def test_sign_up_hashes_the_password_before_taking_the_write_lock(depth_hasher):
    outside = len(connection.atomic_blocks)  # the test's own transaction
    user = services.user_signup(username="rosa", password="girasol-del-valle-7", consent=ConsentVersion.objects.first())
    assert depth_hasher.depths == [outside]
    assert user.check_password("girasol-del-valle-7")


@pytest.mark.django_db
def test_a_coordinator_opening_an_account_hashes_before_the_write_lock_too(depth_hasher):
    coordinator = User.objects.create_user(username="carmen", password="x-y-z-12345678")
    depth_hasher.depths = []
    outside = len(connection.atomic_blocks)
    services.learner_create(by=coordinator, username="rosa", password="girasol-del-valle-7")
    assert depth_hasher.depths == [outside]


@pytest.mark.django_db(transaction=True)
def test_a_locked_transaction_is_rolled_back_and_run_again(no_pause):
    calls = []

    @busy.atomic_retrying
    def write():
        calls.append(1)
        User.objects.create(username=f"intento{len(calls)}")
        if len(calls) < 3:
            raise OperationalError("database is locked")
        return "listo"

    assert write() == "listo"
    assert len(calls) == 3 and no_pause == [0, 1]
    assert list(User.objects.values_list("username", flat=True)) == ["intento3"]  # the others rolled back


@pytest.mark.django_db(transaction=True)
def test_it_gives_up_after_a_few_attempts_and_other_errors_are_not_retried(no_pause):
    calls = []

    @busy.atomic_retrying
    def always_locked():
        calls.append(1)
        raise OperationalError("database is locked")

    with pytest.raises(OperationalError):
        always_locked()
    assert len(calls) == busy.ATTEMPTS

    @busy.atomic_retrying
    def broken():
        calls.append(1)
        raise OperationalError("no such table: nada")

    calls.clear()
    with pytest.raises(OperationalError):
        broken()
    assert len(calls) == 1


@pytest.mark.django_db
def test_inside_an_outer_transaction_the_block_is_not_retried_alone(no_pause):
    calls = []

    @busy.atomic_retrying
    def write():
        calls.append(1)
        raise OperationalError("database is locked")

    with pytest.raises(OperationalError):
        write()  # pytest-django's transaction is the outer one here
    assert len(calls) == 1


@pytest.mark.django_db
def test_a_view_that_finds_the_database_locked_answers_503_in_spanish(client, monkeypatch, no_pause):
    def locked(**kwargs):
        raise OperationalError("database is locked")

    monkeypatch.setattr(services, "user_role_set", locked)
    response = client.post(
        "/cuenta/registro/",
        {
            "username": "maria.lopez",
            "first_name": "María",
            "last_name": "López",
            "password1": "girasol-del-valle-7",
            "password2": "girasol-del-valle-7",
            "consent": "on",
        },
    )
    assert response.status_code == 503
    assert response["Retry-After"] == str(busy.RETRY_AFTER_SECONDS)
    assert "Hay mucha gente usando Semilla ahora. Inténtalo de nuevo en un momento." in response.content.decode()
    assert not User.objects.filter(username="maria.lopez").exists()


def test_other_errors_are_left_to_the_error_pages():
    middleware = busy.DatabaseBusyMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, OperationalError("no such table: nada")) is None
    assert middleware.process_exception(request, ValueError("database is locked")) is None

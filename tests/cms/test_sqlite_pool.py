"""The SQLite backend hands a closed connection to the next request, whatever its thread, and clean."""

import threading

import pytest
from django.db import connections

from cms.db.sqlite_pool.base import DatabaseWrapper


@pytest.fixture(autouse=True)
def _own_databases(django_db_blocker):
    """These tests open their own database files, apart from the test database."""
    with django_db_blocker.unblock():
        yield


def wrapper_for(path) -> DatabaseWrapper:
    return DatabaseWrapper({**connections["default"].settings_dict, "NAME": str(path)}, alias="pool-test")


def test_a_closed_connection_is_reused_by_a_request_in_another_thread(tmp_path):
    first = wrapper_for(tmp_path / "pool.sqlite3")
    first.ensure_connection()
    raw = first.connection
    first.close()
    reused = {}

    def other_request():
        second = wrapper_for(tmp_path / "pool.sqlite3")
        with second.cursor() as cursor:
            cursor.execute("SELECT 1")
        reused["same"] = second.connection is raw
        second.close()

    thread = threading.Thread(target=other_request)
    thread.start()
    thread.join()
    assert reused == {"same": True}


def test_a_connection_closed_inside_a_transaction_comes_back_without_it(tmp_path):
    db = wrapper_for(tmp_path / "pool.sqlite3")
    with db.cursor() as cursor:
        cursor.execute("CREATE TABLE t (n INTEGER)")
    db.set_autocommit(False)
    with db.cursor() as cursor:
        cursor.execute("INSERT INTO t VALUES (1)")
    db.close()
    db.closed_in_transaction = False  # what the next connect() starts from
    next_request = wrapper_for(tmp_path / "pool.sqlite3")
    with next_request.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM t")
        assert cursor.fetchone() == (0,)
    assert next_request.get_autocommit() and not next_request.connection.in_transaction
    next_request.close()


def test_an_in_memory_database_is_never_pooled():
    db = DatabaseWrapper({**connections["default"].settings_dict, "NAME": ":memory:"}, alias="pool-test-memory")
    db.ensure_connection()
    raw = db.connection
    db.close()  # Django keeps an in-memory database open: closing it would destroy it
    assert db.connection is raw
    assert db._pool() is None


def test_a_connection_closed_inside_atomic_is_not_handed_to_anyone_else(tmp_path):
    db = wrapper_for(tmp_path / "pool.sqlite3")
    with db.cursor() as cursor:
        cursor.execute("CREATE TABLE t (n INTEGER)")
    db.close()
    db.set_autocommit(False)
    db.in_atomic_block = True  # what atomic() sets; the wrapper is not registered, so set it by hand
    raw = db.connection
    db.close()
    other = wrapper_for(tmp_path / "pool.sqlite3")
    other.ensure_connection()
    assert other.connection is not raw
    other.close()

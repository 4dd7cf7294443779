"""SQLite with a small pool of open connections, so a request does not pay for opening one.

Under ASGI every request runs its sync code in a thread of its own, so a connection kept per thread
(CONN_MAX_AGE) is never reused and every request would open the database again: about 2-4 ms to read
the schema and register Django's functions, more than the page's queries. Here closing a connection
(Django does it at the end of each request) puts it back in a per-database pool, and the next request,
whatever its thread, takes it from there. One thread uses a connection at a time; Django already opens
SQLite connections with check_same_thread=False. In-memory databases (tests) are never pooled.
"""

from __future__ import annotations

import queue
import threading

from django.db.backends.sqlite3 import base as sqlite3_base

POOL_SIZE = 8  # idle connections kept per database file; more concurrent requests simply open their own

_pools: dict[str, queue.LifoQueue] = {}
_pools_lock = threading.Lock()


def _pool_for(name: str) -> queue.LifoQueue:
    with _pools_lock:
        return _pools.setdefault(name, queue.LifoQueue(maxsize=POOL_SIZE))


class DatabaseWrapper(sqlite3_base.DatabaseWrapper):
    def _pool(self) -> queue.LifoQueue | None:
        if self.is_in_memory_db():
            return None
        return _pool_for(str(self.settings_dict["NAME"]))

    def get_new_connection(self, conn_params):
        pool = self._pool()
        if pool is not None:
            try:
                return pool.get_nowait()
            except queue.Empty:
                pass
        return super().get_new_connection(conn_params)

    def _close(self):
        pool, conn = self._pool(), self.connection
        # Closed inside atomic(), Django keeps its reference to the connection: it must not be shared then.
        if pool is None or conn is None or self.in_atomic_block:
            return super()._close()
        with self.wrap_database_errors:
            try:
                # A connection goes back with no open transaction; connect() sets autocommit again.
                if conn.in_transaction:
                    conn.rollback()
                pool.put_nowait(conn)
            except (queue.Full, sqlite3_base.Database.Error):
                conn.close()

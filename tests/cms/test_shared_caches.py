"""What the embedded default's processes share: the cache directory (cms.cache.SharedFileCache), and the
admission limit each HTTP worker puts in front of Django (cms/admission.py).

Each process builds its own SharedFileCache over the same directory; the backend keeps nothing in memory
but its write count, so two instances here are what two processes see. The processes themselves:
tests/cms/test_embedded_processes.py."""

import asyncio

import pytest

from cms.admission import AdmissionLimit, limited
from cms.cache import SharedFileCache


def _cache(directory) -> SharedFileCache:
    return SharedFileCache(str(directory), {"OPTIONS": {"MAX_ENTRIES": 50000}})


def test_a_write_or_delete_in_one_process_is_read_by_the_other(tmp_path):
    one, other = _cache(tmp_path), _cache(tmp_path)
    one.set("django.contrib.sessions.cached_dbabc", {"_auth_user_id": "7"}, 300)
    assert other.get("django.contrib.sessions.cached_dbabc") == {"_auth_user_id": "7"}
    one.delete("django.contrib.sessions.cached_dbabc")  # a sign-out
    assert other.get("django.contrib.sessions.cached_dbabc") is None
    one.set("pages:tree-version", "a", None)
    other.set("pages:tree-version", "b", None)  # a page published elsewhere
    assert one.get("pages:tree-version") == "b"


def test_the_directory_is_counted_once_every_so_many_writes(tmp_path, monkeypatch):
    cache = _cache(tmp_path)
    counted = []
    monkeypatch.setattr(cache, "_list_cache_files", lambda: counted.append(1) or [])
    for n in range(SharedFileCache.CULL_EVERY + 1):
        cache.set(f"k{n}", n, 300)
    assert len(counted) == 2  # the first write and the (CULL_EVERY + 1)th, not every one
    assert cache.get(f"k{SharedFileCache.CULL_EVERY}") == SharedFileCache.CULL_EVERY


@pytest.mark.asyncio
async def test_at_most_the_limit_of_requests_is_inside_at_once_and_all_are_served():
    inside, most, release = 0, 0, asyncio.Event()

    async def app(scope, receive, send):
        nonlocal inside, most
        inside += 1
        most = max(most, inside)
        await release.wait()
        inside -= 1

    limit = AdmissionLimit(app, 2)
    requests = [asyncio.create_task(limit({"type": "http"}, None, None)) for _ in range(5)]
    while inside < 2:
        await asyncio.sleep(0)
    for _ in range(10):  # the others had every chance to get in
        await asyncio.sleep(0)
    assert (inside, most) == (2, 2)
    release.set()
    await asyncio.gather(*requests)
    assert (inside, most) == (0, 2)


@pytest.mark.asyncio
async def test_sockets_are_not_counted_and_no_limit_means_no_wrapper():
    seen, release = [], asyncio.Event()

    async def app(scope, receive, send):
        seen.append(scope["type"])
        if scope["type"] == "http":
            await release.wait()

    assert limited(app, 0) is app
    limit = AdmissionLimit(app, 1)
    holding = asyncio.create_task(limit({"type": "http"}, None, None))  # takes the only place
    while not seen:
        await asyncio.sleep(0)
    await limit({"type": "websocket"}, None, None)  # not kept waiting behind it
    assert seen == ["http", "websocket"]
    release.set()
    await holding

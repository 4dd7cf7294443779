"""The embedded default's relay: group messages from the HTTP workers reach the WebSocket process's layer.

RelayEndpoint (in Daphne) takes a post from loopback with the secret and group_sends it on its own layer;
RelayChannelLayer (in the HTTP workers and the job worker) posts it there. Here both run in one event loop,
with uvicorn serving the endpoint on a loopback port, as Daphne does in `make run` (the processes themselves:
tests/cms/test_embedded_processes.py)."""

import asyncio
import json
import socket

import pytest
import pytest_asyncio
from asgiref.testing import ApplicationCommunicator
from channels.layers import get_channel_layer

from cms.realtime.relay import RELAY_PATH, RelayChannelLayer, RelayEndpoint, RelayError

pytestmark = pytest.mark.asyncio
SECRET = "secreto-de-prueba"


@pytest.fixture
def relay_target(settings, in_memory_layer):
    """This process plays Daphne: it takes relayed messages (a secret, no relay of its own)."""
    settings.SEMILLA_RELAY_SECRET = SECRET
    settings.SEMILLA_RELAY_URL = ""


async def _not_found(scope, receive, send):
    await send({"type": "http.response.start", "status": 404, "headers": []})
    await send({"type": "http.response.body", "body": b""})


async def _post(
    body: bytes, *, secret: str = SECRET, client: str = "127.0.0.1", method: str = "POST", path: str = RELAY_PATH
) -> int:
    scope = {
        "type": "http",
        "http_version": "1.1",
        "method": method,
        "path": path,
        "headers": [(b"x-semilla-relay", secret.encode())],
        "client": (client, 50000),
    }
    comm = ApplicationCommunicator(RelayEndpoint(_not_found), scope)
    await comm.send_input({"type": "http.request", "body": body, "more_body": False})
    start = await comm.receive_output(timeout=3)
    await comm.receive_output(timeout=3)
    return start["status"]


def _message(text: str) -> bytes:
    return json.dumps({"group": "sala", "message": {"type": "room.broadcast", "group": "sala", "text": text}}).encode()


async def test_a_relayed_message_reaches_the_groups_channels(relay_target):
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add("sala", channel)
    assert await _post(_message("hola")) == 204
    assert (await layer.receive(channel))["text"] == "hola"


@pytest.mark.parametrize(
    ("kwargs", "status"),
    [
        ({"secret": "otro"}, 403),
        ({"secret": ""}, 403),
        ({"client": "192.168.1.20"}, 403),
        ({"method": "GET"}, 405),
    ],
)
async def test_a_post_without_the_secret_or_from_outside_is_refused(relay_target, kwargs, status):
    layer = get_channel_layer()
    channel = await layer.new_channel()
    await layer.group_add("sala", channel)
    assert await _post(_message("intruso"), **kwargs) == status
    with pytest.raises(asyncio.TimeoutError):
        await asyncio.wait_for(layer.receive(channel), 0.2)


async def test_garbage_is_refused(relay_target):
    assert await _post(b"{no es json") == 400
    assert await _post(json.dumps({"group": "sala", "message": "texto"}).encode()) == 400


async def test_the_path_is_an_ordinary_404_where_no_relay_is_taken(settings, in_memory_layer):
    settings.SEMILLA_RELAY_SECRET = ""  # tests, Redis, a lone Daphne
    assert await _post(_message("x"), secret="") == 404
    settings.SEMILLA_RELAY_SECRET = SECRET
    settings.SEMILLA_RELAY_URL = "http://127.0.0.1:8002"  # an HTTP worker: it sends, it does not take
    assert await _post(_message("x")) == 404


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest_asyncio.fixture
async def relay_server(relay_target):
    """uvicorn serving RelayEndpoint on loopback in this event loop (as Daphne does in the embedded default)."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(
        uvicorn.Config(RelayEndpoint(_not_found), host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    async with asyncio.timeout(10):
        while not server.started:
            await asyncio.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


async def test_the_relay_layer_posts_a_group_message_that_reaches_the_other_side(relay_server):
    receiving = get_channel_layer()  # the WebSocket process's in-memory layer
    channel = await receiving.new_channel()
    await receiving.group_add("sala", channel)
    sending = RelayChannelLayer(url=relay_server, secret=SECRET)
    await sending.group_send("sala", {"type": "room.broadcast", "group": "sala", "text": "desde un formulario"})
    assert (await receiving.receive(channel))["text"] == "desde un formulario"


async def test_a_relay_with_the_wrong_secret_raises_for_the_caller_to_log(relay_server):
    sending = RelayChannelLayer(url=relay_server, secret="otro")
    with pytest.raises(RelayError):
        await sending.group_send("sala", {"type": "room.broadcast", "group": "sala", "text": "x"})


async def test_an_unreachable_websocket_process_raises():
    sending = RelayChannelLayer(url=f"http://127.0.0.1:{_free_port()}", secret=SECRET)
    with pytest.raises(OSError):
        await sending.group_send("sala", {"type": "room.broadcast", "group": "sala", "text": "x"})

"""Journey: a mentor and a learner meet in a live mentoring room; the learner drops and loses nothing.

The WebSocket needs an ASGI server, which pytest-django's WSGI live server is not: `asgi_server` runs
Daphne (the production server) in a thread of this process, so it sees the test database. An in-memory
SQLite database is shared the way Django's own live server shares it: one connection for every thread.
"""

import re
import socket
import threading
from datetime import timedelta

import pytest
from django.test import override_settings
from django.utils import timezone

from tests.browser.conftest import accept_current_consent, assert_accessible, login
from tests.factories import UserFactory

PASSWORD = "clave-segura-123"
LIVE = "En vivo"
OFFLINE = "Sin conexión"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _Server:
    def __init__(self, url: str):
        self.url = url


@pytest.fixture(scope="session")
def asgi_server(django_db_setup, django_db_blocker):
    """Daphne serving cms.asgi (HTTP through WhiteNoise and Django, WebSocket through Channels) on loopback.

    Session-scoped: Twisted's reactor starts once per process."""
    from daphne.server import Server  # installs the asyncio reactor before anything imports Twisted's default
    from django.db import connections
    from twisted.internet import reactor

    with django_db_blocker.unblock():
        shared = {c.alias: c for c in connections.all() if c.vendor == "sqlite" and c.is_in_memory_db()}
        for conn in shared.values():
            conn.inc_thread_sharing()

    from cms.asgi import application

    port = _free_port()
    ready = threading.Event()

    def run() -> None:
        # Context-local connections: tasks and executor threads started from here inherit the shared one.
        for alias, conn in shared.items():
            connections[alias] = conn
        Server(
            application,
            endpoints=[f"tcp:port={port}:interface=127.0.0.1"],
            signal_handlers=False,
            ready_callable=ready.set,
            verbosity=0,
        ).run()

    # Sockets open only from the site's own origin (cms/origins.py): here, this server's.
    origins = override_settings(SEMILLA_WS_ALLOWED_ORIGINS=[f"http://127.0.0.1:{port}"])
    origins.enable()
    thread = threading.Thread(target=run, name="daphne-test", daemon=True)
    thread.start()
    assert ready.wait(30), "Daphne did not start"
    deadline = timezone.now() + timedelta(seconds=30)
    while timezone.now() < deadline:
        with socket.socket() as s:
            if s.connect_ex(("127.0.0.1", port)) == 0:
                break
    yield _Server(f"http://127.0.0.1:{port}")
    reactor.callFromThread(reactor.stop)
    thread.join(10)
    origins.disable()
    for conn in shared.values():
        conn.dec_thread_sharing()


@pytest.fixture
def people(db):
    mentor = UserFactory(role="mentor", username="mentora-ana", first_name="Ana", last_name="Torres")
    learner = UserFactory(role="aprendiz", username="rosa", first_name="Rosa", last_name="Quishpe")
    for user in (mentor, learner):
        accept_current_consent(user)
    return mentor, learner


@pytest.fixture
def room_session(people):
    from incubator.mentoring.services import session_schedule

    mentor, learner = people
    start = timezone.now()
    return session_schedule(
        by=mentor,
        topic="Precios de tu producto",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        mentors=[mentor],
        participants=[learner],
    )


def _enter(page, server, username: str, session_id: int) -> None:
    login(page, server, username, PASSWORD)
    page.goto(f"{server.url}/mentorias/{session_id}/")
    page.locator("#estado").filter(has_text=LIVE).wait_for()


def _texts(page) -> list[str]:
    return page.locator("#mensajes li[data-id] .texto, #mensajes li[data-id]").evaluate_all(
        "nodes => nodes.filter(n => n.matches('li')).map(n => (n.querySelector('.texto') || n).textContent)"
    )


def _say(page, text: str) -> None:
    page.fill("#escribir textarea", text)
    page.click("#escribir button[type=submit]")
    page.locator("#mensajes li .texto", has_text=re.compile(f"^{re.escape(text)}$")).wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_mentor_and_learner_chat_raise_hands_vote_and_nothing_is_lost_offline(
    browser, context, phone_context, asgi_server, people, room_session
):
    mentor_page, learner_page = context.new_page(), phone_context.new_page()
    _enter(mentor_page, asgi_server, "mentora-ana", room_session.pk)
    _enter(learner_page, asgi_server, "rosa", room_session.pk)
    assert_accessible(learner_page)

    # Chat both ways, live (no reload).
    _say(mentor_page, "Hola, Rosa. ¿Cómo calculas tus precios?")
    learner_page.locator("#mensajes li .texto", has_text="¿Cómo calculas tus precios?").wait_for()
    _say(learner_page, "Sumo lo que gasto y <b>un poco</b> más.")
    mentor_page.locator("#mensajes li .texto", has_text="<b>un poco</b>").wait_for()  # shown as text, not HTML

    # The learner raises a hand; the mentor sees it in the queue.
    learner_page.click("#boton-mano")
    mentor_page.locator("#manos li", has_text="Rosa").wait_for()
    learner_page.locator("#boton-mano", has_text="Bajar la mano").wait_for()

    # The mentor asks; the learner votes once; the count updates for both.
    mentor_page.fill("#pregunta", "¿Ya llevas cuentas?")
    mentor_page.fill("#opciones", "Sí\nTodavía no")
    mentor_page.click("#nueva-encuesta button[type=submit]")
    poll = learner_page.locator("#encuestas .card", has_text="¿Ya llevas cuentas?")
    poll.locator("li", has_text="Todavía no").get_by_role("button", name="Votar").click()
    poll.locator("li", has_text="Todavía no: 1 voto ✓").wait_for()  # singular for one (issue 16)
    poll.locator("li", has_text="Sí: 0 votos").wait_for()
    assert poll.get_by_role("button", name="Votar").count() == 0
    mentor_page.locator("#encuestas .card li", has_text=re.compile("Todavía no: 1 voto(?!s)")).wait_for()

    # The learner's connection drops; the mentor goes on with three messages.
    phone_context.set_offline(True)
    learner_page.locator("#estado").filter(has_text=OFFLINE).wait_for(timeout=15_000)
    missed = ["Primero: anota cada venta.", "Segundo: separa tu dinero del negocio.", "Tercero: revisa cada semana."]
    for text in missed:
        _say(mentor_page, text)

    # Back online: the room reconnects by itself and shows each missed message exactly once, in order.
    phone_context.set_offline(False)
    learner_page.locator("#estado").filter(has_text=LIVE).wait_for(timeout=45_000)
    learner_page.locator("#mensajes li .texto", has_text=missed[-1]).wait_for()
    texts = _texts(learner_page)
    for text in missed:
        assert texts.count(text) == 1, texts
    assert [t for t in texts if t in missed] == missed
    ids = learner_page.locator("#mensajes li[data-id]").evaluate_all("nodes => nodes.map(n => n.dataset.id)")
    assert len(ids) == len(set(ids)) == 5
    assert_accessible(learner_page)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_muted_learner_is_told_at_once_and_can_write_again_when_unmuted(
    browser, context, phone_context, asgi_server, people, room_session
):
    mentor_page, learner_page = context.new_page(), phone_context.new_page()
    _enter(mentor_page, asgi_server, "mentora-ana", room_session.pk)
    _enter(learner_page, asgi_server, "rosa", room_session.pk)
    box, send = learner_page.locator("#escribir textarea"), learner_page.locator("#escribir button[type=submit]")
    assert box.is_enabled() and learner_page.locator("#silencio").is_hidden()

    rosa = mentor_page.locator("#personas li", has_text="Rosa")
    rosa.get_by_role("button", name="Silenciar").click()
    learner_page.locator("#silencio", has_text="te silenció").wait_for()  # no reload
    learner_page.wait_for_function("() => document.querySelector('#escribir textarea').disabled")
    assert send.is_disabled() and learner_page.locator("#boton-mano").is_disabled()
    assert learner_page.locator("#notas-campo").is_disabled()
    assert_accessible(learner_page)

    rosa.get_by_role("button", name="Quitar silencio").click()
    learner_page.locator("#silencio", has_text="Ya puedes escribir de nuevo").wait_for()
    learner_page.wait_for_function("() => !document.querySelector('#escribir textarea').disabled")
    _say(learner_page, "Gracias, ya entendí.")
    mentor_page.locator("#mensajes li .texto", has_text="Gracias, ya entendí.").wait_for()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_saved_notes_keep_the_live_badge_and_chat_times_are_24_hours(page, asgi_server, people, room_session):
    _enter(page, asgi_server, "rosa", room_session.pk)
    page.fill("#notas-campo", "Costos fijos: arriendo")
    page.click("#notas button[type=submit]")
    page.locator("#notas-estado", has_text="Notas guardadas.").wait_for()
    assert page.locator("#estado").text_content() == LIVE

    _say(page, "Hola")
    time = page.locator("#mensajes li", has_text="Hola").locator("span.muted").first.text_content()
    assert re.fullmatch(r"\d\d:\d\d", time), time  # "14:28", never "02:28 p. m."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_reconnect_backoff_is_capped_with_jitter(page, asgi_server, people, room_session):
    """Issue 15.5: after the service returns, a room is back within 15 s: no wait between tries is over 10 s,
    and the jitter spreads a center's reconnects over at least half of each wait."""
    _enter(page, asgi_server, "rosa", room_session.pk)
    delays = page.evaluate("""() => {
        const delay = document.getElementById('sala').retryDelay;
        return [...Array(40).keys()].map(n => [delay(n, 0), delay(n, 0.999999)]);
    }""")
    assert all(high <= 10_000 for _low, high in delays), delays
    assert delays[0][0] >= 500 and delays[-1][0] >= 5_000  # never a tight loop
    assert all(high - low >= low * 0.99 for low, high in delays)  # jitter: the wait spans [x, 2x)
    assert [d[1] for d in delays[:5]] == sorted(d[1] for d in delays[:5])  # it backs off

    # The visible state: offline the room says so, and comes back live by itself.
    page.context.set_offline(True)
    page.locator("#estado").filter(has_text=OFFLINE).wait_for()
    page.context.set_offline(False)
    page.locator("#estado").filter(has_text=LIVE).wait_for(timeout=15_000)


FOREIGN_PAGE = """<!doctype html><html lang="es"><title>Otra página</title><script>
window.result = null;
var ws = new WebSocket("%(ws)s");
ws.onopen = function () { window.result = "open"; };
ws.onmessage = function (event) { window.result = "open: " + event.data; };
ws.onclose = function (event) { if (window.result === null) window.result = "refused " + event.code; };
</script></html>"""


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_page_on_another_port_of_the_same_host_cannot_open_the_room(context, asgi_server, people, room_session):
    """The learner's cookies go to every port of 127.0.0.1: only the site's own origin may open a room."""
    page = context.new_page()
    _enter(page, asgi_server, "rosa", room_session.pk)
    ws = asgi_server.url.replace("http://", "ws://") + f"/ws/mentorias/{room_session.pk}/"
    other = f"http://127.0.0.1:{_free_port()}/"
    page.route(other, lambda route: route.fulfill(status=200, content_type="text/html", body=FOREIGN_PAGE % {"ws": ws}))
    page.goto(other)
    page.wait_for_function("() => window.result !== null")
    assert page.evaluate("() => window.result").startswith("refused"), page.evaluate("() => window.result")
    # The same script from the site's own origin opens it: the refusal is the origin, not the page.
    page.goto(f"{asgi_server.url}/mentorias/{room_session.pk}/")
    page.evaluate(
        "ws => { window.result = null; var s = new WebSocket(ws);"
        " s.onmessage = function (e) { window.result = 'open: ' + e.data; };"
        " s.onclose = function (e) { if (window.result === null) window.result = 'refused ' + e.code; }; }",
        ws,
    )
    page.wait_for_function("() => window.result !== null")
    assert '"type": "welcome"' in page.evaluate("() => window.result")

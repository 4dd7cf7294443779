"""Playwright journeys in Debian's Chromium against pytest-django's live server.

Fixtures: `browser` (session), `context` / `page` (desktop, 1280x900), `phone_context` / `phone_page`
(390x800, touch). Helpers: `login(page, live_server, username, password)` and `assert_accessible(page)`
(axe-core, fails on serious or critical violations, once the page is still: loaded, fonts ready, no
animation or transition running). Contexts ask for reduced motion.

Write journeys as:

    @pytest.mark.browser
    @pytest.mark.django_db(transaction=True)
    def test_something(page, live_server): ...
"""

import json
import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls from it.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("SEMILLA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
AXE_SOURCE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 800}
# Injected before axe runs: a colour half-way through a fade-in is not the page's colour, and whether axe
# caught it mid-way depended on the machine's speed (Wagtail's admin messages fade in over 0.5 s).
STILL_CSS = "*,*::before,*::after{animation:none!important;transition:none!important}"
STILL_PAGE = """() => document.readyState === 'complete'
    && document.getAnimations().every(animation => animation.playState !== 'running')"""


@pytest.fixture(scope="session")
def live_server(request):
    """pytest-django's live server, serving static files through WhiteNoise as production does.

    pytest-django wraps the app in staticfiles' handler, which looks files up by their source name and
    404s on the hashed names of the manifest storage. Here the app is left unwrapped, so WhiteNoise (in
    MIDDLEWARE) answers from STATIC_ROOT with the real hashed, compressed, cache-forever responses.
    """
    from pytest_django.live_server_helper import LiveServer

    addr = request.config.getvalue("liveserver") or os.getenv("DJANGO_LIVE_TEST_SERVER_ADDRESS") or "localhost"
    server = LiveServer(addr, start=False)
    server.thread.static_handler = _unwrapped
    server.start()
    yield server
    server.stop()


def _unwrapped(application):
    return application


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make chromium` (apt-get install chromium).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _new_context(browser, viewport: dict, **extra):
    context = browser.new_context(
        viewport=viewport, locale="es-EC", timezone_id="America/Guayaquil", reduced_motion="reduce", **extra
    )
    context.set_default_timeout(10_000)
    return context


@pytest.fixture
def context(browser):
    context = _new_context(browser, DESKTOP)
    yield context
    context.close()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def phone_context(browser):
    context = _new_context(browser, PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
    yield context
    context.close()


@pytest.fixture
def phone_page(phone_context):
    return phone_context.new_page()


def login(page, live_server, username: str, password: str) -> None:
    """Sign in through the real login form and wait for the page it leads to."""
    page.goto(f"{live_server.url}/cuenta/entrar/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    with page.expect_navigation():
        page.click("form:has(input[name=password]) button[type=submit]")
    assert "/cuenta/entrar/" not in page.url, f"login failed for {username}: still on {page.url}"


def wait_until_still(page) -> None:
    """Wait for a page that no longer changes by itself: loaded, web fonts ready, animations and transitions
    stopped (turned off by STILL_CSS, then waited out). Conditions, not time: no sleep anywhere."""
    page.wait_for_load_state("load")
    page.evaluate("async () => { await document.fonts.ready; }")
    page.add_style_tag(content=STILL_CSS)
    page.wait_for_function(STILL_PAGE)


def axe_violations(page) -> list[dict]:
    """Run axe-core in the still page. Its source is evaluated, not injected as a tag, so the CSP allows it."""
    wait_until_still(page)
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return result["violations"]


def assert_accessible(page) -> None:
    """Fail when axe-core finds a serious or critical violation on the current page."""
    blocking = [v for v in axe_violations(page) if v.get("impact") in BLOCKING_IMPACTS]
    summary = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "targets": [node["target"] for node in v["nodes"][:5]],
        }
        for v in blocking
    ]
    assert not blocking, f"axe-core on {page.url}:\n{json.dumps(summary, indent=2, ensure_ascii=False)}"


def accept_current_consent(user) -> None:
    """Record that `user` accepted the newest consent text, so login leads straight to the page asked for.

    With transaction=True the first test still sees the consent text published by a data migration and
    later ones do not (the flush removes it): this keeps journeys independent of test order.
    """
    from django.utils import timezone

    from cms.accounts.selectors import consent_current

    current = consent_current()
    if current is not None:
        user.consent_version = current
        user.consent_accepted_at = timezone.now()
        user.save(update_fields=["consent_version", "consent_accepted_at"])


def wagtail_site_ensure() -> None:
    """Wagtail's locale, root page and default site, which the flush between transactional tests removes."""
    from wagtail.models import Locale, Page, Site

    Locale.objects.get_or_create(language_code="es")
    if Site.objects.filter(is_default_site=True).exists():
        return
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    home = root.add_child(instance=Page(title="Semilla", slug="inicio"))
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name="Semilla")


def consent_ensure():
    """The current consent text, published again if a flush removed the data migration's one."""
    from cms.accounts.models import ConsentVersion
    from cms.accounts.selectors import consent_current

    return consent_current() or ConsentVersion.objects.create(
        version="prueba",
        body="Guardamos tu nombre y tu avance para darte tus certificados.",
    )


TEARDOWN_LOCK_WAIT_SECONDS = 10


@pytest.fixture(scope="session", autouse=True)
def _flush_waits_for_the_servers_last_write():
    """A journey's database flush waits while a server thread finishes its last write, instead of failing.

    The live servers share the test's in-memory SQLite connection. When a test ends, the browser closes its
    sockets and the server writes the leave (presence, attendance) on its own thread; a flush that starts at
    that moment meets SQLite's table lock ("database table is locked", raised at once, without the busy
    timeout) on a loaded machine. The flush is retried until the lock is gone, for at most 10 s; a lock that
    lasts longer still fails the test.
    """
    import time

    from django.db import OperationalError
    from django.test import TransactionTestCase

    original = TransactionTestCase._fixture_teardown

    def teardown_waiting_for_locks(self):
        deadline = time.monotonic() + TEARDOWN_LOCK_WAIT_SECONDS
        while True:
            try:
                return original(self)
            except OperationalError as error:
                if "locked" not in str(error) or time.monotonic() > deadline:
                    raise
                time.sleep(0.1)

    TransactionTestCase._fixture_teardown = teardown_waiting_for_locks
    yield
    TransactionTestCase._fixture_teardown = original

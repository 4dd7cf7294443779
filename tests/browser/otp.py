"""Staff sign-in with the TOTP step, for browser journeys that run with SEMILLA_STAFF_OTP_REQUIRED on.

`staff_login(page, live_server, username, password)` signs in through the real forms: the password with the
shared `login()` helper, then the code page. A person without an app yet goes through the set-up page, and the
code is computed from the secret the page shows, as an authenticator app would.
"""

import re
import time
from base64 import b32decode

from django_otp.oath import TOTP

from tests.browser.conftest import login


def totp_now(secret: bytes) -> str:
    totp = TOTP(secret, step=30, digits=6)
    totp.time = time.time()
    return str(totp.token()).zfill(6)


def staff_login(page, live_server, username: str, password: str, *, secret: bytes | None = None) -> bytes:
    """Password, then code. Returns the secret (read from the set-up page when `secret` is None)."""
    login(page, live_server, username, password)
    assert "/cuenta/verificacion/" in page.url, f"no code asked of {username}: {page.url}"
    if "/activar/" in page.url:
        shown = page.locator("#clave-totp").inner_text()
        secret = b32decode(re.sub(r"\s", "", shown))
    assert secret is not None, "the person has an app: pass its secret"
    page.fill("input[name=code]", totp_now(secret))
    with page.expect_navigation():
        page.click("form:has(input[name=code]) button[type=submit]")
    assert "/cuenta/verificacion/" not in page.url, f"code refused for {username}: still on {page.url}"
    return secret

"""Shared computer or her own phone: what logging out clears.

A device is "her own" when the person said so ("Este es mi teléfono", lms.offline sets the cookie below);
every other device is treated as a shared computer of a center. The cookie name lives here, in cms, so the
logout can read it without importing lms.

What Chromium really clears for each Clear-Site-Data type (checked in Chromium 156, headless, on a page
that had a Cache Storage cache, an IndexedDB database, localStorage, a cookie and a service worker):
- "cache": the HTTP cache only. Cache Storage, IndexedDB, localStorage, cookies and the service worker stay.
- "cookies": the site's cookies only (the session, the CSRF token and the own-device mark); storage stays.
- "storage": Cache Storage, IndexedDB, localStorage and the service worker registration; cookies stay.
So the packs (Cache Storage) and the outbox (IndexedDB) survive "cache" and go only with "storage".
"""

from enum import StrEnum

OWN_DEVICE_COOKIE = "semilla_mi_telefono"

# Everything the browser kept of the site: for shared computers, and when she chooses "Borrar todo".
CLEAR_EVERYTHING = '"cache", "cookies", "storage"'
# "Guardar mis descargas": only the HTTP cache (pages she saw); packs, outbox and the device mark stay.
# The session still ends: Django's logout flushes it and deletes its cookie.
CLEAR_KEEPING_DOWNLOADS = '"cache"'


class LogoutChoice(StrEnum):
    KEEP = "guardar"
    ERASE = "borrar"


def is_own_device(request) -> bool:
    """True when this browser was marked as the person's own phone."""
    return request.COOKIES.get(OWN_DEVICE_COOKIE) == "1"


def logout_choice_needed(request) -> bool:
    """On her own phone, logging out first asks what to keep; a shared computer logs out at once."""
    if not request.user.is_authenticated or not is_own_device(request):
        return False
    return request.POST.get("descargas") not in set(LogoutChoice)


def clear_site_data_for(request) -> str:
    """The Clear-Site-Data header of a logout: everything, except on her own phone when she chose to keep
    her downloads."""
    if is_own_device(request) and request.POST.get("descargas") == LogoutChoice.KEEP:
        return CLEAR_KEEPING_DOWNLOADS
    return CLEAR_EVERYTHING

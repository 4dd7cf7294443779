"""ASGI entry point: HTTP through Django, WebSocket through Channels routing."""

import os
import sys

from django.conf import settings
from django.core.asgi import get_asgi_application

# The server's event loop (one thread for every socket) shares the GIL with the threads that run the views and
# the database. With CPython's default 5 ms switch interval, each time the loop gives the GIL up (every wait for
# the network) it may wait up to 5 ms to get it back, and a room broadcast crosses several such waits before
# its frames are written. 1 ms keeps that wait short; the other threads lose little, since they only yield
# when the loop asks for the GIL. Set here, in the server process only, not in management commands or tests.
GIL_SWITCH_INTERVAL = 0.001
if sys.getswitchinterval() > GIL_SWITCH_INTERVAL:
    sys.setswitchinterval(GIL_SWITCH_INTERVAL)

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402

from cms.accounts.channels_auth import SecondFactorScopeMiddleware  # noqa: E402
from cms.admission import limited  # noqa: E402
from cms.origins import SiteOriginValidator  # noqa: E402
from cms.realtime.relay import RelayEndpoint  # noqa: E402
from cms.routing import websocket_urlpatterns  # noqa: E402

application = ProtocolTypeRouter(
    {
        # Room broadcasts relayed from the HTTP workers of the embedded default (cms/realtime/relay.py),
        # and at most SEMILLA_HTTP_CONCURRENCY requests inside Django at once per process (cms/admission.py).
        "http": RelayEndpoint(limited(django_asgi_app, settings.SEMILLA_HTTP_CONCURRENCY)),
        "websocket": SiteOriginValidator(
            AuthMiddlewareStack(SecondFactorScopeMiddleware(URLRouter(websocket_urlpatterns)))
        ),
    }
)

"""WebSocket routes of every area (live rooms join here)."""

from django.urls import path

from cms.home.consumers import PingConsumer
from incubator.mentoring.routing import websocket_urlpatterns as mentoring_urlpatterns

websocket_urlpatterns = [
    path("ws/ping/", PingConsumer.as_asgi()),
    *mentoring_urlpatterns,
]

"""WebSocket routes of every area (live rooms join here)."""

from django.urls import path

from cms.home.consumers import PingConsumer

websocket_urlpatterns = [
    path("ws/ping/", PingConsumer.as_asgi()),
]

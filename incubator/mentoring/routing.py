from django.urls import path

from incubator.mentoring.consumers import RoomConsumer

websocket_urlpatterns = [
    path("ws/mentorias/<int:session_id>/", RoomConsumer.as_asgi()),
]

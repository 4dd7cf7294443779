from channels.generic.websocket import JsonWebsocketConsumer


class PingConsumer(JsonWebsocketConsumer):
    """Answers "ping" with "pong": lets clients and probes check the WebSocket path."""

    def receive_json(self, content, **kwargs):
        if content.get("type") == "ping":
            self.send_json({"type": "pong"})

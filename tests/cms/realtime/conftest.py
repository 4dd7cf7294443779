import logging

import pytest


@pytest.fixture
def semilla_log(caplog):
    semilla = logging.getLogger("semilla")  # it does not propagate to the root, where caplog listens
    semilla.addHandler(caplog.handler)
    yield caplog
    semilla.removeHandler(caplog.handler)


@pytest.fixture
def in_memory_layer(settings):
    """The embedded default, whatever REDIS_URL says: its groups can be looked at."""
    from channels.layers import channel_layers

    channel_layers.backends.clear()
    settings.CHANNEL_LAYERS = {"default": {"BACKEND": "cms.realtime.layers.CountingInMemoryChannelLayer"}}
    yield
    channel_layers.backends.clear()

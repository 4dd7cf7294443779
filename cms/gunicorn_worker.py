"""The worker class of `docker/gunicorn.conf.py`: uvicorn's, set for Semilla.

- No proxy headers: uvicorn would take the client's address from X-Forwarded-For itself; cms/client_ip.py is
  the one place that reads it (TRUSTED_PROXY_COUNT), as with Daphne.
- No lifespan: cms.asgi answers "http" and "websocket" only.
"""

from uvicorn_worker import UvicornWorker


class Worker(UvicornWorker):
    CONFIG_KWARGS = {"loop": "auto", "http": "auto", "proxy_headers": False, "lifespan": "off"}

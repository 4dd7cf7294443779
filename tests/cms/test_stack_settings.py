"""The production shape's settings, read from the environment: psycopg's pool, media on S3, the stack's two
origins, and the HTTP workers' configuration (docker/gunicorn.conf.py)."""

import json
import os
import runpy
import subprocess
import sys
from pathlib import Path

from cms.cache import SentinelPool
from cms.gunicorn_worker import Worker

ROOT = Path(__file__).resolve().parents[2]
PRINT = (
    "import json; import cms.settings as s; "
    "print(json.dumps({'db': s.DATABASES['default'], 'storage': s.STORAGES['default'], "
    "'channels': s.CHANNEL_LAYERS['default'], 'cache': s.CACHES['default']}, default=str))"
)
CLEARED = {
    "SEMILLA_ENV",
    "SECRET_KEY",
    "DATABASE_URL",
    "DATABASE_POOL_MAX_SIZE",
    "SEMILLA_MEDIA_S3_BUCKET",
    "REDIS_URL",
    "REDIS_SENTINELS",
}


def _settings(**env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED and not k.startswith("SEMILLA_MEDIA_S3")}
    environment.update(DJANGO_SETTINGS_MODULE="cms.settings", **env)
    return subprocess.run(
        [sys.executable, "-c", PRINT], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def _read(**env: str) -> dict:
    result = _settings(**env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


PG = "postgres://semilla:secret@127.0.0.1:5445/semilla"


def test_the_pool_is_off_unless_asked_for():
    assert "pool" not in _read(DATABASE_URL=PG)["db"].get("OPTIONS", {})


def test_database_pool_max_size_switches_on_psycopgs_pool_without_persistent_connections():
    db = _read(DATABASE_URL=PG, DATABASE_POOL_MAX_SIZE="10", CONN_MAX_AGE="60")["db"]
    assert db["OPTIONS"]["pool"] == {"min_size": 2, "max_size": 10, "timeout": 10.0}
    assert db["CONN_MAX_AGE"] == 0  # Django refuses a pool beside persistent connections


def test_a_pool_without_postgresql_refuses_to_start():
    result = _settings(DATABASE_POOL_MAX_SIZE="10")
    assert result.returncode != 0
    assert "DATABASE_POOL_MAX_SIZE needs a PostgreSQL DATABASE_URL" in result.stderr


def test_media_stay_on_disk_unless_a_bucket_is_named():
    assert _read()["storage"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_bucket_puts_media_on_s3_behind_short_lived_signed_urls():
    storage = _read(
        SEMILLA_MEDIA_S3_BUCKET="semilla-media",
        SEMILLA_MEDIA_S3_ENDPOINT_URL="https://s3.example.net",
        SEMILLA_MEDIA_S3_URL_SECONDS="120",
    )["storage"]
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["bucket_name"] == "semilla-media" and options["endpoint_url"] == "https://s3.example.net"
    assert options["querystring_auth"] is True and options["querystring_expire"] == 120
    assert options["default_acl"] is None  # never public-read


def test_the_stacks_two_origins_pass_the_production_check_of_separate_sites():
    environment = {k: v for k, v in os.environ.items() if k not in CLEARED | {"SEMILLA_TESTING"}}
    environment.update(
        SEMILLA_ENV="production",
        SECRET_KEY="k" * 20 + "a-long-random-value-for-this-test-only-0123456789",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL="http://127.0.0.1:8080",
        H5P_CONTENT_ORIGIN="http://localhost:8081",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


def test_the_http_workers_leave_forwarded_for_to_client_ip_and_skip_lifespan():
    assert Worker.CONFIG_KWARGS["proxy_headers"] is False
    assert Worker.CONFIG_KWARGS["lifespan"] == "off"
    config = runpy.run_path(str(ROOT / "docker" / "gunicorn.conf.py"))
    assert config["worker_class"] == "cms.gunicorn_worker.Worker"
    assert config["workers"] >= 2 and config["keepalive"] > 60  # outlives nginx's upstream keepalive_timeout


def test_redis_sentinels_serve_the_channel_layer_and_the_cache():
    found = _read(REDIS_SENTINELS="10.0.0.1:26379,10.0.0.2", REDIS_SENTINEL_MASTER="semilla-main")
    assert found["channels"]["CONFIG"]["hosts"] == [
        {"sentinels": [["10.0.0.1", 26379], ["10.0.0.2", 26379]], "master_name": "semilla-main", "db": 0}
    ]
    cache = found["cache"]
    assert cache["BACKEND"] == "cms.cache.ResilientRedisCache" and cache["LOCATION"] == "semilla-main"
    assert cache["OPTIONS"]["pool_class"] == "cms.cache.SentinelPool"


def test_the_caches_sentinel_pool_asks_the_sentinels_for_the_master():
    pool = SentinelPool.from_url(
        "semilla-main", sentinels=[("10.0.0.1", 26379)], socket_connect_timeout=0.5, socket_timeout=1.0, db=0
    )  # builds without connecting: the first command asks the sentinels
    assert pool.service_name == "semilla-main"
    assert len(pool.sentinel_manager.sentinels) == 1
    assert pool.connection_kwargs["socket_timeout"] == 1.0

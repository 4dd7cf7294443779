"""Semilla's one settings module, driven by environment variables.

No variables set = the embedded default: SQLite (WAL), in-memory channel layer, local media/.
SEMILLA_ENV=production switches on the production checks: it refuses unsafe values.
"""

import secrets
from datetime import timedelta
from ipaddress import ip_network
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
import PIL.Image
from django.core.exceptions import ImproperlyConfigured

from cms.cache_settings import redis_cache_settings, sentinel_addresses
from cms.env import env_bool, env_float, env_int, env_list, env_str, registrable_domain

BASE_DIR = Path(__file__).resolve().parent.parent

PRODUCTION = env_str("SEMILLA_ENV", "development") == "production"
DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("SEMILLA_TESTING", False)

# Tests sign with a fixed key; nothing a test signs leaves the machine.
_TEST_SECRET = "semilla-tests-only-key-never-used-outside-the-test-suite"
SECRET_KEY_FILE = Path(env_str("SEMILLA_SECRET_KEY_FILE", str(BASE_DIR / ".secret_key")))


def _local_secret_key() -> str:
    """The embedded default's key: the git-ignored file `make run` writes once, so sessions survive restarts.

    Without the file (a build step, a one-off command) the process gets a random key of its own: nothing it
    signs outlives it, and no key is ever committed to the repository.
    """
    if TESTING:
        return _TEST_SECRET
    try:
        key = SECRET_KEY_FILE.read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        key = ""
    return key or secrets.token_urlsafe(50)


SECRET_KEY = env_str("SECRET_KEY") or ("" if PRODUCTION else _local_secret_key())
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "" if PRODUCTION else "http://127.0.0.1:8000").rstrip("/")
# The origin that plays H5P packages: another port in the embedded server, another site in production.
H5P_CONTENT_ORIGIN = env_str("H5P_CONTENT_ORIGIN", "" if PRODUCTION else "http://127.0.0.1:8001").rstrip("/")

if PRODUCTION:
    if DEBUG:
        raise ImproperlyConfigured("DEBUG must be off in production.")
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured("SECRET_KEY must be set to a long random value in production.")
    if not ALLOWED_HOSTS or "*" in ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must list the real host names in production.")
    _site_host, _content_host = urlsplit(SITE_URL).hostname, urlsplit(H5P_CONTENT_ORIGIN).hostname
    if not _site_host or not _content_host:
        raise ImproperlyConfigured("SITE_URL and H5P_CONTENT_ORIGIN must both be set (https://host) in production.")
    # A subdomain is the same site: cookies and WebSockets of the main site would reach H5P package code.
    if registrable_domain(_site_host) == registrable_domain(_content_host):
        raise ImproperlyConfigured(
            "H5P_CONTENT_ORIGIN must be on another site (registrable domain) than SITE_URL in production, "
            "not a subdomain of it: e.g. https://semilla-h5p.org for https://semilla.org."
        )

INSTALLED_APPS = [
    "daphne",
    "cms.accounts",
    "cms.home",
    "cms.people",
    "cms.referrals",
    "cms.jobs",
    "cms.indicators",
    "cms.privacy",
    "lms.courses",
    "lms.quizzes",
    "lms.grades",
    "lms.certificates",
    "lms.surveys",
    "lms.demo",
    "incubator.cohorts",
    "incubator.ventures",
    "incubator.plans",
    "incubator.milestones",
    "incubator.kpis",
    "incubator.demo",
    "incubator.mentoring",
    "incubator.jury",
    "incubator.seedcapital",
    "incubator.followup",
    "lms.h5p",
    "lms.offline",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "cms.accounts.wagtail_users.SemillaUsersConfig",  # wagtail.users, role groups in Spanish
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "channels",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
]

MIDDLEWARE = [
    "lms.h5p.middleware.ContentOriginHeadersMiddleware",  # outermost: even a redirect there carries the CSP
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "lms.h5p.middleware.ContentOriginMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.page_cache.PageRouteMiddleware",
    "cms.accounts.middleware.SharedComputerSessionMiddleware",
    "cms.accounts.middleware.ConsentRequiredMiddleware",
    "cms.accounts.middleware.StaffSecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.errors.MalformedChosenIdMiddleware",
    "cms.db.busy.DatabaseBusyMiddleware",  # a view that found SQLite locked answers 503 in Spanish, not 500
]

ROOT_URLCONF = "cms.urls"
ASGI_APPLICATION = "cms.asgi.application"
WSGI_APPLICATION = None

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "cms.accounts.context_processors.session_timeouts",
            ],
        },
    },
]

# --- Database -------------------------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL")
# psycopg's pool (Django 5.2) in each server process: DATABASE_POOL_MAX_SIZE > 0 switches it on (`make stack`
# does). A request borrows a connection and gives it back at its end, whichever thread runs it.
DATABASE_POOL_MAX_SIZE = env_int("DATABASE_POOL_MAX_SIZE", 0)
if DATABASE_URL:
    # Under ASGI every request runs in a new thread: persistent connections would pile up, not be reused.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("CONN_MAX_AGE", 0))}
    if DATABASE_POOL_MAX_SIZE > 0 and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django refuses persistent connections beside a pool
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": min(env_int("DATABASE_POOL_MIN_SIZE", 2), DATABASE_POOL_MAX_SIZE),
            "max_size": DATABASE_POOL_MAX_SIZE,
            # A request waits this long for a free connection, then fails as "database unreachable" (503).
            "timeout": env_float("DATABASE_POOL_TIMEOUT_SECONDS", 10.0),
        }
else:
    DATABASES = {
        "default": {
            # Django's sqlite3 backend plus a small pool: under ASGI every request runs in a new thread, so a
            # connection kept per thread (CONN_MAX_AGE) would never be reused; the pool hands it to the next one.
            "ENGINE": "cms.db.sqlite_pool",
            "NAME": BASE_DIR / env_str("SQLITE_NAME", "db.sqlite3"),
            "CONN_MAX_AGE": env_int("CONN_MAX_AGE", 0),
            "OPTIONS": {
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    }
if DATABASE_POOL_MAX_SIZE > 0 and "pool" not in DATABASES["default"].get("OPTIONS", {}):
    raise ImproperlyConfigured("DATABASE_POOL_MAX_SIZE needs a PostgreSQL DATABASE_URL.")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Channels and cache ---------------------------------------------------------------------
REDIS_URL = env_str("REDIS_URL")
# Redis Sentinel instead of one Redis (docs/deploy.md): "host:port" of each sentinel and the master's name.
# channels-redis and the cache ask the sentinels where the master is; Redis Cluster is not supported.
REDIS_SENTINELS = sentinel_addresses(env_list("REDIS_SENTINELS", []))
REDIS_SENTINEL_MASTER = env_str("REDIS_SENTINEL_MASTER", "semilla")
REDIS_DB = env_int("REDIS_DB", 0)
if REDIS_URL or REDIS_SENTINELS:
    _channel_host: str | dict = REDIS_URL
    if REDIS_SENTINELS:
        _channel_host = {"sentinels": REDIS_SENTINELS, "master_name": REDIS_SENTINEL_MASTER, "db": REDIS_DB}
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "cms.realtime.layers.CountingRedisChannelLayer",  # counts and logs overflow
            "CONFIG": {
                "hosts": [_channel_host],
                "capacity": env_int("CHANNEL_CAPACITY", 1000),
                "expiry": env_int("CHANNEL_EXPIRY_SECONDS", 60),
                "group_expiry": env_int("CHANNEL_GROUP_EXPIRY_SECONDS", 86400),
            },
        }
    }
    # A Redis that is down counts as an empty cache (logged): sessions come from the database, pages keep working.
    CACHES = {
        "default": redis_cache_settings(
            REDIS_SENTINEL_MASTER if REDIS_SENTINELS else REDIS_URL,
            connect_timeout=env_float("REDIS_CONNECT_TIMEOUT_SECONDS", 0.5),
            timeout=env_float("REDIS_TIMEOUT_SECONDS", 1.0),
            sentinels=REDIS_SENTINELS,
            db=REDIS_DB,
        )
    }
else:
    CHANNEL_LAYERS = {
        "default": {
            "BACKEND": "cms.realtime.layers.CountingInMemoryChannelLayer",  # counts overflow, cheap fan-out
            "CONFIG": {"capacity": env_int("CHANNEL_CAPACITY", 1000), "expiry": 60},
        }
    }
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The embedded default runs several processes (`make run`, cms/embedded.py): HTTP by gunicorn's uvicorn workers,
# WebSockets by one Daphne on SEMILLA_SOCKETS_PORT, the job worker, and any manage.py command run beside them.
# What must be the same in all of them is shared without a server to install:
# - the cache (sessions, the page tree's version stamp, Wagtail's site paths): a directory of files beside the
#   SQLite database (cms.cache.SharedFileCache), reads of 20-100 microseconds; local memory only for the tests
#   (SEMILLA_TESTING) and with PostgreSQL but no Redis (SEMILLA_CACHE_DIR sets a directory there too);
# - group messages sent outside Daphne (the rooms' plain forms, jobs): posted to it over loopback with a secret
#   (cms/realtime/relay.py); cms/embedded.py sets SEMILLA_RELAY_URL in every process but Daphne.
SEMILLA_SOCKETS_PORT = env_int("SEMILLA_SOCKETS_PORT", 0)
SEMILLA_RELAY_URL = env_str("SEMILLA_RELAY_URL")  # set in the processes that post to Daphne, not in Daphne
SEMILLA_RELAY_SECRET = env_str("SEMILLA_RELAY_SECRET")
# Requests inside Django at once per server process, the rest wait in its event loop (cms/admission.py); 0: no limit.
SEMILLA_HTTP_CONCURRENCY = env_int("SEMILLA_HTTP_CONCURRENCY", 0)
SEMILLA_CACHE_DIR = env_str("SEMILLA_CACHE_DIR") or (
    f"{DATABASES['default']['NAME']}.cache" if not (TESTING or DATABASE_URL) else ""
)
if not (REDIS_URL or REDIS_SENTINELS):
    if SEMILLA_RELAY_URL:
        CHANNEL_LAYERS["default"] = {
            "BACKEND": "cms.realtime.relay.RelayChannelLayer",
            "CONFIG": {**CHANNEL_LAYERS["default"]["CONFIG"], "url": SEMILLA_RELAY_URL, "secret": SEMILLA_RELAY_SECRET},
        }
    if SEMILLA_CACHE_DIR:
        CACHES = {
            "default": {
                "BACKEND": "cms.cache.SharedFileCache",
                "LOCATION": SEMILLA_CACHE_DIR,
                "OPTIONS": {"MAX_ENTRIES": 50000},  # sessions of every signed-in person, and the pages
            }
        }

# --- Accounts, sessions and shared computers ------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "cms.accounts.backends.AccountThrottleBackend",  # refuses while the account must wait; checks nothing else
    "cms.accounts.backends.RolesModelBackend",  # ModelBackend reading the person's roles with their row
    "django.contrib.auth.backends.ModelBackend",  # only for sessions that name it (signed in before it existed)
]
# Argon2id first (Django's recommendation; its cost, chosen by measurement, in cms/accounts/hashers.py). The
# hashers after it only check old hashes: a PBKDF2 hash (Django's default until now) still signs in and is
# rewritten with Argon2 at that sign-in. tests/conftest.py puts MD5 first to keep the suite fast;
# tests/cms/test_password_hashers.py uses this list.
PASSWORD_HASHERS = [
    "cms.accounts.hashers.SemillaArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home:dashboard"
LOGOUT_REDIRECT_URL = "accounts:login"

# Sessions are read from the cache and written through to the database: one query less per page. The cache is
# shared by every server process: Redis (REDIS_URL), or the embedded default's directory (SEMILLA_CACHE_DIR), so
# a logout is seen by all of them. Local memory (one process only) is for the tests and a lone Daphne.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 8 * 60 * 60  # the absolute limit; the middleware enforces it too
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SEMILLA_IDLE_SECONDS_LEARNER = env_int("SEMILLA_IDLE_SECONDS_LEARNER", 15 * 60)
SEMILLA_IDLE_SECONDS_STAFF = env_int("SEMILLA_IDLE_SECONDS_STAFF", 10 * 60)

# Retention (manage.py privacy_retention): accounts never used after sign-up are erased after this many days;
# participants inactive this long are warned, then anonymised after the warning period. A programme may set
# its own inactivity period in SEMILLA_INACTIVE_DAYS_BY_PROGRAMME ({"programme-slug": days}, in code).
SEMILLA_UNUSED_ACCOUNT_DAYS = env_int("SEMILLA_UNUSED_ACCOUNT_DAYS", 90)
SEMILLA_INACTIVE_DAYS = env_int("SEMILLA_INACTIVE_DAYS", 3 * 365)
SEMILLA_INACTIVE_WARNING_DAYS = env_int("SEMILLA_INACTIVE_WARNING_DAYS", 30)
SEMILLA_INACTIVE_DAYS_BY_PROGRAMME: dict[str, int] = {}
# The data protection officer's contact, shown in the privacy notice (LOPDP Art. 12).
SEMILLA_DPO_CONTACT = env_str("SEMILLA_DPO_CONTACT", "")
SEMILLA_ABSOLUTE_SESSION_SECONDS = env_int("SEMILLA_ABSOLUTE_SESSION_SECONDS", 8 * 60 * 60)

# --- Offline lesson packs (lms.offline) -------------------------------------------------------
# Prepaid mobile data in Ecuador, USD per MB: the download offer shows what a pack would cost.
SEMILLA_PRICE_PER_MB_USD = env_str("SEMILLA_PRICE_PER_MB_USD", "0.04")
# The light image a pack carries instead of the page's responsive set.
SEMILLA_OFFLINE_IMAGE_SPEC = env_str("SEMILLA_OFFLINE_IMAGE_SPEC", "max-800x800|format-webp|webpquality-60")
SEMILLA_IDLE_WARNING_SECONDS = 60

# Referrals (cms/referrals): a partner organisation answers within these calendar days of the sending, and the
# service is received within these days of the acceptance; past them the referral is on the overdue list.
SEMILLA_REFERRAL_ACCEPT_DAYS = env_int("SEMILLA_REFERRAL_ACCEPT_DAYS", 3)
SEMILLA_REFERRAL_ATTEND_DAYS = env_int("SEMILLA_REFERRAL_ATTEND_DAYS", 15)

# The client's address comes from cms/client_ip.py only, never from a header the client sets. 0 proxies = the
# socket peer (the embedded default); behind the production TLS proxy set TRUSTED_PROXY_COUNT=1, or list the
# proxies' addresses in TRUSTED_PROXIES. Daphne runs without --proxy-headers.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", [])
for _proxy in TRUSTED_PROXIES:
    try:
        ip_network(_proxy, strict=False)
    except ValueError as exc:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_proxy!r} is not an address or network") from exc
AXES_CLIENT_IP_CALLABLE = "cms.client_ip.client_ip"

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
# A whole center shares one IP: lock the pair, never the IP alone.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_ENABLED = env_bool("AXES_ENABLED", True)

# One account, any address: after this many wrong passwords each next try waits longer (30 s, 1 min, 2 min ...
# up to 15 min), so guessing across many addresses is slow, and a center's shared address is never blocked.
SEMILLA_LOGIN_THROTTLE_AFTER = env_int("SEMILLA_LOGIN_THROTTLE_AFTER", 5)
SEMILLA_LOGIN_THROTTLE_BASE_SECONDS = env_int("SEMILLA_LOGIN_THROTTLE_BASE_SECONDS", 30)
SEMILLA_LOGIN_THROTTLE_MAX_SECONDS = env_int("SEMILLA_LOGIN_THROTTLE_MAX_SECONDS", 15 * 60)
SEMILLA_LOGIN_THROTTLE_FORGET_SECONDS = 24 * 60 * 60  # failures older than a day start the count again

# Coordinators and admins (and anyone who can open an admin) confirm their sign-in with a TOTP code.
SEMILLA_STAFF_OTP_REQUIRED = env_bool("SEMILLA_STAFF_OTP_REQUIRED", True)
if PRODUCTION and not SEMILLA_STAFF_OTP_REQUIRED:
    raise ImproperlyConfigured("SEMILLA_STAFF_OTP_REQUIRED cannot be turned off in production.")
OTP_TOTP_ISSUER = "Semilla"
# A staff secret is shown once, to its owner, when she sets up her app; the admin never shows it again
# (and its config and QR views, which look the device up unguarded, answer 403 instead of 500).
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# --- Security -------------------------------------------------------------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = False
CSRF_FAILURE_VIEW = "cms.errors.csrf_failure"  # Spanish, in the site's layout
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if env_bool("BEHIND_TLS_PROXY", True):
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

_sockets_sources = [
    f"ws://{host}:{SEMILLA_SOCKETS_PORT}"
    for host in ALLOWED_HOSTS
    if SEMILLA_SOCKETS_PORT and "*" not in host and not host.startswith(".")
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        # With `make run`, the rooms' sockets go to Daphne on its own port of the same host (cms/embedded.py).
        "connect-src": ["'self'", *_sockets_sources],
        "frame-src": ["'self'", H5P_CONTENT_ORIGIN],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin runs inline scripts of its own; the policy above covers the public site.
CONTENT_SECURITY_POLICY_EXCLUDE_URL_PREFIXES = ("/admin/", "/django-admin/")

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "es"
LANGUAGES = [("es", "Español")]
TIME_ZONE = "America/Guayaquil"
USE_I18N = True
USE_TZ = True
# locale/ is the project's catalogue (makemessages writes only into the first entry); locale_overrides holds
# hand-written Spanish for Wagtail and Django strings their own catalogues miss or word in "usted".
# Both take precedence over the apps' catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "cms" / "locale_overrides"]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("es", "Español")]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("es", "Español")]

# --- Static and media -----------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]  # semilla.css and session.js live outside any app
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media on S3-compatible object storage (django-storages, `pip install '.[s3]'`) when a bucket is named.
# The bucket stays private: every file is read through a short-lived signed URL that only a view which checked
# who asks hands out (docs/deploy.md). Credentials come from the usual AWS_* variables or the machine's role.
SEMILLA_MEDIA_S3_BUCKET = env_str("SEMILLA_MEDIA_S3_BUCKET")
if SEMILLA_MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": SEMILLA_MEDIA_S3_BUCKET,
            "endpoint_url": env_str("SEMILLA_MEDIA_S3_ENDPOINT_URL") or None,  # MinIO, Ceph, a provider's S3
            "region_name": env_str("SEMILLA_MEDIA_S3_REGION") or None,
            "location": env_str("SEMILLA_MEDIA_S3_PREFIX", "media"),
            "default_acl": None,  # the bucket's own policy: private
            "querystring_auth": True,  # signed URLs ...
            "querystring_expire": env_int("SEMILLA_MEDIA_S3_URL_SECONDS", 300),  # ... that expire in minutes
            "file_overwrite": False,
        },
    }
WHITENOISE_MAX_AGE = 31536000
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 5_242_880
SEMILLA_MAX_CSV_BYTES = 1_048_576
SEMILLA_MAX_IMAGE_BYTES = 5_242_880
# Every image upload (cms.uploads) is refused above this many pixels, read from its header before decoding:
# a 16-megapixel picture takes up to 64 MB once decoded. Pillow's own guard, for any decode in the process
# (Wagtail renditions too), warns above it and refuses above twice it.
SEMILLA_MAX_IMAGE_PIXELS = env_int("SEMILLA_MAX_IMAGE_PIXELS", 16_000_000)
PIL.Image.MAX_IMAGE_PIXELS = SEMILLA_MAX_IMAGE_PIXELS
SEMILLA_MAX_DOCUMENT_BYTES = 20_971_520
# H5P packages carry JavaScript: served only on the content origin, never under MEDIA_URL.
H5P_ROOT = Path(env_str("H5P_ROOT", str(BASE_DIR / "media" / "h5p-packages")))
H5P_MAX_UPLOAD_BYTES = env_int("H5P_MAX_UPLOAD_MB", 60) * 1024 * 1024
H5P_URL_MAX_AGE_SECONDS = env_int("H5P_URL_MAX_AGE_SECONDS", 30 * 60)
H5P_PLAYER_DIR = BASE_DIR / "node_modules" / "h5p-standalone" / "dist"  # installed by npm ci
if H5P_PLAYER_DIR.is_dir():
    STATICFILES_DIRS.append(("h5p-standalone", H5P_PLAYER_DIR))

# --- Wagtail --------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Semilla"
WAGTAILADMIN_BASE_URL = SITE_URL
# WebSocket handshakes are accepted from these origins only (scheme, host and port, exactly): by default the
# site's own (cms/origins.py). A comma-separated list, e.g. when the site answers on two addresses.
SEMILLA_WS_ALLOWED_ORIGINS = env_list("SEMILLA_WS_ALLOWED_ORIGINS", [WAGTAILADMIN_BASE_URL])
WAGTAILIMAGES_MAX_UPLOAD_SIZE = SEMILLA_MAX_IMAGE_BYTES
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = SEMILLA_MAX_IMAGE_PIXELS
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.ImageForm"
WAGTAILDOCS_EXTENSIONS = ["pdf", "odt", "docx", "xlsx", "ods", "csv", "txt", "mp3", "ogg"]
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_PASSWORD_RESET_ENABLED = False
# Coordinators publish pages themselves; nobody reviews them. Wagtail's default workflow ("Moderators
# approval", for a Moderators group no role belongs to) only added a dead-end "Enviar a..." action.
WAGTAIL_WORKFLOW_ENABLED = False

# --- Background jobs (cms/jobs) -------------------------------------------------------------
# "database": django-tasks-db keeps the queue in the database and `manage.py db_worker` runs it (no broker);
# `make run` starts one worker next to Daphne, the production stack its own. "immediate" runs each job inside
# the request that asks for it: what the tests use (tests/conftest.py), and a fallback without a worker.
TASKS_BACKEND = env_str("TASKS_BACKEND", "database")
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(f"TASKS_BACKEND must be one of {sorted(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}.")
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# A queued or running job with no news for this long has lost its worker: the person may retry it.
JOBS_STALE_SECONDS = env_int("JOBS_STALE_SECONDS", 300)
# Outgoing mail is queued as a job (cms/mail.py); the job sends it with EMAIL_DELIVERY_BACKEND (EMAIL_HOST...).
EMAIL_BACKEND = "cms.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str("EMAIL_DELIVERY_BACKEND", "django.core.mail.backends.smtp.EmailBackend")

# --- Demo -----------------------------------------------------------------------------------
SEMILLA_DEMO_PASSWORD = "semilla-demo"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
    "loggers": {
        "semilla": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "channels_redis": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

import os

import pytest

os.environ.setdefault("SEMILLA_TESTING", "1")


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Uploads and generated files go to a temporary folder, never to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Factories set a password per person; the production hasher (PBKDF2, a million rounds) would make the
    suite minutes longer. Passwords still go through Django's real check, with a cheap algorithm."""
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    ]


@pytest.fixture(autouse=True)
def _jobs_run_in_the_request(settings):
    """Background jobs (cms/jobs) run inside the request that queues them, so a test sees their result at once.
    tests/cms/jobs/test_db_worker.py switches to the database backend and runs the real worker."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _staff_second_factor_off(settings):
    """Staff sign in with a TOTP code in production and `make run`; tests that are not about it skip the step.
    tests/cms/test_staff_second_factor.py turns it back on and proves the enforcement."""
    settings.SEMILLA_STAFF_OTP_REQUIRED = False


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Wagtail caches site root paths: a test that moves the site root must not leak into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def pytest_collection_modifyitems(config, items):
    """Browser journeys run last: Playwright's sync API keeps an event loop running in this thread for the
    rest of the session, which async tests (Channels consumers) cannot share. Every test under tests/browser/
    is a browser journey, marked or not: one left unmarked ran mid-suite and broke every consumer test after it."""
    for item in items:
        if item.path.parent.name == "browser" and item.get_closest_marker("browser") is None:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

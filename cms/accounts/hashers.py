"""Argon2id with a cost chosen for Semilla's machines (see PASSWORD_HASHERS in cms/settings.py).

The algorithm name stays "argon2", so hashes are Django's own format: a hash made with other parameters (Django's
defaults, or an older choice here) still verifies and is rewritten with these at the person's next sign-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class SemillaArgon2PasswordHasher(Argon2PasswordHasher):
    """OWASP's Argon2id configuration (19 MiB, 2 passes, 1 lane), chosen by measurement for a small 2-core box.

    Per hash or check on the 2-core build machine (argon2-cffi 25.1): this one 22 ms of CPU and 19 MiB; RFC 9106's
    t=3, 64 MiB (2 lanes) 85 ms and 155 ms of CPU; Django's default (t=2, 100 MiB, 8 lanes) 115-170 ms and
    185-195 ms of CPU; PBKDF2 at Django 5.2's million rounds 240 ms. bench/login_burst.py, 100 sign-ins in 40 s
    (the burst's 2.5 a second) on one Daphne, same machine load (load average 10-16): this one p95 1.0 s and
    78 ms of server CPU per person signing in (form, sign-in, start page); the 64 MiB one p95 9.9 s, 235 ms and
    780 MiB of RSS at its peak (every sign-in in progress holds its memory, and under ASGI they run in parallel
    threads). Guessing stays slow anyway: the per-account throttle and django-axes stop repeated tries.
    """

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1

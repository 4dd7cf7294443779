"""Argon2id with a cost chosen for Semilla's machines (see PASSWORD_HASHERS in cms/settings.py).

The algorithm name stays "argon2", so hashes are Django's own format: a hash made with other parameters (Django's
defaults, or an older choice here) still verifies and is rewritten with these at the person's next sign-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class SemillaArgon2PasswordHasher(Argon2PasswordHasher):
    """RFC 9106's second recommended option (t=3, 64 MiB), with 2 lanes instead of 4: one per core here.

    Measured on the 2-core build machine (argon2-cffi 25.1): about 85 ms per hash or check, 155 ms of CPU time
    (the two lanes run on both cores). A morning burst of 300 sign-ins in 2 minutes (2.5 a second) costs about
    0.4 of a core; Django's default (t=2, 100 MiB, 8 lanes) took 115-170 ms and 185-195 ms of CPU, and PBKDF2
    with Django 5.2's million rounds 240 ms on one core. Each sign-in in progress holds 64 MiB for that time.
    """

    time_cost = 3
    memory_cost = 64 * 1024  # KiB
    parallelism = 2

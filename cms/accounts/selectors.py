"""Reads of the accounts app."""

import math
import secrets

from django.conf import settings
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.models import ConsentVersion, LoginThrottle, Participant, User
from cms.accounts.roles import STAFF_ROLES, Role, is_staff_role

# Names nobody may sign up with; they answer "not available" exactly like a taken one, so that answer does not
# prove that an account exists.
RESERVED_USERNAMES = frozenset(
    {
        "admin",
        "administracion",
        "administración",
        "administrador",
        "administradora",
        "root",
        "soporte",
        "ayuda",
        "semilla",
        "coordinacion",
        "coordinación",
        "coordinador",
        "coordinadora",
        "staff",
        "sistema",
        "mentor",
        "mentora",
        "jurado",
        "aprendiz",
        "prueba",
        "test",
        "null",
        "none",
    }
)
SUGGESTIONS = 3


def username_available(*, username: str) -> bool:
    """True when nobody has this username (in any letter case) and it is not reserved."""
    if username.lower() in RESERVED_USERNAMES:
        return False
    return not User.objects.filter(username__iexact=username).exists()


def usernames_free_like(*, username: str) -> list[str]:
    """Up to three free usernames close to `username`, with a random number so they hint at nothing taken."""
    base = username[:140]
    candidates = list(dict.fromkeys(f"{base}{secrets.randbelow(990) + 10}" for _n in range(3 * SUGGESTIONS)))
    taken = set(
        User.objects.annotate(lower=Lower("username"))
        .filter(lower__in=[c.lower() for c in candidates])
        .values_list("lower", flat=True)
    )
    return [c for c in candidates if c.lower() not in taken and c.lower() not in RESERVED_USERNAMES][:SUGGESTIONS]


def consent_current() -> ConsentVersion | None:
    """The newest published consent text, or None before any is published."""
    return ConsentVersion.objects.order_by("-published_at", "-id").first()


def consent_needed_by(*, user) -> bool:
    """True when a learner has not accepted the current consent text (staff sign other papers)."""
    if not user.is_authenticated or is_staff_role(user):
        return False
    current = consent_current()
    return current is not None and user.consent_version_id != current.id


def profile_for(*, user) -> Participant:
    """The person's own registry record, unsaved and empty if she never filled in her profile."""
    try:
        return user.participant
    except Participant.DoesNotExist:
        return Participant(user=user, given_names=user.first_name, surnames=user.last_name)


def learners_list(*, search: str = "") -> QuerySet[User]:
    """People with the learner role (and no staff role), for the coordinators' list."""
    staff = [str(role) for role in STAFF_ROLES]
    users = (
        User.objects.filter(groups__name=Role.LEARNER.value)
        .exclude(groups__name__in=staff)
        .exclude(is_superuser=True)
        .distinct()
        .order_by("username")
    )
    if search:
        users = users.filter(
            Q(username__icontains=search)
            | Q(first_name__icontains=search)
            | Q(last_name__icontains=search)
            | Q(phone__icontains=search)
        )
    return users


def login_throttle_key(username: str) -> str:
    return username.strip().lower()[:150]


def login_wait_seconds(*, username: str) -> int:
    """Seconds this username must wait before its password is checked again; 0 when it may try now."""
    throttle = LoginThrottle.objects.filter(username=login_throttle_key(username)).first()
    if throttle is None or throttle.failures < settings.SEMILLA_LOGIN_THROTTLE_AFTER:
        return 0
    doublings = min(throttle.failures - settings.SEMILLA_LOGIN_THROTTLE_AFTER, 20)
    delay = min(
        settings.SEMILLA_LOGIN_THROTTLE_BASE_SECONDS * 2**doublings, settings.SEMILLA_LOGIN_THROTTLE_MAX_SECONDS
    )
    elapsed = (timezone.now() - throttle.last_failure_at).total_seconds()
    return max(0, math.ceil(delay - elapsed))


def totp_device_for(*, user) -> TOTPDevice | None:
    """The person's confirmed TOTP device, or None before they set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()

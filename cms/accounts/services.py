"""Writes of the accounts app."""

import logging
import math
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.models import ConsentVersion, LoginThrottle, Participant, User
from cms.accounts.roles import ALL_PERMISSIONS, STAFF_ROLES, Role, has_role, role_permission_matrix, roles_of
from cms.accounts.selectors import login_throttle_key
from cms.db.busy import atomic_retrying
from cms.personal_data.registry import rectified

logger = logging.getLogger("semilla")

# Collection permissions of the admin roles on the root collection (so on every course collection below it).
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)
# Roles whose members may use the Wagtail admin and are therefore is_staff.
ADMIN_ROLES = frozenset({Role.COORDINATOR.value, Role.ADMIN.value})


class CannotResetPassword(Exception):
    """A coordinator tried to reset the password of someone who is not a learner."""


class CodeRefused(Exception):
    """A TOTP code was wrong (wait_seconds == 0) or came while the device must wait (wait_seconds > 0)."""

    def __init__(self, wait_seconds: int = 0):
        super().__init__(wait_seconds)
        self.wait_seconds = wait_seconds


def roles_ensure() -> dict[str, Group]:
    """Create the five role groups if missing (idempotent). Permissions are added by each area."""
    return {role.value: Group.objects.get_or_create(name=role.value)[0] for role in Role}


def role_permissions_ensure() -> None:
    """Create the role groups and give them the permissions of role_permission_matrix(); idempotent.

    Adds, never removes. A name whose permission does not exist (yet) is skipped. Runs after each
    migrate (see apps.py); the old data migrations that granted permissions no longer do.
    """
    groups = roles_ensure()
    for role, names in role_permission_matrix().items():
        if ALL_PERMISSIONS in names:
            groups[role].permissions.add(*Permission.objects.all())
        elif names:
            groups[role].permissions.add(*_permissions_named(names))
    _page_and_collection_permissions_ensure(groups)


def _permissions_named(names: tuple[str, ...]) -> list[Permission]:
    """The existing permissions among "app_label.codename" names: one query."""
    pairs = {tuple(name.split(".", 1)) for name in names}
    candidates = Permission.objects.filter(
        content_type__app_label__in={a for a, _ in pairs}, codename__in={c for _, c in pairs}
    ).select_related("content_type")
    return [p for p in candidates if (p.content_type.app_label, p.codename) in pairs]


def _page_and_collection_permissions_ensure(groups: dict[str, Group]) -> None:
    """Coordinators and admins edit every page and collection; tolerant of a bare database."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    root = Page.get_first_root_node()
    collection = Collection.get_first_root_node()
    for role in ADMIN_ROLES:
        group = groups[role]
        if root is not None:
            for codename in ("add_page", "change_page", "publish_page"):
                perm = Permission.objects.filter(codename=codename, content_type__app_label="wagtailcore").first()
                if perm:
                    GroupPagePermission.objects.get_or_create(group=group, page=root, permission=perm)
        if collection is not None:
            for app_label, codename in COLLECTION_PERMISSIONS:
                perm = Permission.objects.filter(codename=codename, content_type__app_label=app_label).first()
                if perm:
                    GroupCollectionPermission.objects.get_or_create(group=group, collection=collection, permission=perm)


def user_role_set(*, user, role: str) -> None:
    """Give a user a role (adds the group; staff roles also get Wagtail admin access where needed)."""
    groups = roles_ensure()
    user.groups.add(groups[str(role)])
    if hasattr(user, "_semilla_roles"):
        del user._semilla_roles
    if str(role) in ADMIN_ROLES and not user.is_staff:
        user.is_staff = True
        user.save(update_fields=["is_staff"])


def consent_accept(*, user: User, version: ConsentVersion) -> User:
    """Record that the person accepted this consent text, now."""
    user.consent_version = version
    user.consent_accepted_at = timezone.now()
    user.save(update_fields=["consent_version", "consent_accepted_at"])
    return user


def user_signup(
    *,
    username: str,
    password: str,
    consent: ConsentVersion,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
) -> User:
    """Create a learner account that has accepted `consent`. The form checked the consent box.

    Raises IntegrityError when someone took the username meanwhile.
    """
    # Hashing takes ~0.4 s on purpose; under SQLite a transaction holds the only write lock from its start, so
    # it is done before, or fifty sign-ups at once queue behind each other until "database is locked".
    password_hash = make_password(password)
    return _learner_account_create(
        username=username,
        password_hash=password_hash,
        consent=consent,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
    )


@atomic_retrying
def _learner_account_create(*, password_hash: str, consent: ConsentVersion | None = None, **fields: str) -> User:
    """The short write of a new learner account: the user row and its role, together or not at all."""
    user = User(password=password_hash, **fields)
    if consent is not None:
        user.consent_version = consent
        user.consent_accepted_at = timezone.now()
    user.save()
    user_role_set(user=user, role=Role.LEARNER)
    return user


def profile_update(*, user: User, data: dict) -> Participant:
    """Save the person's own optional profile: her registry record, created the first time."""
    profile, _created = Participant.objects.get_or_create(
        user=user, defaults={"given_names": user.first_name, "surnames": user.last_name}
    )
    changed = [field for field, value in data.items() if getattr(profile, field) != value]
    for field, value in data.items():
        setattr(profile, field, value)
    profile.full_clean()
    profile.save()
    if changed and not _created:
        rectified(participant=profile, fields=changed, by=user)  # passed on to referral partners (LOPDP Art. 14)
    return profile


def learner_create(
    *,
    by: User,
    username: str,
    password: str,
    first_name: str = "",
    last_name: str = "",
    email: str = "",
    phone: str = "",
) -> User:
    """A coordinator opens an account for a learner. The learner accepts consent at first login."""
    password_hash = make_password(password)  # before the write lock, as in user_signup
    user = _learner_account_create(
        username=username,
        password_hash=password_hash,
        first_name=first_name,
        last_name=last_name,
        email=email,
        phone=phone,
    )
    logger.info("account %s created by %s", user.pk, by.pk)
    return user


def can_reset_password_of(*, by: User, target: User) -> bool:
    """Admins reset anyone's password; coordinators only learners' (never other staff's)."""
    if has_role(by, Role.ADMIN):
        return True
    if not has_role(by, Role.COORDINATOR):
        return False
    target_staff = roles_of(target) & {str(r) for r in STAFF_ROLES}
    return not target_staff and not target.is_superuser and not target.is_staff


def user_password_reset(*, by: User, target: User, password: str) -> User:
    """Set a temporary password chosen by staff. Raises CannotResetPassword when not allowed."""
    if not can_reset_password_of(by=by, target=target):
        raise CannotResetPassword
    target.set_password(password)
    target.save(update_fields=["password"])
    logger.info("password of %s reset by %s", target.pk, by.pk)
    return target


@atomic_retrying
def login_failure_record(*, username: str) -> LoginThrottle:
    """Count one wrong password for this username (any address); old failures are forgotten."""
    now = timezone.now()
    forget_before = now - timedelta(seconds=settings.SEMILLA_LOGIN_THROTTLE_FORGET_SECONDS)
    # Rows of names nobody tried for a day go, so guessing many names cannot grow the table without end.
    LoginThrottle.objects.filter(last_failure_at__lt=forget_before).delete()
    # The row lock keeps two failures at the same instant from counting as one.
    throttle, created = LoginThrottle.objects.select_for_update().get_or_create(
        username=login_throttle_key(username),
        defaults={"failures": 1, "last_failure_at": now},
    )
    if not created:
        throttle.failures += 1
        throttle.last_failure_at = now
        throttle.save(update_fields=["failures", "last_failure_at"])
    return throttle


def login_throttle_clear(*, username: str) -> None:
    """The right password was given: this username starts again with no wait."""
    LoginThrottle.objects.filter(username=login_throttle_key(username)).delete()


def totp_device_pending_ensure(*, user: User) -> TOTPDevice:
    """The device this person is setting up: unconfirmed, with a new random secret the first time."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name="Semilla", confirmed=False)


def second_factor_confirm(*, request, device: TOTPDevice, code: str) -> None:
    """Check a code of `device` (the person's own). On success the session counts as verified and gets a new
    key; a device being set up becomes the person's one. Raises CodeRefused; django-otp's own throttle makes
    each wrong code double the wait before the next one is checked."""
    allowed, data = device.verify_is_allowed()
    if not allowed:
        locked_until = (data or {}).get("locked_until")
        wait = (locked_until - timezone.now()).total_seconds() if locked_until else 1
        raise CodeRefused(wait_seconds=max(1, math.ceil(wait)))
    if not device.verify_token(code.replace(" ", "")):
        raise CodeRefused
    if not device.confirmed:
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=device.user, confirmed=False).delete()
    otp_login(request, device)
    request.session.cycle_key()  # a session that gained rights gets a key nobody saw before
    logger.info("second factor verified for %s", device.user_id)


def totp_device_demo_ensure(*, user: User, key_hex: str) -> TOTPDevice:
    """Demo only: give a demo staff account a confirmed device with a published secret (see README)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True, key=key_hex).first()
    return device or TOTPDevice.objects.create(user=user, name="Demo", key=key_hex, confirmed=True)

"""The kinds of job, registered by the app that owns the work (cms never imports lms or incubator).

Each kind says what the person reads while it runs and who may see a job of that kind: the same rule as the
page or file the job produces, so a job never shows more than its result would.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise

from cms.accounts.roles import Role, has_role


@dataclass(frozen=True)
class JobKind:
    name: str
    title: Promise | str  # "Tu certificado": the status page's heading
    running: Promise | str  # "Generando tu certificado…": shown with the percentage
    can_see: Callable[[Any, Any], bool]  # (user, job) -> bool


_KINDS: dict[str, JobKind] = {}


def owner_or_admin(user, job) -> bool:
    """The default rule: the person who asked, and administration."""
    return job.owner_id == user.pk or has_role(user, Role.ADMIN)


def job_kind_register(kind: JobKind) -> JobKind:
    """Called from an app's AppConfig.ready(); registering the same name twice keeps the last one."""
    _KINDS[kind.name] = kind
    return kind


def job_kind(name: str) -> JobKind:
    """The registered kind, or a neutral one (owner and admins only) for a kind no app registers any more."""
    from django.utils.translation import gettext_lazy as _

    return _KINDS.get(name) or JobKind(
        name=name, title=_("Tu archivo"), running=_("Preparando tu archivo…"), can_see=owner_or_admin
    )

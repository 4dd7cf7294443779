"""Reads of the demo: the list of demo accounts, built from the same data the loaders use."""

from dataclasses import dataclass

from django.db.models import Prefetch

from cms.accounts.models import User
from cms.accounts.roles import Role
from incubator.demo import content, pitch_content
from incubator.ventures.models import Venture
from lms.demo.content.people import DEMO_USERS


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str  # the role's Spanish label
    name: str
    ventures: tuple[str, ...] = ()  # the teams the account belongs to


def _demo_specs() -> list[tuple[str, str, str]]:
    """(username, role, full name) of every account the demo loaders create, in loading order, once each."""
    specs = [
        (s.username, s.role, f"{s.first_name} {s.last_name}")
        for s in (*DEMO_USERS, *pitch_content.JURORS, *content.LEARNERS)
    ]
    specs += [(s.username, Role.LEARNER, f"{s.first_name} {s.last_name}") for s in pitch_content.PAST_VENTURES]
    seen, unique = set(), []
    for spec in specs:
        if spec[0] not in seen:
            seen.add(spec[0])
            unique.append(spec)
    return unique


def _role_label(user: User | None, fallback: str) -> str:
    if user is None:
        return str(Role(fallback).label)
    names = {group.name for group in user.groups.all()}
    if user.is_superuser:
        names.add(Role.ADMIN.value)
    for role in reversed(Role):  # the highest role first: administration, coordination, jury, mentor, learner
        if role.value in names:
            return str(role.label)
    return str(Role(fallback).label)


def demo_accounts() -> list[DemoAccount]:
    """Every demo account with its role and teams: as loaded when it exists, as planned before loading.

    Three queries. Names come from the database when the account exists (a username reused by two parts
    of the demo keeps the first one's name)."""
    specs = _demo_specs()
    users = {
        user.username: user
        for user in User.objects.filter(username__in=[s[0] for s in specs]).prefetch_related(
            "groups", Prefetch("ventures", queryset=Venture.objects.order_by("name"))
        )
    }
    accounts = []
    for username, role, name in specs:
        user = users.get(username)
        accounts.append(
            DemoAccount(
                username=username,
                role=_role_label(user, role),
                name=user.get_full_name() if user else name,
                ventures=tuple(v.name for v in user.ventures.all()) if user else (),
            )
        )
    return accounts


def demo_accounts_text() -> str:
    """The accounts as an aligned plain-text table, for the terminal."""
    accounts = demo_accounts()
    width_user = max(len(a.username) for a in accounts)
    width_role = max(len(a.role) for a in accounts)
    lines = []
    for account in accounts:
        line = f"  {account.username:<{width_user}}  {account.role:<{width_role}}  {account.name}"
        if account.ventures:
            line += " · " + "; ".join(account.ventures)
        lines.append(line.rstrip())
    return "\n".join(lines)

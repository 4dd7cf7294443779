"""Every URL of the project, fed out-of-range and malformed parameters, answers anything but 500."""

import re
from dataclasses import dataclass

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone

from cms.accounts.selectors import consent_current
from tests.factories import UserFactory

# Past SQLite's INTEGER and PostgreSQL's bigint, negative, not a number at all.
BAD_VALUES = ("99999999999999999999", "-1", "abc")
_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>[^)]*\)")


@dataclass(frozen=True)
class Route:
    template: str  # the URL with `{}` where each parameter goes

    def filled(self, value: str) -> str:
        return "/" + self.template.replace("{}", value)


def _template(pattern) -> str:
    text = str(pattern.pattern)
    if _ROUTE_PARAM.search(text) and not text.startswith("^"):
        return _ROUTE_PARAM.sub("{}", text)
    text = _REGEX_GROUP.sub("{}", text).lstrip("^").rstrip("$").replace("\\Z", "")
    return re.sub(r"\\(.)", r"\1", text)


def _routes(resolver: URLResolver, prefix: str = "") -> list[Route]:
    routes = []
    for entry in resolver.url_patterns:
        template = prefix + _template(entry)
        if isinstance(entry, URLResolver):
            routes += _routes(entry, template)
        elif isinstance(entry, URLPattern) and "{}" in template and not re.search(r"[\[\]()*+?|]", template):
            routes.append(Route(template))
    return routes


def _signed_in(user) -> Client:
    client = Client(raise_request_exception=False)
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_no_url_answers_500_to_huge_negative_or_malformed_ids():
    routes = sorted(set(_routes(get_resolver())), key=lambda route: route.template)
    assert len(routes) > 100, "the walk found too few URLs: the pattern parser is broken"
    superuser = UserFactory(is_superuser=True, is_staff=True)
    stranger = UserFactory(consent_version=consent_current(), consent_accepted_at=timezone.now())
    clients = {"superuser": _signed_in(superuser), "stranger": _signed_in(stranger)}
    failures = []
    for route in routes:
        for value in BAD_VALUES:
            url = route.filled(value)
            for who, client in clients.items():
                for method in (client.get, client.post):
                    status = method(url).status_code
                    if status >= 500:
                        failures.append(f"{method.__name__.upper()} {url} as {who}: {status}")
    assert not failures, f"{len(failures)} answers of 500:\n" + "\n".join(failures)


def test_an_id_matches_up_to_the_largest_bigint_and_no_further():
    assert resolve(f"/mentorias/{2**63 - 1}/").kwargs == {"pk": 2**63 - 1}
    assert resolve(f"/mentorias/{2**63}/").url_name != "room"  # only Wagtail's page catch-all is left: 404
    assert reverse("mentoring:room", args=[7]) == "/mentorias/7/"

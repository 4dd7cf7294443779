"""What the page tree looks like is cached; who reads it never is.

A single version stamp covers everything derived from the page tree and the sites: any page or site saved,
deleted, published, unpublished or moved replaces it, so cached entries keyed by the old stamp are never read
again. Entries also expire after TREE_CACHE_SECONDS. The stamp is shared by every server process through the
cache: Redis (REDIS_URL), or the embedded default's directory (cms.cache.SharedFileCache); local memory only in
the tests.

PageRouteMiddleware remembers which site and page a URL routes to (Wagtail's site lookup and tree walk cost
five queries and about 3 ms per page view) and the page's own row as loaded. Privacy restrictions, the
person's access, their progress and everything the page refers to are still checked and read on every request.
"""

from __future__ import annotations

import hashlib
import uuid

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.url_routing import RouteResult

TREE_VERSION_KEY = "pages:tree-version"
TREE_CACHE_SECONDS = 300


def tree_version() -> str:
    """The current stamp of the page tree (created on first use)."""
    version = cache.get(TREE_VERSION_KEY)
    if version is None:
        cache.add(TREE_VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(TREE_VERSION_KEY)
    return version


def tree_version_bump() -> None:
    """Invalidate everything cached from the page tree: now, and again once the change commits.

    Between the two, another request (or process) may still read the old rows and cache them under the
    stamp of now; the second stamp leaves those entries behind too."""
    cache.set(TREE_VERSION_KEY, uuid.uuid4().hex, None)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_stamp_new)


def _stamp_new() -> None:
    cache.set(TREE_VERSION_KEY, uuid.uuid4().hex, None)


@receiver(post_save)
@receiver(post_delete)
def _tree_changed(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, (Page, Site)):
        tree_version_bump()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_published_or_moved(sender, **kwargs) -> None:
    tree_version_bump()


def _route_key(request, version: str) -> str:
    where = f"{request._get_raw_host()}|{request.get_port()}|{request.path_info}"
    return f"pages:route:{version}:{hashlib.sha256(where.encode()).hexdigest()}"


def _page_key(version: str, pk: int) -> str:
    return f"pages:page:{version}:{pk}"


def _live_page(model_label: str, pk: int, version: str) -> Page | None:
    """The specific page as loaded from the database under the current tree version.

    Cached as loaded, before any view touched it: its StreamField holds raw data only, so
    snippets, images and documents it refers to are still read fresh when it is rendered.
    """
    key = _page_key(version, pk)
    page = cache.get(key)
    if page is None:
        page = apps.get_model(model_label)._default_manager.filter(pk=pk, live=True).first()
        if page is not None:
            cache.set(key, page, TREE_CACHE_SECONDS)
    return page


def _as_loaded(page: Page) -> Page:
    """A fresh instance with only the page's own columns, as `_live_page` would load it: nothing a view
    cached on the routed instance (related objects, a bound StreamField pickles as its raw data anyway)."""
    fields = page._meta.concrete_fields
    return type(page).from_db(page._state.db, [f.attname for f in fields], [getattr(page, f.attname) for f in fields])


class PageRouteMiddleware:
    """Skips Wagtail's site lookup and tree walk for a URL already routed under the current tree version."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        version = tree_version()
        key = _route_key(request, version)
        cached = cache.get(key)
        if cached is not None:
            model_label, pk, args, kwargs, site_fields = cached
            page = _live_page(model_label, pk, version)
            if page is not None:
                request._wagtail_site = Site(**site_fields)
                request._wagtail_route_for_request = RouteResult(page, args, kwargs)
        response = self.get_response(request)
        route = getattr(request, "_wagtail_route_for_request", None)
        site = getattr(request, "_wagtail_site", None)
        if cached is None and route is not None and site is not None and response.status_code == 200:
            page, args, kwargs = route
            # The site's own fields only: never a page object that could go stale in the cache.
            site_fields = {f.attname: getattr(site, f.attname) for f in Site._meta.concrete_fields}
            cache.set(
                key, (page._meta.label_lower, page.pk, tuple(args), dict(kwargs), site_fields), TREE_CACHE_SECONDS
            )
            # The page's row too, so the next view of it reads nothing more than later ones (Wagtail
            # routed a live page of this version; `add` never replaces an entry `_live_page` made).
            if page.live:
                cache.add(_page_key(version, page.pk), _as_loaded(page), TREE_CACHE_SECONDS)
        return response

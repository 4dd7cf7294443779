"""`{% lesson_body page %}`: a lesson's blocks, with the blocks that are the same for everyone rendered once.

A text or callout block's HTML depends only on what it stores (and, for a link to a page, on the page tree):
it is cached under the page tree's version (cms.page_cache) and a hash of the stored value, so an edited
block, a moved or renamed page, or a published lesson is rendered afresh. Text that links a document or embeds
an image is not cached (their URLs change without the tree). Every other block (quiz: the person's attempts;
image, video, H5P) renders on every view with the page's context, as `{% include_block %}` does.

Measured on the demo lesson (bench/README.md, "CPU por vista de lección"): about 0.5 ms of server CPU per view,
mostly the sanitizer and the templates of its five text and callout blocks.
"""

from __future__ import annotations

import hashlib
import json

from django import template
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cms.page_cache import TREE_CACHE_SECONDS, tree_version

register = template.Library()

# Blocks whose HTML is a pure function of their stored value (cms.blocks: text, callout).
SAME_FOR_EVERYONE = frozenset({"text", "callout"})
# Rich text that refers to something outside the page tree: document links, embedded images.
OUTSIDE_THE_TREE = ('linktype="document"', "<embed")


def _cacheable(raw: dict) -> bool:
    if raw.get("type") not in SAME_FOR_EVERYONE:
        return False
    value = raw.get("value")
    return not (isinstance(value, str) and any(marker in value for marker in OUTSIDE_THE_TREE))


def block_cache_key(raw: dict, version: str) -> str:
    stored = json.dumps([raw.get("type"), raw.get("value")], sort_keys=True, default=str)
    digest = hashlib.sha256(stored.encode()).hexdigest()
    return f"courses:block:{version}:{get_language()}:{digest}"


@register.simple_tag(takes_context=True)
def lesson_body(context, page) -> SafeString:
    """The page's body, as `{% for block in page.body %}{% include_block block %}{% endfor %}` renders it."""
    body = page.body
    raws = list(body.raw_data)
    version = tree_version()
    keys = {index: block_cache_key(raw, version) for index, raw in enumerate(raws) if _cacheable(raw)}
    cached = cache.get_many(list(keys.values())) if keys else {}
    parts, fresh = [], {}
    for index in range(len(raws)):
        key = keys.get(index)
        html = cached.get(key) if key else None
        if html is None:
            # Only here is the block converted (for text: sanitized), as include_block would do it.
            html = str(body[index].render_as_block(context=context.flatten()))
            if key:
                fresh[key] = html
        parts.append(html)
    if fresh:
        cache.set_many(fresh, TREE_CACHE_SECONDS)
    return mark_safe("".join(parts))  # noqa: S308 - each part is a block's rendered, escaped HTML

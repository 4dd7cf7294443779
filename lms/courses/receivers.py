"""Keeps the cached course outlines true to the page tree: any page saved, deleted or moved invalidates them."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from lms.courses.selectors import outline_version_bump


@receiver(post_save)
@receiver(post_delete)
def _page_changed(sender, instance=None, **kwargs) -> None:
    if isinstance(instance, Page):
        outline_version_bump()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_published_or_moved(sender, **kwargs) -> None:
    outline_version_bump()

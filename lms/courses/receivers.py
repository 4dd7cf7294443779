"""Receivers of the courses app: after-commit side effects of publishing a course."""

from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published

from lms.courses.models import CoursePage
from lms.courses.services import course_waitlist_fill


@receiver(page_published, sender=CoursePage, dispatch_uid="semilla.course_waitlist_fill")
def _course_published(sender, instance: CoursePage, revision=None, **kwargs) -> None:
    # A published course may have more seats (or no limit) now: the waitlist gets them. After commit, so the
    # promotion sees the capacity that is live and a failure there cannot undo the publish (robust: it is logged,
    # the editor's request goes on); publishing again, or the next cancellation, fills any seat left free.
    actor = getattr(revision, "user", None)
    transaction.on_commit(lambda: course_waitlist_fill(course=instance, actor=actor), robust=True)

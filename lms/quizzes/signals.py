"""A saved or deleted quiz (or question link) replaces the page tree version: lessons cache quizzes under it."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from cms.page_cache import tree_version_bump
from lms.quizzes.models import Quiz, QuizQuestion


@receiver(post_save, sender=Quiz)
@receiver(post_delete, sender=Quiz)
@receiver(post_save, sender=QuizQuestion)
@receiver(post_delete, sender=QuizQuestion)
def _quiz_changed(sender, **kwargs) -> None:
    tree_version_bump()
    # Again after the commit: a lesson viewed meanwhile may have cached the row as it was before it.
    transaction.on_commit(tree_version_bump)

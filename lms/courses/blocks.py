"""The lesson StreamField: the shared blocks plus the learning blocks the apps above register.

lms.quizzes and lms.h5p build on courses (a quiz belongs to a course, an activity completes a lesson), so
courses cannot import their blocks: each of them registers its block from its AppConfig.ready(), and the
lesson's StreamField reads the list when Wagtail first builds it, once every app is ready."""

from django.apps import apps

from cms.blocks import shared_blocks

_registered: list[tuple[str, object]] = []


def lesson_block_register(name: str, block) -> None:
    """Offer a block to every lesson (called from an app's ready(); order = INSTALLED_APPS order). A second
    registration of the same name (ready() run again) replaces the first in its place."""
    for position, (existing, _block) in enumerate(_registered):
        if existing == name:
            _registered[position] = (name, block)
            return
    _registered.append((name, block))


class LessonBlocks:
    """The (name, block) list of a lesson, read lazily: StreamField only iterates it when it first builds
    its StreamBlock, after every app's ready() has registered its blocks."""

    def __iter__(self):
        if not apps.ready:
            raise RuntimeError("The lesson's blocks are read before every app registered its own.")
        return iter([*shared_blocks(), *_registered])


def lesson_blocks():
    return LessonBlocks()

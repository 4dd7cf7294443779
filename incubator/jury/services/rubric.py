"""The default pitch rubric, for a new event when coordination has not written its own."""

import importlib

from django.apps import apps

from incubator.jury.models import Rubric

_DEFAULT = importlib.import_module("incubator.jury.migrations.0002_default_rubric")


def rubric_default_ensure() -> Rubric:
    """The default rubric (five weighted criteria), created as its data migration does when it is missing
    (deleted in the admin, or a test database flushed)."""
    rubric = Rubric.objects.filter(name=_DEFAULT.DEFAULT_NAME).first()
    if rubric is None:
        _DEFAULT.create_default(apps, None)
        rubric = Rubric.objects.get(name=_DEFAULT.DEFAULT_NAME)
    return rubric

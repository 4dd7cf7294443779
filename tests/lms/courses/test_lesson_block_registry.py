"""lms.quizzes and lms.h5p register their lesson blocks (lms.courses imports neither): the lesson keeps the
same blocks in the same order, so the StreamField matches its migrations."""

from io import StringIO

import pytest
from django.core.management import call_command

from lms.courses.models import LessonPage
from lms.h5p.blocks import H5PBlock
from lms.quizzes.blocks import QuizBlock


def test_the_lesson_offers_the_shared_blocks_then_the_quiz_and_the_h5p_activity():
    children = LessonPage._meta.get_field("body").stream_block.child_blocks
    assert list(children) == ["text", "image", "video", "file", "callout", "quiz", "h5p"]
    assert isinstance(children["quiz"], QuizBlock)
    assert isinstance(children["h5p"], H5PBlock)


@pytest.mark.django_db
def test_the_registered_blocks_need_no_new_migration():
    out = StringIO()
    call_command("makemigrations", "courses", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()

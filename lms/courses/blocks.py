"""The lesson StreamField: the shared blocks plus the learning blocks of lms."""

from cms.blocks import shared_blocks
from lms.h5p.blocks import H5PBlock
from lms.quizzes.blocks import QuizBlock


def lesson_blocks():
    return [*shared_blocks(), ("quiz", QuizBlock()), ("h5p", H5PBlock())]

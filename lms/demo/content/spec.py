"""The shapes of the demo content: plain data that services.demo_load turns into pages and quizzes.

Content modules describe a course with these dataclasses and the small block helpers below, so the
teaching text reads like text and not like database code.
"""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

Block = tuple[str, Any]


@dataclass(frozen=True)
class ChoiceSpec:
    text: str
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class QuestionSpec:
    """One question of a course's bank. Its natural key is (course, prompt)."""

    kind: str  # unica, multiple, vf, corta, numerica
    prompt: str
    choices: tuple[ChoiceSpec, ...] = ()
    accepted: tuple[str, ...] = ()
    numeric: Decimal | None = None
    tolerance: Decimal = Decimal("0")
    explanation: str = ""


@dataclass(frozen=True)
class QuizSpec:
    """A pre-test or a final quiz. Its natural key is (course, kind, title)."""

    title: str
    kind: str  # pre, post, leccion
    intro: str
    questions: tuple[QuestionSpec, ...]
    pass_mark: int = 60
    max_attempts: int = 3


@dataclass(frozen=True)
class LessonSpec:
    title: str
    slug: str
    minutes: int
    body: tuple[Block, ...]


@dataclass(frozen=True)
class ModuleSpec:
    title: str
    slug: str
    intro: str
    lessons: tuple[LessonSpec, ...]
    requires_previous: bool = False


@dataclass(frozen=True)
class CourseSpec:
    """A whole course. The pre-test opens the first lesson; the final quiz closes the last one."""

    title: str
    slug: str
    track: str
    summary: str
    outcomes: tuple[str, ...]
    hours: Decimal
    modules: tuple[ModuleSpec, ...]
    pre_test: QuizSpec
    final_quiz: QuizSpec
    capacity: int | None = None
    enrol_learner: bool = False
    image: str = ""  # name of a generated demo image, see services.demo_image_ensure


def text(html: str) -> Block:
    """A rich-text block. Write plain HTML: <p>, <h2>, <ul>/<ol>, <b>."""
    return ("text", " ".join(html.split()))


def tip(title: str, body: str) -> Block:
    return ("callout", {"kind": "tip", "title": title, "text": " ".join(body.split())})


def warning(title: str, body: str) -> Block:
    return ("callout", {"kind": "warning", "title": title, "text": " ".join(body.split())})


def example(title: str, body: str) -> Block:
    return ("callout", {"kind": "example", "title": title, "text": " ".join(body.split())})


def image(name: str, alt: str, caption: str = "") -> Block:
    """An image block; `name` is resolved to a generated Wagtail image when the content is loaded."""
    return ("image", {"image": name, "alt": alt, "caption": caption})


def yes(text: str, feedback: str = "") -> ChoiceSpec:
    return ChoiceSpec(text=text, correct=True, feedback=feedback)


def no(text: str, feedback: str = "") -> ChoiceSpec:
    return ChoiceSpec(text=text, correct=False, feedback=feedback)

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from lms.quizzes.forms import QuestionAdminForm, QuizAdminForm
from lms.quizzes.models import Question, Quiz
from lms.quizzes.services import question_create, quiz_create
from lms.quizzes.validators import ChoiceData, normalize_text, parse_decimal, question_errors
from lms.quizzes.wagtail_hooks import QuestionViewSet, QuizViewSet
from tests.factories import build_course


def test_normalize_text_ignores_case_accents_punctuation_and_spaces():
    assert normalize_text("  ¡Plan   de AHORRO! ") == "plan de ahorro"
    assert normalize_text("Préstamo") == "prestamo"


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("12,5", Decimal("12.5")),
        ("12.5", Decimal("12.5")),
        ("1.250,75", Decimal("1250.75")),
        ("1,250.75", Decimal("1250.75")),
        ("-3", Decimal("-3")),
        ("$ 40", Decimal("40")),
        ("doce", None),
        ("1,2,3x", None),
        ("", None),
    ],
)
def test_parse_decimal_accepts_comma_or_point(typed, expected):
    assert parse_decimal(typed) == expected


@pytest.mark.parametrize(
    "kind,flags,ok",
    [
        ("unica", [True, False], True),
        ("unica", [True, True], False),
        ("unica", [False, False], False),
        ("vf", [True, False], True),
        ("vf", [True, True], False),
        ("multiple", [True, True, False], True),
        ("multiple", [False, False], False),
        ("unica", [True], False),
    ],
)
def test_choice_questions_need_the_right_number_of_correct_options(kind, flags, ok):
    errors = question_errors(kind=kind, choices=[ChoiceData(f"o{i}", f) for i, f in enumerate(flags)])
    assert (errors == {}) is ok


def test_short_and_numeric_questions_need_their_answers():
    assert "accepted_answers" in question_errors(kind="corta", choices=[], accepted_answers=" \n ")
    assert "numeric_answer" in question_errors(kind="numerica", choices=[], numeric_answer=None)
    assert question_errors(kind="numerica", choices=[], numeric_answer=Decimal("0")) == {}


def test_the_model_clean_applies_the_field_rules(db):
    course = build_course(modules=1, lessons_per_module=1)
    with pytest.raises(ValidationError):
        Question(course=course, kind="corta", prompt="¿Qué es?", accepted_answers="").full_clean()


def test_the_service_refuses_a_single_choice_question_with_two_correct_options(db):
    course = build_course(modules=1, lessons_per_module=1)
    with pytest.raises(ValidationError):
        question_create(course=course, kind="unica", prompt="¿?", choices=[("a", True, ""), ("b", True, "")])


def test_a_quiz_only_uses_questions_of_its_own_course(db):
    course, other = build_course(modules=1, lessons_per_module=1), build_course(title="Otro", modules=1)
    foreign = question_create(course=other, kind="vf", prompt="¿?", choices=[("V", True, ""), ("F", False, "")])
    with pytest.raises(ValidationError):
        quiz_create(course=course, title="Mezcla", questions=[foreign])


def _question_form(data: dict):
    form_class = QuestionViewSet(name="q").get_edit_handler().get_form_class()
    assert issubclass(form_class, QuestionAdminForm)
    return form_class(data, instance=Question(), for_user=None)


def _choices(*rows):
    data = {
        "choices-TOTAL_FORMS": str(len(rows)),
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for i, (text, correct) in enumerate(rows):
        data[f"choices-{i}-text"] = text
        data[f"choices-{i}-ORDER"] = str(i + 1)
        if correct:
            data[f"choices-{i}-is_correct"] = "on"
    return data


def test_the_admin_form_refuses_a_single_choice_question_with_two_correct_options(db):
    course = build_course(modules=1, lessons_per_module=1)
    base = {"course": str(course.id), "kind": "unica", "prompt": "¿Qué es ahorrar?", "tolerance": "0"}
    bad = _question_form(base | _choices(("Guardar", True), ("Gastar", True)))
    assert not bad.is_valid()
    assert "Marca exactamente una opción como correcta." in str(bad.errors)
    good = _question_form(base | _choices(("Guardar", True), ("Gastar", False)))
    assert good.is_valid(), good.errors


def test_the_admin_form_refuses_questions_of_another_course(db):
    course, other = build_course(modules=1, lessons_per_module=1), build_course(title="Otro", modules=1)
    foreign = question_create(course=other, kind="vf", prompt="¿?", choices=[("V", True, ""), ("F", False, "")])
    form_class = QuizViewSet(name="z").get_edit_handler().get_form_class()
    assert issubclass(form_class, QuizAdminForm)
    data = {
        "course": str(course.id),
        "title": "Mezcla",
        "kind": "leccion",
        "pass_mark": "60",
        "max_attempts": "3",
        "quiz_questions-TOTAL_FORMS": "1",
        "quiz_questions-INITIAL_FORMS": "0",
        "quiz_questions-MIN_NUM_FORMS": "0",
        "quiz_questions-MAX_NUM_FORMS": "1000",
        "quiz_questions-0-question": str(foreign.id),
        "quiz_questions-0-ORDER": "1",
    }
    form = form_class(data, instance=Quiz(), for_user=None)
    assert not form.is_valid()
    assert "Usa solo preguntas del banco de este curso." in str(form.errors)

"""Forms of the quizzes app: the learner's attempt form and the admin forms that apply the question rules."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.quizzes.models import Question
from lms.quizzes.validators import CHOICE_KINDS, ChoiceData, parse_decimal, question_errors, quiz_question_errors


def field_name(question: Question) -> str:
    return f"q{question.id}"


class AttemptForm(forms.Form):
    """One field per question. Only option ids and texts reach the page: never which one is correct."""

    def __init__(self, *args, questions: list[Question], **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            self.fields[field_name(question)] = self._field_for(question)
            self.fields[field_name(question)].number = number
            self.fields[field_name(question)].question = question

    @staticmethod
    def _field_for(question: Question) -> forms.Field:
        label = question.prompt
        options = [(str(c.id), c.text) for c in question.choices.all()]
        if question.kind == Question.Kind.MULTIPLE:
            return forms.MultipleChoiceField(
                label=label, choices=options, required=False, widget=forms.CheckboxSelectMultiple
            )
        if question.kind in CHOICE_KINDS:
            return forms.ChoiceField(label=label, choices=options, required=False, widget=forms.RadioSelect)
        if question.kind == Question.Kind.NUMERIC:
            return forms.CharField(
                label=label,
                required=False,
                max_length=40,
                help_text=_("Escribe solo el número. Puedes usar coma o punto para los decimales."),
                widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
            )
        return forms.CharField(
            label=label, required=False, max_length=300, widget=forms.TextInput(attrs={"autocomplete": "off"})
        )

    def clean(self):
        cleaned = super().clean()
        for question in self.questions:
            name = field_name(question)
            value = cleaned.get(name)
            if question.kind == Question.Kind.NUMERIC and value and parse_decimal(value) is None:
                self.add_error(name, _("Escribe solo un número, por ejemplo 12,50."))
        return cleaned

    @staticmethod
    def initial_from_draft(questions: list[Question], draft: dict) -> dict:
        return {field_name(q): draft[str(q.id)] for q in questions if str(q.id) in draft}


def answers_from_data(questions: list[Question], data) -> dict[int, list[int] | str]:
    """The answers exactly as sent (even the unreadable ones), so saving a draft never loses anything."""
    answers: dict[int, list[int] | str] = {}
    for question in questions:
        name = field_name(question)
        if question.kind in CHOICE_KINDS:
            answers[question.id] = [int(v) for v in data.getlist(name) if v.isdigit()]
        else:
            answers[question.id] = (data.get(name) or "")[:300]
    return answers


class QuestionAdminForm(WagtailAdminModelForm):
    """Applies question_errors to the question and its inline options."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("choices")
        choices = None
        if formset is not None and formset.is_valid():
            choices = [
                ChoiceData(f.cleaned_data.get("text", ""), bool(f.cleaned_data.get("is_correct")))
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE")
            ]
        errors = question_errors(
            kind=cleaned.get("kind", ""),
            choices=choices,
            accepted_answers=cleaned.get("accepted_answers", ""),
            numeric_answer=cleaned.get("numeric_answer"),
        )
        for field, message in errors.items():
            self.add_error(field if field in self.fields else None, message)
        return cleaned


class QuizAdminForm(WagtailAdminModelForm):
    """A quiz only uses questions of its own course."""

    def clean(self):
        cleaned = super().clean()
        formset = self.formsets.get("quiz_questions")
        course = cleaned.get("course")
        if formset is not None and course is not None and formset.is_valid():
            question_course_ids = [
                f.cleaned_data["question"].course_id
                for f in formset.forms
                if f.cleaned_data and not f.cleaned_data.get("DELETE") and f.cleaned_data.get("question")
            ]
            for message in quiz_question_errors(course_id=course.id, question_course_ids=question_course_ids):
                self.add_error(None, message)
        return cleaned

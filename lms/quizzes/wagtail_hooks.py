"""The quizzes back office in the Wagtail admin: the question bank and the quizzes, under "Cuestionarios"."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from lms.quizzes.forms import QuestionAdminForm, QuizAdminForm
from lms.quizzes.models import Question, Quiz


class QuestionViewSet(SnippetViewSet):
    model = Question
    icon = "help"
    menu_label = _("Banco de preguntas")
    list_display = ["prompt", "kind", "course"]
    list_filter = ["kind", "course"]
    search_fields = ["prompt"]
    edit_handler = ObjectList(Question.panels, base_form_class=QuestionAdminForm)


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "form"
    menu_label = _("Cuestionarios")
    list_display = ["title", "kind", "course", "pass_mark", "max_attempts"]
    list_filter = ["kind", "course"]
    search_fields = ["title"]
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizAdminForm)


class QuizzesGroup(SnippetViewSetGroup):
    menu_label = _("Cuestionarios")
    menu_icon = "form"
    menu_order = 300
    items = (QuizViewSet, QuestionViewSet)


register_snippet(QuizzesGroup)

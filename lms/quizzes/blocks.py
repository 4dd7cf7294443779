from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class QuizBlock(blocks.StructBlock):
    """A quiz inside a lesson. Passing it completes the lesson."""

    quiz = SnippetChooserBlock("quizzes.Quiz", label=_("cuestionario"))
    intro = blocks.TextBlock(label=_("introducción"), required=False)

    class Meta:
        icon = "form"
        template = "quizzes/blocks/quiz_block.html"
        label = _("Cuestionario")

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
        description = _("Un cuestionario del banco del curso. Aprobarlo completa la lección.")

    def bulk_to_python(self, values):
        """As StructBlock's, but the quiz rows come from quizzes_by_id (cached with the page tree), not a query."""
        structs = super().bulk_to_python([{k: v for k, v in value.items() if k != "quiz"} for value in values])
        from lms.quizzes.selectors import quizzes_by_id

        quizzes = quizzes_by_id(ids=[value.get("quiz") for value in values])
        for struct, quiz in zip(structs, quizzes, strict=True):
            struct["quiz"] = quiz
        return structs

    def get_context(self, value, parent_context=None):
        """Adds the person's summary (attempts, best score) and the lesson the quiz is shown in."""
        from lms.courses.models import LessonPage
        from lms.quizzes.selectors import quiz_summary_for

        context = super().get_context(value, parent_context=parent_context)
        request, page, quiz = context.get("request"), context.get("page"), value.get("quiz")
        context["lesson"] = page if isinstance(page, LessonPage) else None
        # The lesson page already read the person's enrolment in its course: reuse it for a quiz of that course.
        progress = context.get("progress")
        enrolled = (
            progress.is_active
            if progress is not None and quiz is not None and getattr(progress.course, "pk", None) == quiz.course_id
            else None
        )
        context["summary"] = (
            quiz_summary_for(user=request.user, quiz=quiz, enrolled=enrolled)
            if quiz is not None and request is not None
            else None
        )
        return context

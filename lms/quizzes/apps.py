from django.apps import AppConfig

from cms.accounts.roles import Role


class QuizzesConfig(AppConfig):
    name = "lms.quizzes"
    label = "quizzes"
    # Coordination writes quizzes and the question bank in the Wagtail admin (cms.accounts.roles).
    role_permissions = {
        Role.COORDINATOR: (
            "quizzes.add_quiz",
            "quizzes.change_quiz",
            "quizzes.view_quiz",
            "quizzes.add_question",
            "quizzes.change_question",
            "quizzes.view_question",
        ),
    }

    def ready(self) -> None:
        from lms.courses.blocks import lesson_block_register
        from lms.grades.selectors import knowledge_gain_register
        from lms.quizzes import selectors, signals  # noqa: F401 (signals: connects its receivers)
        from lms.quizzes.blocks import QuizBlock

        lesson_block_register("quiz", QuizBlock())
        # Looked up on each call, so the gradebook always reads the selector as it is now.
        knowledge_gain_register(lambda course: selectors.course_knowledge_gain(course))

        from lms.quizzes import indicators

        indicators.register()

from django.apps import AppConfig

from cms.accounts.roles import Role


class QuizzesConfig(AppConfig):
    name = "lms.quizzes"
    label = "quizzes"
    # Coordination writes quizzes and the question bank in the Wagtail admin (cms.accounts.roles).
    role_permissions = {
        Role.COORDINATOR: (
            "quizzes.add_quiz", "quizzes.change_quiz", "quizzes.view_quiz",
            "quizzes.add_question", "quizzes.change_question", "quizzes.view_question",
        ),
    }

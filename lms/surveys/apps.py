from django.apps import AppConfig

from cms.accounts.roles import Role


class SurveysConfig(AppConfig):
    name = "lms.surveys"
    label = "surveys"
    # Coordination reads the satisfaction answers, the "% satisfechos" report (cms.accounts.roles).
    role_permissions = {Role.COORDINATOR: ("surveys.view_satisfactionresponse",)}

    def ready(self) -> None:
        from lms.surveys import indicators

        indicators.register()

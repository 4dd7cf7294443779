from django.apps import AppConfig

# Coordination reads the satisfaction answers (the "% satisfechos" report; see accounts.services).
COORDINATOR_PERMISSIONS = ("surveys.view_satisfactionresponse",)


class SurveysConfig(AppConfig):
    name = "lms.surveys"
    label = "surveys"

    def ready(self) -> None:
        from cms.accounts.roles import Role
        from cms.accounts.services import role_permissions_register

        role_permissions_register(role=Role.COORDINATOR, names=COORDINATOR_PERMISSIONS)

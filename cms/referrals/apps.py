from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms.accounts.roles import Role


class ReferralsConfig(AppConfig):
    """Referrals to partner organisations (childcare, legal help, credit...): states, clock, partner pages."""

    name = "cms.referrals"
    label = "referrals"
    verbose_name = _("Derivaciones")
    # Coordination keeps the partner organisations and their services in the Wagtail admin; referrals
    # themselves are handled on the phone-sized pages (cms/referrals/views.py). Partners never enter the admin.
    role_permissions = {
        Role.COORDINATOR: (
            "referrals.view_partnerorganisation",
            "referrals.add_partnerorganisation",
            "referrals.change_partnerorganisation",
            "referrals.view_partnerservice",
            "referrals.add_partnerservice",
            "referrals.change_partnerservice",
            "referrals.delete_partnerservice",
            "referrals.view_referral",
        ),
    }

    def ready(self) -> None:
        from django.db.models.signals import post_save

        from cms.people.models import ConsentEvent
        from cms.personal_data import registry
        from cms.referrals import indicators, people_path, start_tiles
        from cms.referrals.services import consent_event_saved, referral_corrections_pass_on

        post_save.connect(consent_event_saved, sender=ConsentEvent, dispatch_uid="referrals.consent_event_saved")
        if referral_corrections_pass_on not in registry.on_rectified:
            registry.on_rectified.append(referral_corrections_pass_on)
        start_tiles.register()
        indicators.register()
        people_path.register()
        from cms.referrals import feedback

        feedback.register()  # the satisfaction question after childcare or credit, and its indicators

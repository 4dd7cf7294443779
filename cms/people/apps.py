from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    """The participants' registry: one record per person, consent per purpose, duplicates."""

    name = "cms.people"
    label = "people"
    verbose_name = _("Participantes")

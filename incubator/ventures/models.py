from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Venture(models.Model):
    """An emprendimiento in a cohort: its team edits it, its mentors read and review it."""

    class Sector(models.TextChoices):
        FOOD = "alimentos", _("Alimentos y bebidas")
        CRAFTS = "artesanias", _("Artesanías y decoración")
        CLOTHING = "confeccion", _("Confección y moda")
        BEAUTY = "belleza", _("Belleza y cuidado personal")
        SERVICES = "servicios", _("Servicios técnicos")
        COMMERCE = "comercio", _("Comercio")
        OTHER = "otro", _("Otro")

    cohort = models.ForeignKey(
        "cohorts.Cohort", verbose_name=_("cohorte"), on_delete=models.PROTECT, related_name="ventures"
    )
    name = models.CharField(_("nombre"), max_length=150)
    sector = models.CharField(_("sector"), max_length=15, choices=Sector.choices)
    description = models.TextField(_("descripción"), max_length=2000)
    city = models.CharField(_("ciudad"), max_length=60)
    members = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("equipo"), related_name="ventures")
    mentors = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentores"),
        blank=True,
        related_name="mentored_ventures",
        limit_choices_to={"groups__name": "mentor"},
    )
    created_at = models.DateTimeField(auto_now_add=True, verbose_name=_("fecha de creación"))

    class Meta:
        ordering = ["name"]
        verbose_name = _("emprendimiento")
        verbose_name_plural = _("emprendimientos")

    def __str__(self) -> str:
        return self.name

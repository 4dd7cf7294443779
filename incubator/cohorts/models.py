from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Cohort(models.Model):
    """An incubator cohort: four months by default, in one city, with a capacity."""

    name = models.CharField(_("nombre"), max_length=150)
    city = models.CharField(_("ciudad"), max_length=60)
    start_date = models.DateField(_("fecha de inicio"))
    months = models.PositiveSmallIntegerField(_("duración en meses"), default=4)
    capacity = models.PositiveIntegerField(_("cupos"), default=30)
    coordinators = models.ManyToManyField(settings.AUTH_USER_MODEL, verbose_name=_("coordinación"), blank=True,
                                          related_name="coordinated_cohorts")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-start_date", "name"]
        verbose_name = _("cohorte")
        verbose_name_plural = _("cohortes")

    def __str__(self) -> str:
        return self.name

    @property
    def end_date(self) -> date:
        month = self.start_date.month - 1 + self.months
        year = self.start_date.year + month // 12
        return self.start_date.replace(year=year, month=month % 12 + 1, day=min(self.start_date.day, 28))


class Participation(models.Model):
    """A person's place in a cohort, from application to the end (or a dropout)."""

    class Status(models.TextChoices):
        APPLIED = "postulada", _("Postuló")
        ACCEPTED = "aceptada", _("Aceptada")
        RESERVE = "reserva", _("En lista de reserva")
        DECLINED = "rechazada", _("No aceptada")
        OFFERED = "ofrecida", _("Cupo ofrecido")
        DROPPED = "retirada", _("Se retiró")

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="participations")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participations")
    status = models.CharField(_("estado"), max_length=10, choices=Status.choices, default=Status.APPLIED)
    reserve_position = models.PositiveIntegerField(_("puesto en la reserva"), null=True, blank=True)
    motivation = models.TextField(_("por qué quieres entrar"), blank=True, max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["cohort", "user"], name="one_participation_per_cohort")]
        verbose_name = _("participación")
        verbose_name_plural = _("participaciones")

    def __str__(self) -> str:
        return f"{self.user} · {self.cohort}"

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowUp(models.Model):
    """One wave (3, 6 or 12 months after the pitch) for one person of a venture: the link and her answers.

    The link's token is never stored: it is a keyed hash of the row's random salt (services.followup_token),
    so the coordinator can show it again and a copy of the database alone does not open the form. The form
    stays editable until `editable_until`; after that the link answers "ya cerró"."""

    class Wave(models.IntegerChoices):
        M3 = 3, _("3 meses")
        M6 = 6, _("6 meses")
        M12 = 12, _("12 meses")

    class Income(models.TextChoices):
        NONE = "nada", _("Nada")
        UNDER_200 = "menos_200", _("Menos de 200 dólares al mes")
        TO_500 = "200_500", _("De 200 a 500 dólares al mes")
        OVER_500 = "mas_500", _("Más de 500 dólares al mes")

    class StopReason(models.TextChoices):
        MONEY = "dinero", _("Falta de dinero o de ventas")
        MOVING = "mudanza", _("Mudanza")
        FAMILY = "familia", _("Familia o salud")
        SAFETY = "seguridad", _("Inseguridad o extorsión")
        JOB = "empleo", _("Encontré un empleo")
        OTHER = "otro", _("Otro")

    venture = models.ForeignKey(
        "ventures.Venture", on_delete=models.CASCADE, related_name="followups", verbose_name=_("emprendimiento")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="followups", verbose_name=_("persona")
    )
    wave = models.PositiveSmallIntegerField(_("seguimiento"), choices=Wave.choices)
    due_on = models.DateField(_("fecha del seguimiento"))
    editable_until = models.DateField(_("se puede responder hasta"))
    salt = models.CharField(max_length=64, editable=False, verbose_name=_("sal del enlace"))
    answered_at = models.DateTimeField(_("respondido el"), null=True, blank=True)
    operating = models.BooleanField(_("¿Tu negocio sigue funcionando?"), null=True, blank=True)
    income_band = models.CharField(
        _("¿Cuánto gana tu negocio al mes?"), max_length=12, choices=Income.choices, blank=True
    )
    jobs = models.PositiveSmallIntegerField(_("¿Cuántas personas trabajan en él, contándote?"), null=True, blank=True)
    stop_reason = models.CharField(_("Si cerró, ¿por qué?"), max_length=12, choices=StopReason.choices, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        constraints = [models.UniqueConstraint(fields=["venture", "user", "wave"], name="one_followup_per_wave")]
        verbose_name = _("seguimiento")
        verbose_name_plural = _("seguimientos")

    def __str__(self) -> str:
        return f"{self.venture} · {self.get_wave_display()}"

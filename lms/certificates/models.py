from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Certificate(models.Model):
    """Issued once when a course is completed; the PDF is generated then and kept."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="certificates", verbose_name=_("persona")
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.PROTECT, related_name="certificates", verbose_name=_("curso")
    )
    code = models.CharField(_("código de verificación"), max_length=16, unique=True)
    learner_name = models.CharField(_("nombre"), max_length=300)
    course_title = models.CharField(_("curso"), max_length=300)
    hours = models.DecimalField(_("horas"), max_digits=5, decimal_places=1)
    issued_at = models.DateTimeField(_("emitido el"), auto_now_add=True)
    revoked = models.BooleanField(_("anulado"), default=False)
    pdf = models.FileField(_("PDF"), upload_to="certificados/", blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "course"], name="one_certificate_per_course")]
        verbose_name = _("certificado")
        verbose_name_plural = _("certificados")

    def __str__(self) -> str:
        return self.code

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutboxReceipt(models.Model):
    """What the server answered to one item of a learner's offline outbox, kept so a retried send (same
    idempotency key) gets the same answer and is never graded or completed twice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="outbox_receipts", verbose_name=_("persona")
    )
    key = models.UUIDField(_("clave de envío"))
    kind = models.CharField(_("tipo"), max_length=20)
    result = models.JSONField(_("resultado"), default=dict)
    received_at = models.DateTimeField(_("recibido el"), auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "key"], name="one_receipt_per_outbox_key")]
        verbose_name = _("recibo de envío sin conexión")
        verbose_name_plural = _("recibos de envíos sin conexión")

    def __str__(self) -> str:
        return f"{self.user_id} · {self.key}"

"""Personal data held by offline packs: the receipts of what her phone sent once it was back online."""

from django.utils.translation import gettext_lazy as _

from cms.personal_data.registry import Delete, by_user, declare
from lms.offline.models import OutboxReceipt

declare(
    OutboxReceipt,
    section=_("Cursos"),
    title=_("Respuestas enviadas desde tu teléfono sin conexión"),
    rows=by_user("user"),
    export=("kind", "result", "received_at"),
    # The completions and attempts they made have their own declarations; the receipt only stops a resend.
    erase=Delete(),
)

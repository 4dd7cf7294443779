"""Whether a person can be deleted, asked of Django's own delete collector, for both admins.

Chat messages, certificates, jury scores and other records point at their author with PROTECT or RESTRICT:
deleting such a person raised ProtectedError and the admin answered 500. Until a privacy feature replaces
deletion, the admins refuse and say why in Spanish, and send to the privacy desk's erasure: it anonymises
the account and every record the privacy registry lists, keeping what the law asks to keep without her name.
"""

from django.contrib.admin.utils import NestedObjects
from django.db import DEFAULT_DB_ALIAS
from django.utils.text import get_text_list
from django.utils.translation import gettext as _


def person_delete_blockers(*, user) -> list[str]:
    """The kinds of records (plural names, sorted) that keep `user` from being deleted; [] when none does."""
    collector = NestedObjects(using=DEFAULT_DB_ALIAS)  # records ProtectedError/RestrictedError instead of raising
    collector.collect([user])
    return sorted({str(obj._meta.verbose_name_plural) for obj in collector.protected})


def person_delete_refusal(blockers: list[str]) -> str:
    return _(
        "No se puede borrar a esta persona porque tiene %(records)s. Para borrar sus datos personales, "
        "registra una solicitud de eliminación desde «Solicitudes de privacidad» en el sitio: se borran sus "
        "datos en todas partes y lo que la ley obliga a guardar queda sin su nombre. Para que solo deje de "
        "entrar, quita la marca «activo» en su ficha."
    ) % {
        "records": get_text_list(blockers, _("y")),
    }

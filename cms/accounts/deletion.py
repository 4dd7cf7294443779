"""Whether a person can be deleted, asked of Django's own delete collector, for both admins.

Chat messages, certificates, jury scores and other records point at their author with PROTECT or RESTRICT:
deleting such a person raised ProtectedError and the admin answered 500. Until a privacy feature replaces
deletion (anonymising), the admins refuse and say why in Spanish; deactivating the account is the way.
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
        "No se puede borrar a esta persona porque tiene %(records)s. Desactívala en su lugar: "
        "quita la marca «activo» en su ficha y ya no podrá entrar."
    ) % {
        "records": get_text_list(blockers, _("y")),
    }

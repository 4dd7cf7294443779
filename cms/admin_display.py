"""How the Wagtail admin shows yes/no and empty values: in Spanish words, never Python's True, False or None."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views import generic

EMPTY = "—"


def yes_no(value) -> str:
    """Sí, No, or a dash when nothing is known (a null boolean)."""
    if value is None:
        return EMPTY
    return str(_("Sí") if value else _("No"))


class YesNoColumn(Column):
    """A listing column for a boolean field: "Sí" or "No" as text, readable and searchable by coordinators."""

    def get_value(self, instance):
        return yes_no(super().get_value(instance))


class InspectView(generic.InspectView):
    """Wagtail's detail view, with booleans as Sí/No and empty fields as a dash instead of True/False/None."""

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        if isinstance(value, bool) or value is None:
            return yes_no(value)
        return value

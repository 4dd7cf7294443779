"""Wagtail's users and groups admin, with the role groups shown by their Spanish labels.

The groups keep their stored names ("coordinacion", "aprendiz"...): roles.py and the permission code look
them up by name. Only what the admin shows changes: the groups list and the group checkboxes of a person.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import TitleColumn
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import groups, users

from cms.accounts.roles import Role

# The two groups Wagtail's own migrations create; no Semilla role uses them.
WAGTAIL_GROUPS = {"Moderators": _("Moderación (de Wagtail, sin uso)"), "Editors": _("Edición (de Wagtail, sin uso)")}


def group_label(group) -> str:
    """The Spanish label of a role group ("Coordinación"); any other group by its own name."""
    if group.name in WAGTAIL_GROUPS:
        return str(WAGTAIL_GROUPS[group.name])
    try:
        return str(Role(group.name).label)
    except ValueError:
        return group.name


class GroupIndexView(groups.IndexView):
    columns = [
        TitleColumn(
            "name", label=_("Nombre"), sort_key="name", url_name="wagtailusers_groups:edit", accessor=group_label
        ),
    ]


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView


class _RoleLabelsMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "groups" in self.fields:
            self.fields["groups"].label_from_instance = group_label


class SemillaUserCreationForm(_RoleLabelsMixin, UserCreationForm):
    pass


class SemillaUserEditForm(_RoleLabelsMixin, UserEditForm):
    pass


class UserViewSet(users.UserViewSet):
    def get_form_class(self, for_update=False):
        return SemillaUserEditForm if for_update else SemillaUserCreationForm

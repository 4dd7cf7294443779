from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from lms.grades.admin_policy import EditOnlyPolicy
from lms.grades.models import GradeItem

register_permission_policy(GradeItem, EditOnlyPolicy(GradeItem))


class GradeItemViewSet(ModelViewSet):
    """Coordination sets the weight and order of each graded activity. Items are created by quizzes/H5P."""

    model = GradeItem
    icon = "tasks"
    menu_label = _("Pesos de calificación")
    menu_order = 310
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields = ["title", "weight", "position"]
    list_display = ["title", "course", "lesson", "weight", "reported_by"]
    list_filter = ["course"]
    search_fields = ["title"]


@hooks.register("register_admin_viewset")
def register_grade_item_viewset():
    return GradeItemViewSet("pesos-calificacion")

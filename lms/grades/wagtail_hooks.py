from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem as ListingMenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from lms.courses.models import CoursePage
from lms.grades.admin_policy import EditOnlyPolicy
from lms.grades.models import GradeItem
from lms.grades.selectors import can_see_course_grades

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


class GradebookMenuItem(ListingMenuItem):
    """'Calificaciones' on a course page in the admin: leads to the course gradebook (knowledge gain, CSV),
    shown only to who may open it (coordination, admins, the course's mentors)."""

    def __init__(self, course, priority: int):
        super().__init__(
            _("Calificaciones"), reverse("grades:course", args=[course.pk]), icon_name="tasks", priority=priority
        )
        self.course = course

    def is_shown(self, user):
        return can_see_course_grades(user=user, course=self.course)


def _course_or_none(page) -> CoursePage | None:
    if isinstance(page, CoursePage):
        return page
    return page.specific_deferred if page.specific_class is CoursePage else None


@hooks.register("register_page_header_buttons")
def gradebook_header_button(page, user, view_name=None, next_url=None):
    course = _course_or_none(page)
    if course is not None:
        yield GradebookMenuItem(course, priority=68)


@hooks.register("register_page_listing_more_buttons")
def gradebook_listing_button(page, user, next_url=None):
    course = _course_or_none(page)
    if course is not None:
        yield GradebookMenuItem(course, priority=55)

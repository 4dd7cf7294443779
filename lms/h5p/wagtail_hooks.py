from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import CreateView, SnippetViewSet

from lms.h5p.forms import H5PEditForm, H5PUploadForm
from lms.h5p.models import H5PActivity
from lms.h5p.services import h5p_package_import


class H5PUploadView(CreateView):
    """The add view stores through the import service: one path for the admin and the command."""

    def save_instance(self):
        activity, _created = h5p_package_import(upload=self.form.cleaned_data["package"], user=self.request.user)
        policy = self.form.cleaned_data.get("grade_policy")
        if policy and activity.grade_policy != policy:
            activity.grade_policy = policy
            activity.save(update_fields=["grade_policy"])
        return activity


class H5PActivityViewSet(SnippetViewSet):
    model = H5PActivity
    icon = "code"
    menu_label = _("Actividades H5P")
    menu_order = 310
    add_to_admin_menu = True
    add_view_class = H5PUploadView
    list_display = ["title", "main_library", Column("size_mb", label=_("Tamaño (MB)")), "uploaded_by", "uploaded_at"]
    search_fields = ["title", "main_library"]

    panels = [FieldPanel("title"), FieldPanel("grade_policy")]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=H5PEditForm).bind_to_model(self.model)

    def get_add_view_kwargs(self, **kwargs):
        upload = ObjectList([FieldPanel("package"), FieldPanel("grade_policy")], base_form_class=H5PUploadForm)
        upload = upload.bind_to_model(self.model)
        return super().get_add_view_kwargs(panel=upload, form_class=upload.get_form_class(), **kwargs)


register_snippet(H5PActivityViewSet)

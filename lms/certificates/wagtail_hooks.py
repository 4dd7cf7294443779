from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from cms.admin_display import YesNoColumn
from lms.certificates.models import Certificate
from lms.grades.admin_policy import EditOnlyPolicy

register_permission_policy(Certificate, EditOnlyPolicy(Certificate))


class CertificateViewSet(ModelViewSet):
    """Coordination lists certificates and may mark one as anulado. They are issued only on completion."""

    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificados")
    menu_order = 320
    add_to_admin_menu = True
    copy_view_enabled = False
    form_fields = ["revoked"]
    list_display = ["code", "learner_name", "course_title", "issued_at", YesNoColumn("revoked", label=_("Anulado"))]
    list_filter = ["revoked"]
    search_fields = ["code", "learner_name", "course_title"]


@hooks.register("register_admin_viewset")
def register_certificate_viewset():
    return CertificateViewSet("certificados")

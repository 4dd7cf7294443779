from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from lms.h5p.models import H5PActivity
from lms.h5p.validation import H5PPackageError, h5p_package_validate


class H5PUploadForm(WagtailAdminModelForm):
    """Upload of an .h5p file: validated here so the reason shows next to the field."""

    package = forms.FileField(
        label=_("Paquete .h5p"),
        help_text=_("Exportado desde H5P.org o Lumi. Se revisa antes de guardarlo."),
        widget=forms.ClearableFileInput(attrs={"accept": ".h5p"}),
    )

    class Meta:
        model = H5PActivity
        fields = ["grade_policy"]

    def clean_package(self):
        upload = self.cleaned_data["package"]
        if not upload.name.lower().endswith(".h5p"):
            raise forms.ValidationError(_("Elige un archivo que termine en .h5p."))
        if upload.size > settings.H5P_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("El paquete pesa más de %(mb)s MB.") % {"mb": settings.H5P_MAX_UPLOAD_BYTES // 2**20}
            )
        try:
            h5p_package_validate(upload)
        except H5PPackageError as exc:
            raise forms.ValidationError(exc.reason) from exc
        upload.seek(0)
        return upload


class H5PEditForm(WagtailAdminModelForm):
    class Meta:
        model = H5PActivity
        fields = ["title", "grade_policy"]

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from lms.courses.csv_import import CsvFileError, Preview, enrolment_csv_preview


class EnrolmentCsvForm(forms.Form):
    file = forms.FileField(
        label=_("Archivo CSV"),
        help_text=_("Columnas «usuario» y «curso» (slug o número del curso). Guárdalo como «CSV UTF-8»."),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.SEMILLA_MAX_CSV_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("El archivo pesa más de %(kb)s KB. Divídelo en partes más pequeñas."), params={"kb": limit // 1024}
            )
        # Read at most one byte more than allowed: the size check above trusts the upload handler.
        data = upload.read(limit + 1)
        try:
            self.preview: Preview = enrolment_csv_preview(data=data, max_bytes=limit)
        except CsvFileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload

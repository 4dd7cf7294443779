"""The Wagtail image form (WAGTAILIMAGES_IMAGE_FORM_BASE): the project's image rule, in Spanish."""

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from cms.uploads import image_upload_check


class ImageForm(BaseImageForm):
    """Wagtail's checks (extension, size, pixels from the header) run first; their English-only messages are
    said in Spanish here, and cms.uploads then applies the same rule every other image upload follows."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if field is not None:
            field.error_messages["file_too_many_pixels"] = _(
                "La imagen tiene %(num_pixels)s píxeles y el máximo es %(max_pixels_count)s. Achícala y vuelve "
                "a subirla."
            )
            field.error_messages["file_too_large"] = _("La imagen pesa %(file_size)s y el máximo es %(max_filesize)s.")
            field.error_messages["invalid_image_known_format"] = _(
                "El archivo no es una imagen .%(extension)s (es %(image_format)s): revisa su extensión."
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            image_upload_check(upload)
        return upload

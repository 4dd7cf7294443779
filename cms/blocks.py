"""The shared stream blocks every page can use. Area blocks (QuizBlock, H5PBlock) live in their area."""

import nh3
from django.db import models
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


def sanitize_html(html: str) -> str:
    """Clean user HTML with nh3 (ammonia): keeps formatting, drops scripts, handlers and styles."""
    return nh3.clean(html or "", link_rel="noopener noreferrer")


class SanitizedRichTextBlock(blocks.RichTextBlock):
    """Rich text whose stored HTML is cleaned by nh3 on save and again on render."""

    def get_prep_value(self, value):
        prepped = super().get_prep_value(value)
        return sanitize_html(prepped)

    def render_basic(self, value, context=None):
        rendered = super().render_basic(value, context)
        return mark_safe(sanitize_html(str(rendered)))

    def to_python(self, value):
        return RichText(sanitize_html(value))

    class Meta:
        icon = "pilcrow"
        features = RICH_TEXT_FEATURES
        description = _("Texto con títulos, listas y enlaces. Se limpia de código peligroso.")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("imagen"))
    alt = blocks.CharBlock(
        label=_("texto alternativo"), max_length=200, help_text=_("Qué muestra la imagen, para quien no la ve.")
    )
    caption = blocks.CharBlock(label=_("pie de foto"), required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Imagen")
        description = _("Una foto o dibujo; se carga en el tamaño justo para cada pantalla.")


class VideoBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("título"), max_length=200)
    video = DocumentChooserBlock(label=_("archivo de video"))
    size_mb = blocks.DecimalBlock(label=_("tamaño en MB"), min_value=0, decimal_places=1, max_digits=6)
    transcript = blocks.TextBlock(
        label=_("transcripción"), help_text=_("El texto del video, para leer sin gastar datos.")
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video con transcripción")
        description = _("Un video que se carga solo al reproducirlo, con su tamaño y su texto.")


class FileBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("título"), max_length=200)
    document = DocumentChooserBlock(label=_("archivo"))
    size_mb = blocks.DecimalBlock(label=_("tamaño en MB"), min_value=0, decimal_places=1, max_digits=6)

    class Meta:
        icon = "doc-full"
        template = "blocks/file.html"
        label = _("Archivo para descargar")
        description = _("Un documento con su tamaño, para decidir si descargarlo.")


class CalloutKind(models.TextChoices):
    TIP = "tip", _("Consejo")
    WARNING = "warning", _("Atención")
    EXAMPLE = "example", _("Ejemplo")


class CalloutValue(blocks.StructValue):
    """A callout's value; the template compares `value.kind` with `value.Kind.WARNING`."""

    Kind = CalloutKind


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(label=_("tipo"), choices=CalloutKind.choices, default=CalloutKind.TIP.value)
    title = blocks.CharBlock(label=_("título"), max_length=120, required=False)
    text = blocks.TextBlock(label=_("texto"))

    class Meta:
        icon = "help"
        template = "blocks/callout.html"
        value_class = CalloutValue
        label = _("Recuadro destacado")
        description = _("Un consejo, una advertencia o un ejemplo en un recuadro.")


def shared_blocks() -> list[tuple[str, blocks.Block]]:
    return [
        ("text", SanitizedRichTextBlock(label=_("Texto"))),
        ("image", ImageBlock()),
        ("video", VideoBlock()),
        ("file", FileBlock()),
        ("callout", CalloutBlock()),
    ]

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class H5PBlock(blocks.StructBlock):
    """An H5P activity inside a lesson. Loads only when the learner asks for it (data costs money)."""

    activity = SnippetChooserBlock("h5p.H5PActivity", label=_("actividad H5P"))
    intro = blocks.TextBlock(label=_("introducción"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["content_origin"] = settings.H5P_CONTENT_ORIGIN
        return context

    class Meta:
        icon = "code"
        template = "h5p/blocks/h5p_block.html"
        label = _("Actividad H5P")

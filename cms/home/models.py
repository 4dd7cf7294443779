from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.url_routing import RouteResult


class HomePage(Page):
    """The site's front page: what Semilla is and where to start."""

    intro = RichTextField(_("introducción"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("página de inicio")

    def route(self, request, path_components):
        """Resolve a page two or more levels down in one query for the whole chain, then one for its type.

        Wagtail walks the tree a level at a time (a query or two per level); lesson pages sit four levels
        down and have a budget of 12 queries. Every page of the chain must be live, as Wagtail requires.
        """
        if len(path_components) < 2:
            return super().route(request, path_components)
        prefixes = [self.url_path + "/".join(path_components[: n + 1]) + "/" for n in range(len(path_components))]
        chain = list(
            Page.objects.filter(url_path__in=prefixes).only(
                "id", "live", "url_path", "content_type_id", "path", "depth"
            )
        )
        if len(chain) != len(prefixes) or not all(page.live for page in chain):
            raise Http404
        target = max(chain, key=lambda page: page.depth)
        return RouteResult(target.specific)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.get_children().live().public().specific().order_by("path")
        return context

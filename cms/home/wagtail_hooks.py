from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def semilla_admin_css():
    """Admin messages with colours that meet WCAG AA contrast (cms/static/semilla/admin.css)."""
    return format_html('<link rel="stylesheet" href="{}">', static("semilla/admin.css"))

"""`{% load privacy_notices %}{% retention_notice %}`: her inactivity warning on her start page (issue 13)."""

from django import template

from cms.privacy.selectors import retention_notice_for

register = template.Library()


@register.inclusion_tag("privacy/_retention_notice.html", takes_context=True)
def retention_notice(context) -> dict:
    request = context.get("request")
    return {"notice": retention_notice_for(user=request.user) if request is not None else None}

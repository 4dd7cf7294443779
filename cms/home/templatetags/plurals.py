"""`{% load plurals %}`: `{% blocktranslate count n=hours|plural_count with h=hours|floatformat:"-1" %}`."""

from django import template

from cms.plurals import plural_count as _plural_count

register = template.Library()


@register.filter
def plural_count(value) -> int:
    return _plural_count(value)

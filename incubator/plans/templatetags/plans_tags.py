from decimal import Decimal, InvalidOperation

from django import template

from incubator.plans.finance import usd as _usd

register = template.Library()


@register.filter
def usd(value) -> str:
    """'150.00' -> 'USD 150,00' (values that are not amounts are shown as they are)."""
    try:
        return _usd(Decimal(str(value)))
    except (InvalidOperation, ValueError):
        return value

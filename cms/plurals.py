"""The number that chooses between singular and plural ("1 hora", "1,5 horas", "2 horas").

gettext's plural rules take integers (a Decimal or float is deprecated there), but hours and scores are
decimals. In Spanish only exactly one is singular, so a whole number is passed on and any fraction counts
as plural."""

from decimal import Decimal


def plural_count(value) -> int:
    """An int for ngettext / {% blocktranslate count %}: the value when whole, else 2 (plural)."""
    try:
        number = Decimal(str(value))
    except (ArithmeticError, ValueError):
        return 2
    return int(number) if number == number.to_integral_value() else 2

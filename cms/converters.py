"""The `<id:...>` path converter: a database id, or no match (404).

Django's `<int:...>` accepts any run of digits, and a number past a 64-bit integer (SQLite's INTEGER and
PostgreSQL's bigint) made the database driver raise, so a mistyped or hostile URL answered 500. Every id in
the project's URLs goes through this converter instead; ids past the bigint range do not match at all.
"""

from django.urls import register_converter
from django.urls.converters import get_converters

ID_MAX = 2**63 - 1


class IdConverter:
    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > ID_MAX:
            raise ValueError("id out of range")  # Django reads a ValueError as "this pattern does not match"
        return number

    def to_url(self, value) -> str:
        return str(value)


def register() -> None:
    """Register `<id:...>` once; called from cms.home's AppConfig.ready(), before any URLconf is loaded."""
    if "id" not in get_converters():
        register_converter(IdConverter, "id")

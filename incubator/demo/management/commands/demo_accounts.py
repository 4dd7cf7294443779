"""`manage.py demo_accounts`: every demo account with its role (read from the demo's own data)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from incubator.demo.selectors import demo_accounts_text


class Command(BaseCommand):
    help = "Lista las cuentas de demostración con su rol."

    def handle(self, *args, **options) -> None:
        self.stdout.write(f"Cuentas de demostración (contraseña: {settings.SEMILLA_DEMO_PASSWORD}):")
        self.stdout.write(demo_accounts_text())

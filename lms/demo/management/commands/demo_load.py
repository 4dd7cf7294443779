"""`manage.py demo_load`: the Spanish demo accounts and courses. Idempotent; refuses in production."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from lms.demo.content.people import DEMO_USERS
from lms.demo.services import DemoRefused, demo_load


class Command(BaseCommand):
    help = "Carga las cuentas y los cursos de demostración en español (no cambia nada si ya existen)."

    def handle(self, *args, **options) -> None:
        try:
            created = demo_load()
        except DemoRefused as refusal:
            raise CommandError(str(refusal)) from refusal
        if not created:
            self.stdout.write("Demostración: todo estaba cargado, no se cambió nada.")
        else:
            parts = ", ".join(f"{count} {what}" for what, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Demostración cargada. Nuevo: {parts}."))
        names = ", ".join(user.username for user in DEMO_USERS)
        self.stdout.write(f"Cuentas: {names} (contraseña: {settings.SEMILLA_DEMO_PASSWORD}).")

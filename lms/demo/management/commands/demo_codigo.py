"""`manage.py demo_codigo coordinadora`: the current TOTP code of a demo staff account. Refuses in production."""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP

from cms.accounts.models import User
from cms.accounts.selectors import totp_device_for
from lms.demo.content.people import DEMO_USERS


class Command(BaseCommand):
    help = "Muestra el código de verificación actual de una cuenta de demostración (coordinadora, admin)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("usuario", help="coordinadora o admin")

    def handle(self, *args, usuario: str, **options) -> None:
        if settings.PRODUCTION:
            raise CommandError("Este servidor está en modo producción: no hay cuentas de demostración.")
        if usuario not in {spec.username for spec in DEMO_USERS}:
            raise CommandError(f"{usuario} no es una cuenta de demostración.")
        user = User.objects.filter(username=usuario).first()
        device = totp_device_for(user=user) if user else None
        if device is None:
            raise CommandError(f"{usuario} no tiene código de verificación (ejecuta antes manage.py demo_load).")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        totp.time = time.time()
        code = str(totp.token()).zfill(device.digits)
        self.stdout.write(f"Código de {usuario}: {code} (cambia cada {device.step} segundos)")

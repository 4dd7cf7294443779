"""`manage.py demo_load_incubator`: a demo cohort with six ventures. Needs demo_load; idempotent; refuses in
production."""

from django.core.management.base import BaseCommand, CommandError

from incubator.demo.content import COHORT_NAME, VENTURES
from incubator.demo.services import DemoNotReady, demo_load_incubator
from lms.demo.services import DemoRefused


class Command(BaseCommand):
    help = (
        "Carga una cohorte de demostración con seis emprendimientos en distintas etapas "
        "(necesita demo_load; no cambia nada si ya existen)."
    )

    def handle(self, *args, **options) -> None:
        try:
            created = demo_load_incubator()
        except (DemoRefused, DemoNotReady) as refusal:
            raise CommandError(str(refusal)) from refusal
        if not created:
            self.stdout.write("Incubadora de demostración: todo estaba cargado, no se cambió nada.")
        else:
            parts = ", ".join(f"{count} {what}" for what, count in sorted(created.items()))
            self.stdout.write(self.style.SUCCESS(f"Incubadora de demostración cargada. Nuevo: {parts}."))
        self.stdout.write(f"{COHORT_NAME}: " + "; ".join(f"{v.name} ({v.stage})" for v in VENTURES) + ".")

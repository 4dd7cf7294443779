from django.core.management.base import BaseCommand

from cms.indicators.demo import indicators_demo_ensure


class Command(BaseCommand):
    help = "Demo targets for the indicators page (idempotent)."

    def handle(self, *args, **options):
        created = indicators_demo_ensure()
        self.stdout.write(f"Metas de indicadores de demostración: {created} nuevas.")

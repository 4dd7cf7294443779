import json

from django.core.management.base import BaseCommand, CommandError

from cms.accounts.models import User
from cms.privacy.selectors import person_export


class Command(BaseCommand):
    help = "Prints, as JSON, everything Semilla holds about a person (the same document she downloads)."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username: str, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        self.stdout.write(json.dumps(person_export(who=user), ensure_ascii=False, indent=2))

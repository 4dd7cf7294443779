from django.core.management.base import BaseCommand, CommandError

from cms.accounts.models import User
from cms.privacy.services import person_erase_now


class Command(BaseCommand):
    help = "Erases a person as an approved erasure request would (and logs it as one). Needs --yes."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--yes", action="store_true", help="Confirm: this cannot be undone.")

    def handle(self, *args, username: str, yes: bool, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No account named {username!r}.")
        if not yes:
            raise CommandError("Erasure cannot be undone: add --yes to confirm.")
        request = person_erase_now(who=user)
        self.stdout.write(f"Erased; logged as privacy request #{request.pk}.")

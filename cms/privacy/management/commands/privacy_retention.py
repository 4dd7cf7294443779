from django.core.management.base import BaseCommand

from cms.privacy.retention import retention_run


class Command(BaseCommand):
    help = "Applies the retention rules: erases never-used accounts, warns then anonymises inactive people."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Only say what would be done.")

    def handle(self, *args, dry_run: bool, **options):
        report = retention_run(dry_run=dry_run)
        prefix = "Would have: " if dry_run else ""
        self.stdout.write(
            f"{prefix}erased {len(report.unused_erased)} never-used account(s), warned {len(report.warned)} "
            f"inactive person(s), anonymised {len(report.anonymised)} after the warning."
        )

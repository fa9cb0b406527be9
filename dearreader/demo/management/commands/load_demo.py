from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from dearreader.demo.loader import WORKS, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo archive (members lizzy, baker and march, and their works). Works already "
        "there, matched by title, are left alone, so running it again changes nothing. Demo "
        "members have no usable password until you set one with `changepassword`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="report what would be added")

    def handle(self, *args, dry_run: bool, **options) -> None:  # type: ignore[no-untyped-def]
        with transaction.atomic():
            added = load_demo()
            if dry_run:
                transaction.set_rollback(True)
        verb = "would add" if dry_run else "added"
        self.stdout.write(f"Demo archive: {verb} {len(added)} of {len(WORKS)} works.")

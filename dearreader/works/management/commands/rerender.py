from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from dearreader.works.services import rows_rerender


class Command(BaseCommand):
    help = (
        "Render again the HTML of works and chapters that an older version of the renderer "
        "rendered (all of them with --all): summaries, notes and chapter bodies, and chapter "
        "word counts. Each row is rendered outside any transaction and written on its own, so "
        "the archive stays open meanwhile; running it again does nothing new. --dry-run counts "
        "what would change and writes nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="count, write nothing")
        parser.add_argument("--all", action="store_true", help="every row, not only old ones")

    def handle(self, *args: Any, **options: Any) -> None:
        counts = rows_rerender(dry_run=options["dry_run"], everything=options["all"])
        verb = "would render" if options["dry_run"] else "rendered"
        self.stdout.write(
            f"{verb} {counts.works} works and {counts.chapters} chapters again "
            f"({counts.changed} with different HTML)"
        )

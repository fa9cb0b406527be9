import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from dearreader.accounts.models import Member
from dearreader.importer import MAX_IMPORT_BYTES, ImportProblem, read_story
from dearreader.works.importing import story_save


class Command(BaseCommand):
    help = (
        "Import stories from plain-text or HTML files (run as `dearreader import FILE ...`). "
        "Each file becomes one work, saved as a draft of --as MEMBER unless --post is given; "
        "--dry-run saves nothing and reports what was found (--json prints it as JSON, one "
        "object per file). A file that cannot be read is reported and skipped; nothing of it "
        "is saved."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument("--as", dest="username", help="the member the works belong to")
        parser.add_argument("--post", action="store_true", help="post the works, not drafts")
        parser.add_argument("--dry-run", action="store_true", help="save nothing")
        parser.add_argument("--json", action="store_true", help="print what was found as JSON")

    def handle(
        self,
        *args,
        files: list[Path],
        username: str | None,
        post: bool,
        dry_run: bool,
        json: bool,
        **options,
    ) -> None:  # type: ignore[no-untyped-def]
        member = None
        if not dry_run:
            if not username:
                raise CommandError("Say whose works these are with --as USERNAME (or --dry-run).")
            member = Member.objects.filter(username=username).first()
            if member is None:
                raise CommandError(f"No member is called {username!r}.")
        show_bar = len(files) > 1 and not json
        failed = saved = 0
        for path in tqdm(files, disable=not show_bar, unit="file", file=sys.stderr):
            try:
                story = read_story(_read(path), path.name)
            except ImportProblem as e:
                failed += 1
                self.stderr.write(f"{path}: {e}")
                continue
            if json:
                self.stdout.write(_dumps(story.as_json()))
            elif dry_run:
                self.stdout.write(_describe(path, story.as_json()))
            if not dry_run and member is not None:
                try:
                    work = story_save(
                        story=story, filename=path.name, pen_name=member.default_pen_name, post=post
                    )
                except ImportProblem as e:
                    failed += 1
                    self.stderr.write(f"{path}: {e} Nothing of it was saved.")
                    continue
                saved += 1
                if not json:
                    self.stdout.write(f"{path}: saved as work {work.pk}, “{work.title}”")
        if not json:
            self.stdout.write(f"{saved} saved, {failed} failed, {len(files)} files.")
        if failed:
            raise CommandError(f"{failed} of {len(files)} files could not be imported.")


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_IMPORT_BYTES:
            # Refused before reading, so a huge file never sits in memory.
            raise ImportProblem(
                f"The file is {size / 1024 / 1024:.1f} MB; "
                f"the limit is {MAX_IMPORT_BYTES // (1024 * 1024)} MB."
            )
        return path.read_bytes()
    except OSError as e:
        raise ImportProblem(f"Cannot read the file ({e.strerror}).") from None


def _dumps(data: dict) -> str:  # type: ignore[type-arg]
    return json.dumps(data, ensure_ascii=False)


def _describe(path: Path, found: dict) -> str:  # type: ignore[type-arg]
    lines = [f"{path}:"]
    for part in ("opening_note", "disclaimer", "closing_note"):
        lines.append(f"  {part.replace('_', ' ')}: {'found' if found[part] else 'none'}")
    for number, chapter in enumerate(found["chapters"], start=1):
        title = chapter["title"] or "(untitled)"
        lines.append(
            f"  chapter {number}: {title}, {chapter['word_count']} words, "
            f"{chapter['scene_breaks']} scene breaks, {len(chapter['letters'])} letters"
        )
        for letter in chapter["letters"]:
            lines.append(f"    letter: {letter['salutation']} … {letter['signature'] or '?'}")
    return "\n".join(lines)

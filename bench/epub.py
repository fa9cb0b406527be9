"""Building a long work's downloads against the least any EPUB writer must do with the same
chapters: compress their HTML into one zip file."""

import io
import random
import zipfile

from django.core.management import call_command

from bench.stories import paragraph
from dearreader.downloads.book import book_of
from dearreader.downloads.epub_file import build_epub
from dearreader.downloads.html_file import build_html
from dearreader.downloads.plain_text import build_text
from dearreader.importer import word_count
from dearreader.lib.factories import make_member, make_work
from dearreader.works.models import Work


def chapter_text(rng: random.Random, words: int) -> str:
    """Exactly `words` words of story, with a scene break and a letter along the way."""
    letter = ["Dear Rory,", paragraph(rng, 40), "Love,\nJess"]
    parts, left = [], words - sum(word_count(p) for p in letter)
    while left > 0:
        text = paragraph(rng, min(left, rng.randint(20, 90)))
        parts.append(text)
        left -= word_count(text)
        if len(parts) % 25 == 0:
            parts.append("* * *")
        if len(parts) == 20:
            parts += letter
    return "\n\n".join(parts)


def _zip_baseline(work: Work) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for chapter in work.chapters.all():
            archive.writestr(f"{chapter.pk}.html", chapter.body_html)
    return buffer.getvalue()


def run(report, best_of, scale: float) -> None:  # type: ignore[no-untyped-def]
    call_command("migrate", "--noinput", verbosity=0)
    chapters, words = max(4, int(40 * scale)), int(150_000 * scale)
    rng = random.Random(10)
    bodies = [chapter_text(rng, words // chapters) for _ in range(chapters)]
    work = make_work(make_member("epub-bench"), title="A Very Long Letter", bodies=bodies)
    work = Work.objects.select_related("pen_name__member").get(pk=work.pk)
    book = book_of(work)
    base = best_of(lambda: _zip_baseline(work), 7)
    epub_seconds = best_of(lambda: build_epub(book), 7)
    size = len(build_epub(book)) // 1024
    report(
        f"EPUB of {work.word_count} words, {chapters} ch.", epub_seconds, "zip", base, f"{size} KB"
    )
    report("single HTML file of the same", best_of(lambda: build_html(book), 7), "zip", base)
    report("plain text of the same", best_of(lambda: build_text(book), 5), "zip", base)
    print(f"epub words={work.word_count} chapters={chapters} ms={epub_seconds * 1000:.0f}")

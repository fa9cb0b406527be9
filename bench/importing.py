"""The importer against the least any reader of the same text must do: split it into
paragraphs and words."""

from bench.stories import story
from dearreader.importer import read_story, word_count
from dearreader.works.rendering import render_body


def _baseline(data: bytes) -> int:
    text = data.decode("utf-8")
    return sum(len(p.split()) for p in text.split("\n\n"))


def run(report, best_of, scale: float) -> None:  # type: ignore[no-untyped-def]
    chapters = max(2, int(30 * scale))
    data = story(chapters=chapters, paragraphs=120).encode()
    words = word_count(data.decode())
    base = best_of(lambda: _baseline(data), 7)
    took = best_of(lambda: read_story(data, "long.txt"), 5)
    report(
        f"import {len(data) // 1024} KB, {words} words",
        took,
        "split",
        base,
        f"{len(data) / took / 1e6:.1f} MB/s",
    )

    html = "".join(f"<p>{part}</p>" for part in data.decode().split("\n\n")).encode()
    took = best_of(lambda: read_story(html, "long.html"), 3)
    base = best_of(lambda: _baseline(html), 7)
    report(
        f"import the same as {len(html) // 1024} KB of HTML",
        took,
        "split",
        base,
        f"{len(html) / took / 1e6:.1f} MB/s",
    )

    one_chapter = story(chapters=1, paragraphs=200)
    chapter_body = one_chapter.split("Chapter 1: Part 1\n\n", 1)[1]
    took = best_of(lambda: render_body(chapter_body, "text"), 5)
    base = best_of(lambda: _baseline(chapter_body.encode()), 9)
    report(f"render a {word_count(chapter_body)}-word chapter", took, "split", base)

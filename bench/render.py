"""Rendering chapter bodies: every input known to be pathological for a Markdown renderer, at
1 MB, against the least any renderer must do with ordinary prose of the same size (escape it).

The last line names the worst input: ``render worst_input=NAME bytes=N ms=T``.
"""

import html
import random
import string

from bench.stories import story
from dearreader.works.rendering import render_body

SIZE = 1_000_000


def _repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def _random(alphabet: str, size: int, seed: int = 5) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(size))


def inputs(size: int) -> dict[str, tuple[str, str]]:
    """name -> (body, format): the issue's pathological inputs, and more of the same kind."""
    prose = story(chapters=1, paragraphs=4000).split("Chapter 1: Part 1\n\n", 1)[1]
    return {
        "prose": (prose[:size], "text"),
        "brackets": (_repeat("[", size), "text"),
        "images": (_repeat("![](", size), "text"),
        "links": (_repeat("[a](", size), "text"),
        "autolinks": (_repeat("<http://a.b/", size), "text"),
        "star_underscore": (_repeat("*_", size), "text"),
        "emphasis_runs": (_repeat("*a_b ", size), "text"),
        "backticks": (_repeat("`a``", size), "text"),
        "punctuation": (_random(string.punctuation, size), "text"),
        "punctuation_lines": (_random(string.punctuation * 3 + " \n", size), "text"),
        "tiny_paragraphs": (_repeat("*a*\n\n", size), "text"),
        "tag_paragraphs": (_repeat("<i>a\n\n", size), "text"),
        "list_lines": (_repeat("1. a\n- b\n# c\n> d\n", size), "text"),
        "fences": (_repeat("::: letter\n\n", size), "text"),
        "separators": (_repeat("oOo\n\nDear R,\n\n", size), "text"),
        "line_br_html": (_repeat("line<br>", size), "html"),
        "nested_html": (_repeat("<em><b><i>", size), "html"),
    }


def run(report, best_of, scale: float) -> str:  # type: ignore[no-untyped-def]
    size = max(10_000, int(SIZE * scale))
    bodies = inputs(size)
    prose = bodies["prose"][0]
    baseline = best_of(lambda: [html.escape(p) for p in prose.split("\n\n")], 5)
    worst, worst_ms = "", -1.0
    for name, (body, fmt) in bodies.items():
        took = best_of(lambda body=body, fmt=fmt: render_body(body, fmt, find_structure=True), 3)
        report(f"render {name} ({fmt}, {len(body) // 1000} KB)", took, "escape prose", baseline)
        if took * 1000 > worst_ms and name != "prose":
            worst, worst_ms = name, took * 1000
    return f"render worst_input={worst} bytes={size} ms={worst_ms:.0f}"

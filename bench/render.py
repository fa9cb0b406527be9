"""Rendering chapter bodies: every input known to be pathological for a Markdown renderer, at
1 MB, against the least any renderer must do with ordinary prose of the same size (escape it).

The last line names the worst of the inputs the renderer is held to (those a Markdown renderer
is known to choke on, and random punctuation): ``render worst_input=NAME bytes=N ms=T``. The
line before it names the worst of the rest (bodies of 200,000 tiny paragraphs, deep HTML…),
which cost Python work per paragraph rather than Markdown work.
"""

import html
import random
import string

from bench.stories import story
from dearreader.works.rendering import render_body

SIZE = 1_000_000
# The inputs: 1 MB of "[", "![](", "[a](", "<http://a.b/", "*_", and random punctuation.
HELD_TO = {"brackets", "images", "links", "autolinks", "star_underscore", "punctuation"}
HELD_TO |= {"punctuation_lines", "emphasis_runs", "backticks"}


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
        "mismatched_tags": (_repeat("<sup>", size // 2) + _repeat("</b>", size // 2), "text"),
        "line_br_html": (_repeat("line<br>", size), "html"),
        "nested_html": (_repeat("<em><b><i>", size), "html"),
        "nested_divs_html": (_repeat("<div>", size), "html"),
        "unclosed_p_html": (_repeat("<p>Some words", size), "html"),
    }


def run(report, best_of, scale: float) -> str:  # type: ignore[no-untyped-def]
    size = max(10_000, int(SIZE * scale))
    bodies = inputs(size)
    prose = bodies["prose"][0]
    baseline = best_of(lambda: [html.escape(p) for p in prose.split("\n\n")], 5)
    worst: dict[bool, tuple[float, str]] = {True: (-1.0, ""), False: (-1.0, "")}
    for name, (body, fmt) in bodies.items():
        took = best_of(lambda body=body, fmt=fmt: render_body(body, fmt, find_structure=True), 3)
        report(f"render {name} ({fmt}, {len(body) // 1000} KB)", took, "escape prose", baseline)
        if name != "prose":
            worst[name in HELD_TO] = max(worst[name in HELD_TO], (took * 1000, name))
    (other_ms, other), (held_ms, held) = worst[False], worst[True]
    print(f"render worst_other_input={other} bytes={size} ms={other_ms:.0f}")
    return f"render worst_input={held} bytes={size} ms={held_ms:.0f}"

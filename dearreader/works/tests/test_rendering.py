"""Chapter bodies to HTML: prose kept as typed, structure written out, nothing slow."""

import re
import time

import pytest

from bench.render import inputs
from dearreader.works.rendering import render_body, render_text


def html(body: str, fmt: str = "text", find: bool = False) -> str:
    return render_body(body, fmt, find_structure=find).html


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("2*3*4 is twenty-four.", "<p>2*3*4 is twenty-four.</p>"),
        ("1. Lock the shed.", "<p>1. Lock the shed.</p>"),
        ("# 1 fan", "<p># 1 fan</p>"),
        ("- Jess said so.", "<p>- Jess said so.</p>"),
        ("+ one more", "<p>+ one more</p>"),
        ("> quoted", "<p>&gt; quoted</p>"),
        ("```", "<p>```</p>"),
        ("    four spaces in", "<p>four spaces in</p>"),
        ("[Note]: read this", "<p>[Note]: read this</p>"),
        ("<!-- not a comment", "<p>&lt;!-- not a comment</p>"),
        ("<3 you", "<p>&lt;3 you</p>"),
        ("AT&T", "<p>AT&amp;T</p>"),
        ("C:\\", "<p>C:\\</p>"),
    ],
)
def test_ordinary_prose_is_shown_as_typed(typed, shown):
    assert html(typed) == shown


def test_light_markdown_is_kept():
    body = "She was *so* tired.\nAnd **very** cross. [Tell me](https://example.org).\n\nNext."
    assert html(body) == (
        "<p>She was <em>so</em> tired.<br>And <strong>very</strong> cross. "
        '<a href="https://example.org" rel="noopener noreferrer nofollow ugc">Tell me</a>.</p>\n'
        "<p>Next.</p>"
    )


def test_lines_that_look_like_markdown_blocks_stay_in_their_paragraph():
    body = "Her list:\n1. eggs\n- milk\n===\n---\n# no heading\n> no quote\n\nDone."
    assert html(body, find=False) == (
        "<p>Her list:<br>1. eggs<br>- milk<br>===<br>---<br># no heading<br>&gt; no quote</p>\n"
        "<p>Done.</p>"
    )


def test_inline_html_is_sanitised_and_cannot_run_into_the_next_paragraph():
    body = (
        '<em>open and <a href="https://example.org">never closed\n\nNext paragraph.\n\n'
        "<script>alert(1)</script> [x](javascript:alert(2))"
    )
    first, second, third = html(body).split("\n")
    assert first.startswith("<p><em>open and <a href=") and first.endswith("</a></em></p>")
    assert second == "<p>Next paragraph.</p>"
    assert "<script" not in third and "javascript" not in third


def _tags(markup: str) -> str:
    return " ".join(re.findall(r"<[^>]*>", markup))


def test_only_the_renderer_writes_the_archives_classes():
    text = html(
        "<span class='letter'>x</span> <em class=\"scene-break\">y</em>\n\n"
        '<div class="letter-closing">z</div>'
    )
    assert text.startswith("<p>&lt;span class='letter'&gt;x") and "<em>y</em>" in text
    assert "class" not in _tags(text)
    body = '<p class="letter">x</p><hr class="x"><p><em class="letter-closing">y</em></p>'
    assert _tags(html(body, "html")) == '<p> </p> <hr class="scene-break"> <p> <em> </em> </p>'


def test_letter_fences_make_a_letter_with_salutation_and_closing():
    body = (
        "He left it by the till.\n\n::: letter signed Jess\n\nDear Rory,\n\n"
        "I should have said it in person.\n\nLove,\nJess\n\n:::\n\nShe read it twice."
    )
    assert html(body) == (
        "<p>He left it by the till.</p>\n"
        '<section class="letter" aria-label="Letter signed Jess">'
        '<p class="letter-salutation">Dear Rory,</p><p>I should have said it in person.</p>'
        '<p class="letter-closing">Love,<br>Jess</p></section>\n<p>She read it twice.</p>'
    )


@pytest.mark.parametrize(
    ("fence", "label", "closing"),
    [("::: letter", "Letter", False), ("::: letter signed", "Letter", True)],
)
def test_a_fence_without_a_name(fence, label, closing):
    text = html(f"{fence}\n\nMom,\n\nBack soon.\n\n- me\n\n:::")
    assert f'aria-label="{label}"' in text
    assert ('<p class="letter-closing">- me</p>' in text) is closing


def test_letter_fences_in_an_html_body():
    body = "<p>::: letter signed Rory</p><p>Dear Jess,</p><p><em>Yes.</em></p><p>Rory</p><p>:::</p>"
    assert html(body, "html") == (
        '<section class="letter" aria-label="Letter signed Rory">'
        '<p class="letter-salutation">Dear Jess,</p><p><em>Yes.</em></p>'
        '<p class="letter-closing">Rory</p></section>'
    )


def test_a_fence_that_opens_or_closes_nothing_is_shown_as_typed():
    assert html("::: letter\n\nNo end.") == "<p>::: letter</p>\n<p>No end.</p>"
    assert html("Start.\n\n:::") == "<p>Start.</p>\n<p>:::</p>"


@pytest.mark.parametrize("line", ["* * *", "***", "~~~", "-----", "= = =", "•••", "⁂ ⁂ ⁂", "# # #"])
def test_canonical_scene_breaks(line):
    assert html(f"Before.\n\n{line}\n\nAfter.") == (
        '<p>Before.</p>\n<hr class="scene-break">\n<p>After.</p>'
    )


def test_a_backslash_keeps_a_break_line_or_fence_as_text():
    assert html("One.\n\n\\* * *\n\n\\::: letter") == (
        "<p>One.</p>\n<p>* * *</p>\n<p>::: letter</p>"
    )


def test_html_bodies_break_at_hr():
    assert html("<p>One.</p><hr><p>Two.</p>", "html") == (
        '<p>One.</p>\n<hr class="scene-break">\n<p>Two.</p>'
    )


LETTER = "He left a note.\n\nDear Rory,\n\nI miss you.\n\nJess\n\nShe found it.\n\noOo\n\nLater."


def test_finding_structure_finds_unfenced_letters_and_separator_lines():
    found = render_body(LETTER, "text", find_structure=True)
    assert '<section class="letter" aria-label="Letter signed Jess">' in found.html
    assert '<hr class="scene-break">' in found.html
    assert found.word_count == 14  # "oOo" is not a word


def test_without_finding_structure_only_what_is_written_counts():
    text = html(LETTER, find=False)
    assert "<section" not in text and "<hr" not in text
    assert "<p>oOo</p>" in text


def test_breaks_in_a_row_are_one_and_none_at_the_edges():
    assert html("* * *\n\nOne.\n\n~~~\n\n---\n\nTwo.\n\n***") == (
        '<p>One.</p>\n<hr class="scene-break">\n<p>Two.</p>'
    )


def test_notes_are_light_markdown_paragraphs():
    assert render_text("Thanks to *Lane*.\n\n1. for reading") == (
        "<p>Thanks to <em>Lane</em>.</p>\n<p>1. for reading</p>"
    )
    assert render_text("   ") == ""


def test_the_sentinel_character_typed_by_a_member_is_dropped():
    assert html("a\ufdd0b\n\n\ufdd0") == "<p>ab</p>"


# Each of the inputs the render benchmark measures at 1 MB, at 200 KB. The ceiling is far above
# what they take (see `python3 run.py bench render`) and far below what a renderer that is not
# linear takes on them: the old one spent minutes on 200 KB of "[".
CEILING_SECONDS = 3.0


@pytest.mark.parametrize(
    ("name", "body", "fmt"), [(n, b, f) for n, (b, f) in inputs(200_000).items()]
)
def test_pathological_input_renders_in_time(name, body, fmt):
    start = time.perf_counter()
    rendered = render_body(body, fmt, find_structure=True)
    took = time.perf_counter() - start
    assert took < CEILING_SECONDS, f"{name}: {took:.1f} s"
    assert re.fullmatch(r"(?s)(<(p|hr|section)[ >].*)?", rendered.html)

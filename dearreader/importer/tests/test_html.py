"""HTML input: AO3 downloads, FanFiction.net pages, fragments; and what must never get through."""

import re
import time

import pytest

from dearreader.importer import Letter, Paragraph, SceneBreak, parse_html, read_story
from dearreader.importer.tests.seeds import sample


def paragraphs(story):
    for chapter in story.chapters:
        for b in chapter.blocks:
            if isinstance(b, Paragraph):
                yield b
            elif isinstance(b, Letter):
                yield from b.paragraphs


def test_ao3_download():
    story = read_story(sample("ao3.html"), "Paper_Boats.html")
    assert story.title == "Paper Boats"
    assert story.author == "quietmarginalia"
    assert story.summary == "Two people fold their apologies into boats and let the gutter decide."
    assert story.tags == {
        "rating": ["General Audiences"],
        "warnings": ["No Archive Warnings Apply"],
        "fandoms": ["Gilmore Girls"],
        "relationships": ["Rory Gilmore/Jess Mariano"],
        "characters": ["Rory Gilmore", "Jess Mariano"],
        "freeforms": ["Epistolary", "Rain"],
        "language": ["English"],
    }
    # AO3 tells the work's notes from each chapter's: each stays where AO3 had it.
    assert story.opening_note == "Written during a week of very loud rain."
    assert story.disclaimer is None
    assert story.closing_note == "That's all. Kudos and comments make my week."
    one, two = story.chapters
    assert (one.title, one.name) == ("Chapter 1: The Gutter", "The Gutter")
    assert (two.title, two.name) == ("Chapter 2: Downstream", "Downstream")
    assert one.opening_note == "Rain, and a boat.\n\nThe first of two."
    assert one.closing_note == "Thanks for reading this far!"
    assert two.opening_note == "The song that inspired this."
    assert two.closing_note is None
    assert one.scene_breaks == 1
    assert [b.marker for b in one.blocks if isinstance(b, SceneBreak)] == ["<hr>"]
    (letter,) = one.letters
    assert (letter.salutation.text, letter.signature) == ("Dear Jess,", "Rory")
    assert letter.closing.text == "Love,\nRory"
    assert "<strong>sound</strong>" in one.blocks[0].html
    assert two.word_count == 48
    assert story.as_json()["chapters"][0]["letters"] == [
        {"salutation": "Dear Jess,", "signature": "Rory"}
    ]


def test_ao3_single_chapter_download():
    html = sample("ao3.html").decode()
    # A one-chapter work has its text straight in #chapters, without chapter headings.
    start, end = html.index('<div id="chapters"'), html.index('<div id="afterword">')
    single = (
        html[:start]
        + '<div id="chapters" class="userstuff"><div class="userstuff">'
        + "<p>Only one chapter.</p><p>It is short.</p></div></div>"
        + html[end:]
    )
    story = parse_html(single)
    assert len(story.chapters) == 1
    assert story.chapters[0].title is None
    assert [p.text for p in paragraphs(story)] == ["Only one chapter.", "It is short."]
    assert story.opening_note == "Written during a week of very loud rain."


def test_fanfiction_net_saved_page():
    story = read_story(sample("ffn.html"), "A Quiet Week.htm")
    assert story.title == "A Quiet Week"
    assert story.author == "paperlantern"
    assert story.summary.startswith("Seven days in Stars Hollow")
    assert story.opening_note == "A/N: Just a little slice of life. Reviews are lovely!"
    assert story.disclaimer == "Disclaimer: I don't own Gilmore Girls."
    assert story.closing_note == "A/N: Tuesday is coming soon. Thanks for reading!"
    (chapter,) = story.chapters
    assert chapter.title == "Monday"  # from the chapter menu; the text has no heading
    assert chapter.scene_breaks == 1  # "~o~"; the <hr> under the preface is not a break
    assert chapter.edge_markers == ["<hr>"]
    texts = [p.text for p in paragraphs(story)]
    assert texts[0].startswith("Monday began the way")
    assert texts[-1] == "By three, there was a town meeting about it."
    assert "<em>grievance</em>" in chapter.blocks[0].html


def test_fragment_with_br_paragraphs():
    story = read_story(sample("fragment.html"), "pasted.txt")  # HTML by content
    assert story.opening_note == "A/N: pasted straight from my blog, sorry about the formatting!"
    assert story.closing_note == (
        "End of chapter. Thanks for reading, reviews make me write faster!"
    )
    (chapter,) = story.chapters
    assert (chapter.title, chapter.name) == ("Chapter 3: The Fair", "The Fair")
    assert chapter.scene_breaks == 1
    texts = [p.text for p in paragraphs(story)]
    assert texts[1] == 'Lane found her there at four. "You look like a melted candle."'
    assert len(texts) == 4
    assert "<i>Ferris wheel</i>" in chapter.blocks[0].html


HOSTILE = """
<html><head><script>alert("head")</script><style>p{color:red}</style></head><body>
<p>First <script>alert("inline")</script>paragraph with <a href="javascript:alert(1)">a bad link</a>
and <a href="https://example.org/" onclick="steal()">a good one</a>.</p>
<p><img src="x" onerror="alert(2)">Second <b onmouseover="x()">bold</b> paragraph.</p>
<p><iframe src="https://evil.example/"></iframe>Third <span style="font-style: italic">styled</span>
<a href="JaVaScRiPt:alert(3)">link</a>
<a href="data:text/html,<script>alert(4)</script>">data</a>.</p>
<svg><script>alert(5)</script></svg><object data="x.swf"></object>
<p><u>Under</u> <s>struck</s> x<sup>2</sup> H<sub>2</sub>O <small>tiny</small> <em>em</em>
<strong>strong</strong> <i>i</i></p>
</body></html>
"""


def test_dangerous_markup_is_stripped():
    story = parse_html(HOSTILE)
    htmls = [p.html for p in paragraphs(story)]
    joined = "\n".join(htmls)
    for bad in ("script", "alert", "onerror", "onclick", "onmouseover", "javascript", "iframe",
                "<img", "data:", "<svg", "<object", "style="):  # fmt: skip
        assert bad not in joined.lower(), bad
    assert '<a href="https://example.org/"' in joined
    assert "<em>styled</em>" in joined
    assert "<b>bold</b>" in joined
    for tag in ("u", "s", "sup", "sub", "small", "em", "strong", "i"):
        assert f"<{tag}>" in htmls[-1], tag
    assert [p.text.split()[0] for p in paragraphs(story)] == ["First", "Second", "Third", "Under"]


def test_html_paragraph_text_is_plain():
    story = parse_html("<p>Fish &amp; chips &lt;3 <em>now</em></p><p>Two</p>")
    first = next(paragraphs(story))
    assert first.text == "Fish & chips <3 now"
    assert first.html == "Fish &amp; chips &lt;3 <em>now</em>"


@pytest.mark.parametrize("depth", [3000])
def test_deeply_nested_html(depth):
    started = time.perf_counter()
    html = (
        "<div>" * depth + "<p>Deep <b>" + "<i>" * depth + "text</i>" + "</b></p>" + "</div>" * depth
    )
    story = parse_html(html)
    assert [re.sub(r"\s+", " ", p.text) for p in paragraphs(story)] == ["Deep text"]
    assert time.perf_counter() - started < 3


def test_html_headings_that_repeat_are_chapters():
    html = (
        "<h1>The Orchard</h1><p>A/N: for my grandmother.</p>"
        "<h2>Spring</h2><p>The trees woke up.</p><p>Bees came.</p>"
        "<h2>Autumn</h2><p>The apples fell.</p>"
    )
    story = parse_html(html)
    assert story.title == "The Orchard"
    assert story.opening_note == "A/N: for my grandmother."
    assert [(c.title, c.name) for c in story.chapters] == [
        ("Spring", "Spring"),
        ("Autumn", "Autumn"),
    ]


def test_text_with_a_stray_angle_bracket_is_still_text():
    story = read_story(b"I <3 you.\n\nShe wrote <b> on the board.", "story.txt")
    assert [p.text for p in paragraphs(story)] == ["I <3 you.", "She wrote <b> on the board."]


def test_markdown_file():
    story = read_story(b"A/N: hi\n\nShe *ran*.\n\n* * *\n\nHe **walked**.", "story.md")
    assert story.opening_note == "A/N: hi"
    assert story.chapters[0].scene_breaks == 1
    assert "<em>ran</em>" in story.chapters[0].blocks[0].html


def test_ao3_download_with_headings_outside_the_meta_box():
    html = sample("ao3.html").decode()
    for title in ("Chapter 1: The Gutter", "Chapter 2: Downstream"):
        html = html.replace(
            f'<div class="meta group">\n    <h2 class="heading">{title}</h2>',
            f'<h2 class="toc-heading">{title}</h2>\n  <div class="meta group">',
        )
    story = parse_html(html)
    assert [c.title for c in story.chapters] == ["Chapter 1: The Gutter", "Chapter 2: Downstream"]
    assert story.chapters[0].opening_note == "Rain, and a boat.\n\nThe first of two."
    assert story.chapters[1].opening_note == "The song that inspired this."
    assert [c.word_count for c in story.chapters] == [67, 48]


def test_single_br_lines_are_paragraphs_when_nothing_else_marks_them():
    html = "<div>A/N: old story.<br>Line one.<br>Line two.<br>* * *<br>Line three.<br>End.</div>"
    story = parse_html(html)
    assert story.opening_note == "A/N: old story."
    assert [p.text for p in paragraphs(story)] == ["Line one.", "Line two.", "Line three.", "End."]
    assert story.chapters[0].scene_breaks == 1
    # A poem's lines inside ordinary paragraphs stay together.
    poem = parse_html("<p>One.</p><p>Two.</p><p>Three.</p><p>Roses<br>are red</p><p>Four.</p>")
    assert "Roses\nare red" in [p.text for p in paragraphs(poem)]

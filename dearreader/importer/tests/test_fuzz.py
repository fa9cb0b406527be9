"""Random mixtures of the things stories are made of: never a crash, never a lost word."""

import random

from dearreader.importer import Letter, SceneBreak, parse_html, parse_text
from dearreader.importer.blocks import is_separator
from dearreader.importer.markers import labelled_heading
from dearreader.importer.tests.test_conservation import html_words, story_words, words

POOL = [
    "A/N: Thanks to everyone who reviewed!",
    "Disclaimer: I own nothing.",
    "I don't own Gilmore Girls.",
    "Chapter 3: The Bridge",
    "Chapter 12",
    "Prologue",
    "Epilogue",
    "1. The First",
    "2. The Second",
    "* * *",
    "oOo",
    "-----",
    "xxx",
    "Line break",
    "Dear Rory,",
    "Dear God,",
    "Hey Jess,",
    "Rory\u2014",
    "Love,\nJess",
    "Yours, Rory",
    "- Jess",
    "Jess",
    "P.S. Bring coffee.",
    "The diner was quiet for once, and Luke did not trust it.",
    "She folded the letter into quarters and put it in her pocket.",
    "I miss you more than I can say, and I hate that I do.",
    '"You came back," she said.',
    '"I never left," he lied.',
    "Thanks for reading! Please review.",
    "To be continued...",
    "Title: Nothing Much",
    "by inkwell",
    "The End",
    "...",
    "Dear Jess, I take it all back, she thought, and did not write it.",
]


def test_random_text_stories_keep_every_word():
    rng = random.Random(20240611)
    for _ in range(300):
        paragraphs = [rng.choice(POOL) for _ in range(rng.randint(1, 25))]
        text = "\n\n".join(paragraphs)
        story = parse_text(text)
        assert story.chapters, text
        assert story_words(story) == words(text), text
        for chapter in story.chapters:
            check_blocks(chapter.blocks, text)
        story.as_json()


def check_blocks(blocks, context):
    """The structural promises: breaks only between scenes and never doubled; letters hold
    no heading or separator and start with their salutation."""
    kinds = [type(b).__name__ for b in blocks]
    assert not blocks or (kinds[0] != "SceneBreak" and kinds[-1] != "SceneBreak"), context
    assert "SceneBreak, SceneBreak" not in ", ".join(kinds), context
    for b in blocks:
        if isinstance(b, Letter):
            assert b.body, context
            for p in b.paragraphs:
                assert not is_separator(p) or p.text.strip() in ("xxx",), context
                assert labelled_heading(p.text) is None, context
        elif isinstance(b, SceneBreak):
            assert b.marker, context


def test_random_html_stories_keep_every_word():
    rng = random.Random(7)
    for _ in range(100):
        parts = []
        for _ in range(rng.randint(1, 20)):
            p = rng.choice(POOL).replace("\n", "<br>")
            parts.append("<hr>" if p == "-----" else f"<p>{p}</p>")
        html = "<div>" + "".join(parts) + "</div>"
        story = parse_html(html)
        assert story_words(story) == html_words(html), html
        for chapter in story.chapters:
            check_blocks(chapter.blocks, html)

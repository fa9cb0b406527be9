"""Nothing silently dropped: every word of the input ends up somewhere in the Story, once."""

import re
from collections import Counter

import pytest
from bs4 import BeautifulSoup

from dearreader.importer import read_story
from dearreader.importer.structure import Letter, Paragraph, SceneBreak, Story
from dearreader.importer.tests.seeds import SAMPLES, sample, seed

# Word multisets, also used by the other tests' "nothing dropped" checks.


def words(*texts: str | None) -> Counter[str]:
    return Counter(w for t in texts if t for w in re.findall(r"\w+", t))


def story_words(story: Story, metadata: bool = False) -> Counter[str]:
    """Every word the importer kept: in notes, disclaimer, chapter titles, markers or bodies.

    ``metadata`` adds the title, author, summary and tags, which only a page's metadata fills
    on its own (in a text file they are read from header lines kept in the opening note).
    """
    parts: list[str | None] = [story.opening_note, story.disclaimer, story.closing_note]
    if metadata:
        parts += [story.title, story.author, story.summary]
        parts += [v for values in story.tags.values() for v in values]
    for c in story.chapters:
        parts += [c.title, c.opening_note, c.closing_note]
        parts += [re.sub(r"<[^>]*>", "", m) for m in c.edge_markers]
        for b in c.blocks:
            if isinstance(b, Paragraph):
                parts.append(b.text)
            elif isinstance(b, Letter):
                parts += [p.text for p in b.paragraphs]
            elif isinstance(b, SceneBreak):
                parts.append(re.sub(r"<[^>]*>", "", b.marker))
    return words(*parts)


def html_words(html: str, drop: str = "") -> Counter[str]:
    """Words of a page's text, less what matches the CSS selectors in ``drop``."""
    soup = BeautifulSoup(html, "html.parser")
    for el in soup.select("head, script, style, form, nav, select, button" + drop):
        el.decompose()
    return words(soup.get_text(" "))


TEXT_SAMPLES = sorted(p.name for p in SAMPLES.glob("*.txt"))


@pytest.mark.parametrize("name", TEXT_SAMPLES)
def test_text_samples_keep_every_word(name):
    data = sample(name)
    assert story_words(read_story(data, name)) == words(data.decode("utf-8"))


@pytest.mark.parametrize("prefix", ["000_", "003_"])
def test_seeds_keep_every_word(prefix):
    data = seed(prefix)
    assert story_words(read_story(data, "seed.txt")) == words(data.decode("utf-8"))


def test_fragment_keeps_every_word():
    data = sample("fragment.html")
    story = read_story(data, "fragment.html")
    assert story_words(story, metadata=True) == html_words(data.decode())


def test_ao3_keeps_every_word_but_the_archive_boilerplate():
    data = sample("ao3.html")
    # The archive's own wording, not the author's: documented in html_parse.
    boilerplate = (
        ", #preface .message, #afterword .message, .toc-heading, dt, .endnote-link"
        ", dl.tags dt:-soup-contains('Stats') + dd, .meta > p, #endnotes > p"
    )
    expected = html_words(data.decode(), boilerplate)
    expected.subtract(words("by"))  # "by quietmarginalia": the author field holds the name
    assert story_words(read_story(data, "ao3.html"), metadata=True) == +expected


def test_ffn_keeps_the_story_and_its_details():
    data = sample("ffn.html")
    story = read_story(data, "ffn.html")
    # Only the story text, its title, author and summary, and the chapter's menu title are
    # the author's; the rest of the page is the site's.
    expected = html_words(
        data.decode(), ", #top, #profile_top > span, #profile_top > button, #review"
    )
    expected.update(words("Monday"))  # from the (dropped) chapter menu: "1. Monday"
    assert story_words(story, metadata=True) == expected

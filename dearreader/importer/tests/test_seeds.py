"""The two real FanFiction.net stories in shared/seeds, read as a careful editor would."""

from dearreader.importer import Letter, SceneBreak, read_story
from dearreader.importer.tests.seeds import seed


def test_seed_000_notes_disclaimer_and_chapter_heading():
    data = seed("000_")
    story = read_story(data, "000.txt")
    result = story.as_json()
    assert result["opening_note"].startswith("Author's Notes: Okay, so I've never")
    assert result["opening_note"].endswith("let me know what you think!")
    assert result["disclaimer"].startswith("Disclaimer: I own nothing thus far")
    assert result["disclaimer"].endswith("I don't own those either.")
    assert result["closing_note"] is None
    assert len(result["chapters"]) == 1
    chapter = result["chapters"][0]
    assert chapter["title"] == "Chapter One: One Day You Belonged To Me"
    assert story.chapters[0].name == "One Day You Belonged To Me"
    assert chapter["scene_breaks"] == 0
    assert chapter["letters"] == []

    # Every story paragraph is in the body, in order, and nothing else is.
    text = data.decode("utf-8")
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    body = [b.text for b in story.chapters[0].blocks]
    assert body == paragraphs[3:]
    assert body[0].startswith("The paper was thin")
    assert body[-1].endswith("more exposed than he'd ever been.")


def test_seed_003_preface_separator_scene_breaks_and_letters():
    story = read_story(seed("003_"), "003.txt")
    result = story.as_json()
    assert result["opening_note"].startswith("A/N: An idea")
    assert result["opening_note"].endswith("R & R.")
    assert result["disclaimer"] == "Disclaimer: I own the world!"
    assert result["closing_note"] is None
    assert len(result["chapters"]) == 1
    chapter = result["chapters"][0]
    assert chapter["title"] is None
    # The first dashed line closes the preface; the four after it are scene breaks.
    assert chapter["scene_breaks"] == 4
    assert story.chapters[0].edge_markers == ["-" * 70]
    assert chapter["letters"] == [
        {"salutation": "Dear Rory,", "signature": "Jess"},
        {"salutation": "Dear Jess,", "signature": "Rory"},
    ]

    blocks = story.chapters[0].blocks
    assert blocks[0].text.startswith("Maybe this is not what he expected.")
    jess, rory = story.chapters[0].letters
    assert [p.text[:20] for p in jess.body] == ["I am beginning to th", "I wish you would tal"]
    assert jess.closing.text == "Jess"
    # "Dear Jess, I'm sorry, but I don't regret it." is inside Rory's letter, not a new one.
    assert "Dear Jess, I'm sorry, but I don't regret it." in rory.body[0].text
    assert len(rory.body) == 2
    assert rory.closing.text == "Rory"
    # A letter never swallows a scene break: each letter is followed by one.
    for letter in (jess, rory):
        assert isinstance(blocks[blocks.index(letter) + 1], SceneBreak)
    assert all(not isinstance(b, Letter) or b.signature for b in blocks)

"""Letters between characters: salutation, body, sign-off; and what is not a letter."""

import pytest

from dearreader.importer import (
    Letter,
    Paragraph,
    SceneBreak,
    paragraphs_from_text,
    read_story,
    split_blocks,
)
from dearreader.importer.letters import salutation_kind
from dearreader.importer.tests.seeds import sample


def blocks_of(text):
    return split_blocks(paragraphs_from_text(text))


def letters_of(text):
    return [b for b in blocks_of(text) if isinstance(b, Letter)]


def test_letters_sample():
    story = read_story(sample("letters.txt"), "letters.txt")
    assert story.opening_note.startswith("A/N: A short one about letters.")
    chapter = story.chapters[0]
    assert chapter.scene_breaks == 3
    found = [(x.salutation.text, x.signature) for x in chapter.letters]
    assert found == [
        ("Dear Rory,", "Jess"),
        ("Dear Jess,", "Rory"),
        ("Hey Jess,", "Rory"),
        ("To Luke:", None),
    ]
    rory, jess, hey, luke = chapter.letters
    assert rory.closing.text == "Love,\nJess"
    assert len(rory.body) == 2
    assert jess.closing.text == "Yours, Rory\n\nP.S. Bring the next one on Friday."
    assert hey.closing.text == "- Rory"
    # Unsigned: it ends where third-person narration takes over again.
    assert [p.text for p in luke.body] == [
        "Took the late shift. The coffee machine is making the noise again. I didn't touch it."
    ]
    assert luke.closing is None
    paragraphs = [b.text for b in chapter.blocks if isinstance(b, Paragraph)]
    # "Dear God" as a cry, alone or in a sentence, and "Dear Jess, I take it all back"
    # mid-sentence are narrative.
    assert any(p.startswith("Dear God, she thought") for p in paragraphs)
    assert "Dear God," in paragraphs
    assert paragraphs[-1].startswith("She considered writing her own note")


@pytest.mark.parametrize(
    ("closing", "signature"),
    [
        ("Love,\nRory", "Rory"),
        ("Love always,\nRory", "Rory"),
        ("All my love,\nRory Gilmore", "Rory Gilmore"),
        ("Love, Rory", "Rory"),
        ("Yours, Jess", "Jess"),
        ("Yours,\nJess", "Jess"),
        ("Sincerely,\nMr. Kim", "Mr. Kim"),
        ("Forever yours,\nJess", "Jess"),
        ("Always,\nJ.", "J."),
        ("Your friend,\nLane", "Lane"),
        ("Cheers,\nParis", "Paris"),
        ("xoxo,\nLorelai", "Lorelai"),
        ("xoxo Lorelai", None),
        ("Jess", "Jess"),
        ("- Jess", "Jess"),
        ("\u2014Rory", "Rory"),
        ("~Rory", "Rory"),
        ("-jess", "jess"),
        ("Your Jess", "Jess"),
        ("Love,", None),
        ("Always", None),
    ],
)
def test_sign_off_forms(closing, signature):
    text = f"She found it.\n\nDear Rory,\n\nI miss the diner.\n\n{closing}\n\nShe smiled."
    if closing == "xoxo Lorelai":
        # Not a sign-off form we know: unsigned, the letter ends at the narration.
        (letter,) = letters_of(text)
        assert letter.closing is None
        assert [p.text for p in letter.body] == ["I miss the diner.", "xoxo Lorelai"]
        return
    (letter,) = letters_of(text)
    assert letter.salutation.text == "Dear Rory,"
    assert [p.text for p in letter.body] == ["I miss the diner."]
    assert letter.closing.text == closing
    assert letter.signature == signature
    assert blocks_of(text)[-1].text == "She smiled."


def test_valediction_and_name_as_two_paragraphs():
    (letter,) = letters_of("Dear Rory,\n\nI miss you.\n\nLove,\n\nJess\n\nShe cried.")
    assert letter.closing.text == "Love,\nJess"
    assert letter.signature == "Jess"


def test_salutation_and_signature_inside_paragraphs():
    text = (
        "Dearest Jess,\nThe book was good.\nYou were right.\n\n"
        "I hate that.\nLove,\nRory\n\nHe laughed."
    )
    (letter,) = letters_of(text)
    assert letter.salutation.text == "Dearest Jess,"
    assert [p.text for p in letter.body] == ["The book was good.\nYou were right.", "I hate that."]
    assert letter.closing.text == "Love,\nRory"
    assert letter.signature == "Rory"
    assert blocks_of(text)[-1].text == "He laughed."


@pytest.mark.parametrize(
    "salutation",
    [
        "Dear Rory,", "Dearest Jess,", "My dear Lorelai,", "My dearest Luke,",
        "Dear Mr. Gilmore:", "Dear Diary,", "Hi Mom,", "Hey Jess,", "Hello there,", "To Rory:",
        "To whom it may concern,", "Dear Rory", "Dear Mom and Dad,", "My love,", "Hey you,",
        "To my Rory,",
    ],
)  # fmt: skip
def test_strong_salutations(salutation):
    assert salutation_kind(salutation) == "strong"


@pytest.mark.parametrize("salutation", ["Rory\u2014", "Jess,", "Dear God,", "Dear me,", "Hey!"])
def test_weak_salutations_need_a_signature(salutation):
    assert salutation_kind(salutation) == "weak"
    unsigned = f"{salutation}\n\nI can't do this.\n\nShe put down the pen."
    assert letters_of(unsigned) == []
    signed = f"{salutation}\n\nI can't do this.\n\n- Lorelai\n\nShe put down the pen."
    (letter,) = letters_of(signed)
    assert letter.signature == "Lorelai"


@pytest.mark.parametrize(
    "line",
    [
        "Dear God, what have I done?",
        "Dear Jess, I take it all back.",
        '"Dear Rory," he read aloud.',
        "To be honest,",
        "Hello?",
        "Dear me!",
        "Mom said the letter began with Dear Rory, and nothing else.",
    ],
)
def test_not_salutations(line):
    assert salutation_kind(line) is None


def test_dear_god_exclamation_opening_a_paragraph_is_narrative():
    text = (
        "Dear God, she thought, not again.\n\nThe phone kept ringing.\n\nLorelai\n\n"
        '"Pick it up," Luke said.'
    )
    assert letters_of(text) == []


def test_unsigned_letter_ends_at_dialogue():
    text = 'Dear Lane,\n\nI will be late. Save me a seat.\n\n"Who is it from?" Dave asked.'
    (letter,) = letters_of(text)
    assert letter.signature is None and letter.closing is None
    assert [p.text for p in letter.body] == ["I will be late. Save me a seat."]


def test_unsigned_letter_ends_at_the_end_of_the_scene():
    blocks = blocks_of("Dear Rory,\n\nI left.\n\nI'm sorry.\n\n* * *\n\nJess\n\nHe drove.")
    assert isinstance(blocks[0], Letter)
    assert blocks[0].signature is None  # the name after the break is not its signature
    assert [p.text for p in blocks[0].body] == ["I left.", "I'm sorry."]
    assert isinstance(blocks[1], SceneBreak)


def test_letter_without_a_clear_end_is_not_a_letter():
    body = "\n\n".join(f"I remember the day number {i} and I think of you." for i in range(20))
    text = f'Dear Rory,\n\n{body}\n\n"Enough," she said.'
    assert letters_of(text) == []


def test_a_letter_never_swallows_a_heading():
    blocks = blocks_of("Dear Rory,\n\nI left.\n\nChapter 2\n\nJess")
    letter = blocks[0]
    assert isinstance(letter, Letter) and letter.signature is None
    assert [b.text for b in blocks[1:]] == ["Chapter 2", "Jess"]


def test_two_letters_in_a_row():
    text = "Dear Rory,\n\nHi.\n\nJess\n\nDear Jess,\n\nHi yourself.\n\nRory"
    assert [(x.salutation.text, x.signature) for x in letters_of(text)] == [
        ("Dear Rory,", "Jess"),
        ("Dear Jess,", "Rory"),
    ]

"""Plain-text stories: notes, disclaimers, headings, separators, paragraphs."""

import pytest

from dearreader.importer import (
    Paragraph,
    SceneBreak,
    paragraphs_from_text,
    parse_text,
    read_story,
    split_blocks,
    word_count,
)
from dearreader.importer.markers import labelled_heading, separator_marker
from dearreader.importer.tests.seeds import sample

STORY = "The rain had not stopped for three days.\n\nShe counted the drops on the window."


def body_texts(story, n=0):
    return [b.text for b in story.chapters[n].blocks if isinstance(b, Paragraph)]


@pytest.mark.parametrize(
    "note",
    [
        "A/N: Written for my sister, who asked for rain.",
        "A/N Written for my sister, who asked for rain.",
        "a/n - written for my sister, who asked for rain.",
        "AN: Written for my sister, who asked for rain.",
        "A.N. Written for my sister, who asked for rain.",
        "A.N: Written for my sister, who asked for rain.",
        "Author's Note: Written for my sister, who asked for rain.",
        "Author's Notes: Written for my sister, who asked for rain.",
        "Authors Note - Written for my sister, who asked for rain.",
        "Author Note: Written for my sister, who asked for rain.",
        "Note: Written for my sister, who asked for rain.",
        "Notes: Written for my sister, who asked for rain.",
        "N/A: Written for my sister, who asked for rain.",
        "(A/N: Written for my sister, who asked for rain.)",
        "[AN: Written for my sister, who asked for rain.]",
        "**A/N:** Written for my sister, who asked for rain.",
        "~Author's Note~ Written for my sister, who asked for rain.",
    ],
)
def test_opening_note_label_styles(note):
    story = parse_text(f"{note}\n\n{STORY}")
    assert story.opening_note == note
    assert story.disclaimer is None
    assert body_texts(story) == STORY.split("\n\n")


@pytest.mark.parametrize(
    "first",
    [
        "An old man sat by the window, as he did every morning.",
        "Note that the door was open. Nobody had noticed.",
        "Notes of jasmine drifted in from the garden.",
        "The house belonged to Grandma Ruth, and it smelled like her.",
        "The choice was not mine to make.",
        "I don't own a car, so I walked.",
        "Her performance review was on Monday, and Rory had not slept.",
        "Inspired by her mother, Rory applied to every paper in the state.",
        "He was dedicated to his work, and to nothing else.",
        "Set in his ways, Luke refused to buy a new coffee machine.",
    ],
)
def test_story_openings_that_look_a_little_like_notes_stay_in_the_story(first):
    story = parse_text(f"{first}\n\n{STORY}")
    assert story.opening_note is None
    assert story.disclaimer is None
    assert body_texts(story)[0] == first


@pytest.mark.parametrize(
    "disclaimer",
    [
        "Disclaimer: I own nothing.",
        "DISCLAIMER - Not mine.",
        "Disclaimer. The characters belong to their creators.",
        "I don't own Gilmore Girls or any of its characters.",
        "I do not own anything you recognise.",
        "I own nothing but the plot.",
        "All characters belong to Amy Sherman-Palladino and the WB.",
        "Gilmore Girls belongs to ASP. I'm just borrowing.",
        "Not mine, sadly.",
        "They're not mine. I just play with them.",
        "Standard disclaimer applies.",
        "No copyright infringement intended.",
        "Property of the WB.",
        "ASP owns it all.",
    ],
)
def test_disclaimer_styles(disclaimer):
    story = parse_text(f"{disclaimer}\n\n{STORY}")
    assert story.disclaimer == disclaimer
    assert story.opening_note is None
    assert body_texts(story) == STORY.split("\n\n")


def test_note_and_disclaimer_and_separator_in_either_order():
    story = parse_text(
        "Disclaimer: not mine.\n\nA/N: For Pell.\n\nI hope you like it!\n\n=====\n\n" + STORY
    )
    assert story.disclaimer == "Disclaimer: not mine."
    assert story.opening_note == "A/N: For Pell.\n\nI hope you like it!"
    assert story.chapters[0].scene_breaks == 0
    assert story.chapters[0].edge_markers == ["====="]


def test_labelled_note_runs_on_until_the_disclaimer_below_it():
    story = parse_text(
        "A/N: This one is odd.\n\nIt started as a dream I had.\n\n"
        "Disclaimer: I own nothing.\n\n" + STORY
    )
    assert story.opening_note == "A/N: This one is odd.\n\nIt started as a dream I had."
    assert body_texts(story) == STORY.split("\n\n")


def test_labelled_note_does_not_eat_the_story_below_it():
    story = parse_text("A/N: For Pell.\n\n" + STORY + "\n\nThe end came slowly.")
    assert story.opening_note == "A/N: For Pell."
    assert len(body_texts(story)) == 3


@pytest.mark.parametrize(
    "closing",
    [
        "A/N: That's it! Let me know what you think.",
        "Thanks for reading!",
        "Please review!",
        "R&R please :)",
        "Author's Note: The end.\n\nI might write a sequel if people want one.",
        "(A/N: short, I know.)",
        "More soon! Sequel?",
        "Constructive criticism welcome.",
    ],
)
def test_closing_note_styles(closing):
    story = parse_text(f"{STORY}\n\n{closing}")
    assert story.closing_note == closing
    assert body_texts(story) == STORY.split("\n\n")


def test_closing_note_after_a_final_separator():
    story = parse_text(f"{STORY}\n\n* * *\n\nA/N: Thanks for reading.")
    assert story.closing_note == "A/N: Thanks for reading."
    assert story.chapters[0].scene_breaks == 0


def test_notes_are_never_taken_from_the_middle():
    text = f"{STORY}\n\nA/N: flashback next!\n\nYears earlier, the roof had leaked.\n\n{STORY}"
    story = parse_text(text)
    assert story.opening_note is None and story.closing_note is None
    assert "A/N: flashback next!" in body_texts(story)


@pytest.mark.parametrize(
    "last",
    [
        "She turned the page to the next chapter of her life.",
        "The reviews came out on Sunday, and they were kind.",
        "The flames died down before morning.",
    ],
)
def test_story_endings_that_look_a_little_like_notes_stay_in_the_story(last):
    story = parse_text(f"{STORY}\n\n{last}")
    assert story.closing_note is None
    assert body_texts(story)[-1] == last


def test_story_ending_in_dialogue_has_no_closing_note():
    story = parse_text(f'{STORY}\n\n"Review the file tomorrow," she said.')
    assert story.closing_note is None


def test_multichapter_file_with_per_chapter_notes():
    story = read_story(sample("multichapter.txt"), "multichapter.txt")
    assert story.title == "The Lighthouse Keeper's Daughter"
    assert story.author == "Inkwell Otter"
    # Header lines fill the fields and stay in the opening note, as the author wrote them.
    assert story.opening_note.startswith(
        "Title: The Lighthouse Keeper's Daughter\nAuthor: Inkwell Otter\n\nAN: This started"
    )
    assert story.disclaimer.startswith("DISCLAIMER: Nothing you recognise")
    assert [c.title for c in story.chapters] == [
        "Prologue",
        "Chapter 1 - Salt and Brass",
        "Ch. 2: The Buyer",
        "Chapter XIV",
        "Epilogue: What the Logbook Said",
    ]
    assert [c.name for c in story.chapters] == [
        None,
        "Salt and Brass",
        "The Buyer",
        None,
        "What the Logbook Said",
    ]
    prologue, one, two, fourteen, epilogue = story.chapters
    # An A/N right before a heading opens the next chapter...
    assert prologue.closing_note is None
    assert one.opening_note == "A/N: Short prologue, I know. The real chapters are longer, promise!"
    # ...but a sign-off ("Thanks for reading! Please review") closes the one it follows.
    assert one.closing_note.startswith("Thanks for reading! Please review")
    assert two.opening_note.startswith("A/N: This chapter is for everyone")
    assert two.closing_note is None and fourteen.opening_note is None
    # The last chapter's end notes are the story's.
    assert epilogue.closing_note is None
    assert story.closing_note == (
        "Author's Note: And that's the end! Thank you all so much for sticking with this little "
        "story.\n\nPlease review, it makes my day."
    )
    assert body_texts(story, 3) == [
        "Years later, the lamp was lit again, and Maren counted every ship."
    ]
    assert story.chapters[1].word_count == 51


@pytest.mark.parametrize(
    ("line", "title", "name"),
    [
        ("Chapter One: The Letter", "Chapter One: The Letter", "The Letter"),
        ("Chapter 1 - The Letter", "Chapter 1 - The Letter", "The Letter"),
        ("Chapter 1 The Letter", "Chapter 1 The Letter", "The Letter"),
        ("CHAPTER 12", "CHAPTER 12", None),
        ("Chapter 12.", "Chapter 12.", None),
        ("Ch. 3: Rain", "Ch. 3: Rain", "Rain"),
        ("Chapter Twenty-One: Late", "Chapter Twenty-One: Late", "Late"),
        ("Part Two", "Part Two", None),
        ("Part II: Winter", "Part II: Winter", "Winter"),
        ("Prologue", "Prologue", None),
        ("Epilogue - Ten Years On", "Epilogue - Ten Years On", "Ten Years On"),
        ("Chapter XIV", "Chapter XIV", None),
        ("~*Chapter 7*~", "Chapter 7", None),
        ("**Chapter 3: Snow**", "Chapter 3: Snow", "Snow"),
        ("[Chapter 2]", "Chapter 2", None),
        ("Chapter 5, Homecoming", "Chapter 5, Homecoming", "Homecoming"),
        ("Part 1 of 3", "Part 1 of 3", None),
        ("3. Chapter 3: Rain", "3. Chapter 3: Rain", "Rain"),
    ],
)
def test_heading_forms(line, title, name):
    h = labelled_heading(line)
    assert h is not None
    assert (h.title, h.name) == (title, name)


@pytest.mark.parametrize(
    "line",
    [
        "Chapter one of my life was over.",
        "Part of me wanted to stay.",
        "Book club met on Thursdays.",
        '"Chapter 3," she read aloud.',
        "Chapter and verse, he could quote it all.",
        "Act normal, she told herself.",
    ],
)
def test_sentences_are_not_headings(line):
    assert labelled_heading(line) is None


def test_chapter_heading_at_the_very_top_before_notes():
    story = parse_text("Chapter 1\n\nA/N: First fic!\n\nDisclaimer: I don't own them.\n\n" + STORY)
    assert story.chapters[0].title == "Chapter 1"
    assert story.opening_note == "A/N: First fic!"
    assert story.disclaimer == "Disclaimer: I don't own them."
    assert body_texts(story) == STORY.split("\n\n")


def test_title_line_under_a_bare_heading():
    story = parse_text("Chapter 4\n\nThe Long Way Home\n\n" + STORY)
    chapter = story.chapters[0]
    assert (chapter.title, chapter.name) == ("Chapter 4: The Long Way Home", "The Long Way Home")
    assert body_texts(story) == STORY.split("\n\n")


def test_first_sentence_under_a_heading_is_not_its_title():
    story = parse_text("Chapter 4\n\nShe ran.\n\n" + STORY)
    assert story.chapters[0].title == "Chapter 4"
    assert body_texts(story)[0] == "She ran."


def test_untitled_first_chapter_before_chapter_two():
    story = parse_text(STORY + "\n\nChapter 2\n\n" + STORY)
    assert [c.title for c in story.chapters] == [None, "Chapter 2"]


def test_heading_with_nothing_after_it_is_not_a_chapter():
    story = parse_text(STORY + "\n\nChapter 2: coming soon!")
    assert len(story.chapters) == 1


def test_numbered_headings_only_in_sequence():
    story = read_story(sample("numbered.txt"), "numbered.txt")
    assert story.opening_note.startswith("Note: Each part is a different summer.")
    assert [c.title for c in story.chapters] == [
        "1. The First Summer",
        "2. The Second Summer",
        "3. The Last Summer",
    ]
    # The numbered list inside the last chapter is not a heading.
    assert "1. Lock the shed." in body_texts(story, 2)
    # A lone "1. Title" line is not enough to make a chapter.
    lone = parse_text("1. The Beginning\n\n" + STORY)
    assert lone.chapters[0].title is None


@pytest.mark.parametrize(
    "marker",
    [
        "---", "-----------", "___________", "==========", "**********", "~~~~~~~~", "########",
        "++++++++", "* * *", "***", "oOo", "OoOoO", "xXx", "XxXxX", "~~~", "o0o", "-x-", "-o-",
        "§", "#", "~*~", "*~*~*~*", "<>", "Line break", "[line break]", "~*Line Break*~", "xxx",
        "xoxo", ". . .", "..........",
        "break", "-break-", "Scene Break", "(page break)", "oOoOo Time skip oOoOo",
        "    * * *    ",
    ],
)  # fmt: skip
def test_separator_styles(marker):
    assert separator_marker(marker)
    blocks = split_blocks(paragraphs_from_text(f"One.\n\n{marker}\n\nTwo."))
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "SceneBreak", "Paragraph"]
    assert blocks[1].marker == marker.strip()


@pytest.mark.parametrize(
    "line", ["...", "…", "?!", '"..."', "Break!", "O", "xo", "Jess", "<3", "- Jess"]
)
def test_not_separators(line):
    assert not separator_marker(line)


def test_kisses_are_a_separator_between_scenes_but_not_under_a_signature():
    scenes = split_blocks(paragraphs_from_text("One.\n\nxxx\n\nTwo."))
    assert [type(b).__name__ for b in scenes] == ["Paragraph", "SceneBreak", "Paragraph"]
    letter = split_blocks(
        paragraphs_from_text("Dear Lane,\n\nMiss you.\n\nLove,\nRory\n\nxxx\n\nShe sent it.")
    )
    assert [type(b).__name__ for b in letter] == ["Letter", "Paragraph"]
    assert letter[0].closing.text == "Love,\nRory\n\nxxx"
    assert letter[0].signature == "Rory"


def test_separator_sample_counts_each_style_once():
    story = read_story(sample("separators.txt"), "separators.txt")
    chapter = story.chapters[0]
    assert story.disclaimer == "Disclaimer: Not mine. Never was."
    assert chapter.scene_breaks == 19
    breaks = [b for b in chapter.blocks if isinstance(b, SceneBreak)]
    assert breaks[-1].marker == "* * *\n* * *"  # two in a row count once
    assert chapter.edge_markers == ["---", "-----"]  # preface line and trailing line
    assert "..." in body_texts(story) and '"..."' in body_texts(story)


def test_separators_at_the_edges_of_a_body_are_not_scene_breaks():
    blocks = split_blocks(paragraphs_from_text("* * *\n\nOne.\n\n* * *\n\nTwo.\n\n* * *\n\n***"))
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "SceneBreak", "Paragraph"]


def test_file_of_only_separators():
    story = parse_text("* * *\n\n-----\n\n~~~\n")
    assert len(story.chapters) == 1
    assert story.chapters[0].blocks == []
    assert story.chapters[0].scene_breaks == 0
    assert story.chapters[0].edge_markers == ["* * *", "-----", "~~~"]


def test_hard_wrapped_text_is_unwrapped():
    story = read_story(sample("wrapped.txt"), "wrapped.txt")
    assert story.opening_note.startswith("Author's Note: This one was typed")
    assert "\n" not in story.opening_note
    paragraphs = body_texts(story)
    assert len(paragraphs) == 3
    assert all("\n" not in p for p in paragraphs)
    assert paragraphs[0].startswith("The house at the end of Finch Lane")
    assert paragraphs[0].endswith("even boiled.")


def test_paragraphs_from_text():
    assert [p.text for p in paragraphs_from_text("One.\n\n\n  Two.  \r\n\r\nThree.")] == [
        "One.",
        "Two.",
        "Three.",
    ]
    # No blank lines at all: one paragraph a line.
    assert [p.text for p in paragraphs_from_text("One.\nTwo.\nThree.")] == [
        "One.",
        "Two.",
        "Three.",
    ]
    # Lines inside a paragraph keep their break; html is escaped text.
    p, _ = paragraphs_from_text('Love,\nRory <3 & "Jess"\n\nNext.')
    assert p.html == 'Love,<br>Rory &lt;3 &amp; "Jess"'
    assert p.text == 'Love,\nRory <3 & "Jess"'


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("", 0),
        ("One two three.", 3),
        ("magnetic\u2014pulling him", 3),
        ("yes-maybe-no's", 1),
        ("wait--what", 2),
        ("* * * ... -- !", 0),
        ("It's 5 o'clock, R & R.", 5),
        ("well\u2026 maybe\u2026not", 3),
    ],
)
def test_word_count(text, n):
    assert word_count(text) == n


def test_long_single_line():
    line = "word " * 200_000
    story = parse_text(line)
    assert story.chapters[0].word_count == 200_000
    assert len(story.chapters[0].blocks) == 1


def test_title_with_its_by_line_on_the_next_line_is_preface_not_a_chapter():
    story = parse_text(
        "Salt and Paper\nby tidewriter\n\nSummary: Two lighthouse keepers write.\n\n"
        "Disclaimer: I own nothing.\n\nPart One\n\nDear Mara,\n\nThe lamp is lit.\n\nWrite soon,\n"
        "Ines"
    )
    assert story.title == "Salt and Paper"
    assert story.author == "tidewriter"
    assert story.disclaimer == "Disclaimer: I own nothing."
    assert story.opening_note.startswith("Salt and Paper\nby tidewriter")
    assert [c.title for c in story.chapters] == ["Part One"]

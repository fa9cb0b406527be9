import json

import pytest
from django.core.management import CommandError, call_command

from dearreader.cli import main
from dearreader.works.models import Work

STORY = (
    "A/N: Hi!\n\nDisclaimer: Not mine.\n\nChapter 1: Start\n\nDear Jess,\n\nWrite back.\n\nRory\n"
)


@pytest.fixture
def story_file(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text(STORY)
    return path


def test_dearreader_import_is_the_import_command(story_file, capsys):
    # No database here: a command run from the command line closes its connections at the end.
    main(["dearreader", "import", "--dry-run", "--json", str(story_file)])
    assert json.loads(capsys.readouterr().out)["disclaimer"] == "Disclaimer: Not mine."


def test_dry_run_json_prints_exactly_the_documented_shape(story_file, capsys, db):
    call_command("importstory", "--dry-run", "--json", str(story_file))
    found = json.loads(capsys.readouterr().out)
    assert found == {
        "opening_note": "A/N: Hi!",
        "disclaimer": "Disclaimer: Not mine.",
        "closing_note": None,
        "chapters": [
            {
                "title": "Chapter 1: Start",
                "word_count": 5,
                "scene_breaks": 0,
                "letters": [{"salutation": "Dear Jess,", "signature": "Rory"}],
            }
        ],
    }
    assert not Work.objects.exists()


def test_import_saves_drafts_for_the_member(story_file, author, capsys):
    call_command("importstory", str(story_file), "--as", "dodger")
    work = Work.objects.get()
    assert work.is_draft and work.pen_name.member == author
    assert work.notes_begin == "A/N: Hi!"
    assert "1 saved, 0 failed" in capsys.readouterr().out


def test_many_files_with_one_bad_one(tmp_path, author, capsys):
    good = [tmp_path / f"s{n}.txt" for n in range(3)]
    for path in good:
        path.write_text(STORY)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02binary")
    with pytest.raises(CommandError, match="1 of 4 files"):
        call_command("importstory", *map(str, good), str(bad), "--as", "dodger", "--post")
    assert Work.objects.count() == 3
    assert "bad.txt" in capsys.readouterr().err


def test_saving_needs_a_member(story_file, db):
    with pytest.raises(CommandError, match="--as"):
        call_command("importstory", str(story_file))
    with pytest.raises(CommandError, match="No member"):
        call_command("importstory", str(story_file), "--as", "nobody")


def test_huge_file_is_refused_before_reading(tmp_path, author, capsys):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)
    with pytest.raises(CommandError):
        call_command("importstory", str(path), "--as", "dodger")
    assert "50.0 MB" in capsys.readouterr().err
    assert not Work.objects.exists()


def test_missing_file_is_reported(tmp_path, author, capsys):
    with pytest.raises(CommandError):
        call_command("importstory", str(tmp_path / "nope.txt"), "--as", "dodger")
    assert "nope.txt" in capsys.readouterr().err

"""The two real FanFiction.net stories in ../shared/seeds, imported end to end: command line,
web upload, and the reading page they end up on."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from dearreader.importer.tests.seeds import require_seeds, seed
from dearreader.works.models import Work
from dearreader.works.tests.test_import_web import confirm_data

pytestmark = pytest.mark.django_db


def dry_run_json(tmp_path, data: bytes, capsys) -> dict:
    path = tmp_path / "story.txt"
    path.write_bytes(data)
    call_command("importstory", "--dry-run", "--json", str(path))
    return json.loads(capsys.readouterr().out)


def test_first_seed_finds_notes_disclaimer_and_chapter_title(tmp_path, capsys):
    found = dry_run_json(tmp_path, seed("000_"), capsys)
    assert found["opening_note"].startswith("Author's Notes: Okay, so I've never")
    assert found["disclaimer"].startswith("Disclaimer: I own nothing thus far")
    assert "Tom Petty" in found["disclaimer"]
    assert found["closing_note"] is None
    [chapter] = found["chapters"]
    assert chapter["title"] == "Chapter One: One Day You Belonged To Me"
    assert chapter["scene_breaks"] == 0
    assert chapter["letters"] == []
    assert chapter["word_count"] == 1186  # every word after the heading, by hand: wc -w


def test_second_seed_finds_scene_breaks_and_both_letters(tmp_path, capsys):
    found = dry_run_json(tmp_path, seed("003_"), capsys)
    assert found["opening_note"].startswith("A/N: An idea that came to mind")
    assert found["disclaimer"] == "Disclaimer: I own the world!"
    [chapter] = found["chapters"]
    assert chapter["title"] is None
    assert chapter["scene_breaks"] == 4
    assert chapter["letters"] == [
        {"salutation": "Dear Rory,", "signature": "Jess"},
        {"salutation": "Dear Jess,", "signature": "Rory"},
    ]


def test_seeds_post_through_the_web_and_read_as_letters(client, author):
    require_seeds()
    client.force_login(author)
    for prefix in ["000_", "003_"]:
        upload = SimpleUploadedFile(f"{prefix}story.txt", seed(prefix))
        response = client.post(reverse("works:import"), {"file": upload})
        data = confirm_data(response)
        data["work-fandoms"] = "Gilmore Girls"
        assert client.post(reverse("works:import_confirm"), data).status_code == 302
    first, second = Work.objects.order_by("pk")
    page = client.get(first.get_absolute_url()).content.decode()
    assert "One Day You Belonged To Me" in page
    assert "I own nothing thus far" in page
    page = client.get(second.get_absolute_url()).content.decode()
    assert page.count('class="letter"') == 2
    assert 'aria-label="Letter signed Jess"' in page
    assert 'aria-label="Letter signed Rory"' in page
    assert page.count('<hr class="scene-break">') == 4
    assert "I miss your kisses." in page

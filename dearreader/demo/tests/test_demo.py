import pytest
from django.core.management import call_command

from dearreader.works.models import Status, Work

pytestmark = pytest.mark.django_db


def test_demo_loads_once_and_again_changes_nothing(capsys):
    call_command("load_demo")
    assert "added 3 of 3" in capsys.readouterr().out
    before = list(Work.objects.values_list("pk", "title", "word_count"))
    call_command("load_demo")
    assert "added 0 of 3" in capsys.readouterr().out
    assert list(Work.objects.values_list("pk", "title", "word_count")) == before


def test_dry_run_adds_nothing(capsys):
    call_command("load_demo", "--dry-run")
    assert "would add 3 of 3" in capsys.readouterr().out
    assert not Work.objects.exists()


def test_demo_shows_the_archive_at_its_best(client):
    call_command("load_demo")
    longbourn = Work.objects.get(title="Postmarked Longbourn")
    assert longbourn.status == Status.POSTED
    assert longbourn.chapter_count == 2 and longbourn.chapters_label == "2/?"
    assert longbourn.notes_begin.startswith("A/N:") and longbourn.disclaimer
    assert longbourn.pen_name.display_name == "Elizabeth B. (lizzy)"
    first = longbourn.chapters.get(position=1)
    assert first.title == "A Letter from Kent"
    assert first.body_html.count('class="letter"') == 2
    assert '<hr class="scene-break">' in first.body_html
    assert Work.objects.get(title="Three Notes on the Piano").restricted
    page = client.get(first.get_absolute_url()).content.decode()
    assert 'aria-label="Letter signed Jane"' in page


def test_demo_members_cannot_log_in_until_given_a_password():
    call_command("load_demo")
    member = Work.objects.get(title="Postmarked Longbourn").pen_name.member
    assert not member.has_usable_password()


def test_a_closing_note_of_an_early_chapter_stays_with_that_chapter():
    call_command("load_demo")
    longbourn = Work.objects.get(title="Postmarked Longbourn")
    assert longbourn.chapters.get(position=1).notes_end.startswith("A/N: Thank you for reading!")
    assert longbourn.notes_end == ""


def test_demo_shows_the_community_at_work(client):
    call_command("load_demo")
    longbourn = Work.objects.get(title="Postmarked Longbourn")
    assert longbourn.kudos_count == 2 and longbourn.review_count == 2
    page = client.get(longbourn.chapters.get(position=1).get_absolute_url()).content.decode()
    assert "Who</em> calls at the parsonage?" in page
    assert "wait for Jane&#x27;s next letter!" in page or "wait for Jane's next letter!" in page
    assert "Charlotte L." in page and "(guest)" in page
    assert "Part 1 of the series" in page and "Letters from Hertfordshire" in page
    last = client.get(longbourn.chapters.get(position=2).get_absolute_url()).content.decode()
    assert "Coming next" in last and "Postmarked Pemberley" in last
    call_command("load_demo")
    assert Work.objects.get(pk=longbourn.pk).review_count == 2

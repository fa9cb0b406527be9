"""Existing rows rendered by an older renderer are rendered again by `manage.py rerender`."""

import pytest
from django.core.management import call_command

from dearreader.lib.factories import make_work
from dearreader.works.models import Chapter, Work
from dearreader.works.rendering import RENDERER_VERSION

pytestmark = pytest.mark.django_db


def _age(work: Work) -> None:
    """What an older renderer left: 2*3*4 as italics, a stale word count, an old version."""
    Work.objects.filter(pk=work.pk).update(summary_html="<p>old</p>", render_version=1)
    Chapter.objects.filter(work=work).update(
        body_html="<p>2<em>3</em>4</p>", word_count=99, render_version=1
    )
    Work.objects.filter(pk=work.pk).update(word_count=99)


def test_dry_run_counts_and_writes_nothing(author, capsys):
    work = make_work(author, bodies=["2*3*4 is it."], summary="A *summary*.")
    _age(work)
    call_command("rerender", "--dry-run")
    assert "would render 1 works and 1 chapters again (2 with different HTML)" in (
        capsys.readouterr().out
    )
    assert Chapter.objects.get().body_html == "<p>2<em>3</em>4</p>"


def test_rerender_renders_old_rows_once(author, capsys):
    work = make_work(author, bodies=["2*3*4 is it."], summary="A *summary*.")
    _age(work)
    call_command("rerender")
    chapter = Chapter.objects.get()
    assert chapter.body_html == "<p>2*3*4 is it.</p>"
    assert (chapter.word_count, chapter.render_version) == (3, RENDERER_VERSION)
    work.refresh_from_db()
    assert work.summary_html == "<p>A <em>summary</em>.</p>" and work.word_count == 3
    call_command("rerender")
    assert "rendered 0 works and 0 chapters again" in capsys.readouterr().out.splitlines()[-1]


def test_existing_chapters_look_for_structure(author):
    # The migration gives every chapter that exists "find letters and scene breaks" on.
    chapter = make_work(author).chapters.get()
    assert chapter.find_structure is True

"""FanFicFare, the downloader most fans use, reads a work from a running Dear Reader through its
generic adapter for sites that run AO3's software: only the site's domain and a rewrite of its
https://DOMAIN addresses to the test server are ours, the reading is all FanFicFare's."""

import importlib.util
import socket
from io import StringIO
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from dearreader.lib.factories import make_work
from dearreader.lib.testing import require
from dearreader.works.models import Tag

# FanFicFare's own code still calls bs4's old method names.
pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:fanficfare")

DOMAIN = "dearreader.test"  # .test never resolves: a request that escapes the rewrite fails

CHAPTERS = [
    "The bell over the diner door rang twice.\n\nDear Rory,\n\nI kept the book.\n\nJess",
    "The bridge was wet.\n\n* * *\n\nShe walked home the long way.",
    "Stars Hollow slept; the letter did not.",
]


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any connection to an address outside 127.0.0.0/8 fails the test."""
    connect = socket.socket.connect

    def guarded(sock: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else str(address)
        if sock.family in (socket.AF_INET, socket.AF_INET6) and not (
            str(host).startswith("127.") or host == "::1"
        ):
            raise AssertionError(f"FanFicFare tried to reach {address!r}")
        return connect(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)


def _adapter_class(server_url: str):  # type: ignore[no-untyped-def]
    from fanficfare.adapters.base_otw_adapter import BaseOTWAdapter

    class DearReaderAdapter(BaseOTWAdapter):
        @staticmethod
        def getSiteDomain() -> str:
            return DOMAIN

        def mod_url_request(self, url: str) -> str:
            # FanFicFare calls this hook twice on some paths: rewrite once, pass on the result.
            parts = urlsplit(url)
            if url.startswith(server_url):
                return url
            assert parts.netloc == DOMAIN, url
            return server_url + parts.path + (f"?{parts.query}" if parts.query else "")

    return DearReaderAdapter


def _loopback(url: str) -> str:
    return f"http://127.0.0.1:{urlsplit(url).port}"


def _fanficfare_epub(server_url: str, work_url: str, out: Path) -> Path:
    from fanficfare import configurable, writers

    adapter_class = _adapter_class(server_url)
    config = configurable.Configuration(adapter_class.getConfigSections(), "epub")
    defaults = Path(configurable.__file__).with_name("defaults.ini").read_text()
    config.read_file(StringIO(defaults))
    # The same extra metadata FanFicFare's own section for AO3 declares.
    config.read_file(
        StringIO(
            f"[{DOMAIN}]\n"
            "extra_valid_entries:fandoms, freeformtags, ao3categories, chapterslashtotal,\n"
            " bookmarks, byline\n"
            "include_subject_tags:extratags, genre, category, characters, ships, fandoms,\n"
            " freeformtags, warnings\n"
        )
    )
    adapter = adapter_class(config, f"https://{DOMAIN}{work_url}")
    writer = writers.getWriter("epub", config, adapter)
    target = out / "fanficfare.epub"
    try:
        writer.writeStory(outfilename=str(target), forceOverwrite=True)
    finally:
        # A kept-alive connection would outlive the live server's thread.
        config.get_fetcher().get_requests_session().close()
    return target


def test_fanficfare_downloads_a_work_with_its_metadata_and_every_chapter(
    transactional_db, live_server, author, tmp_path, loopback_only
):
    require(
        importlib.util.find_spec("fanficfare") is not None,
        "FanFicFare is not installed (pip install -e '.[test]')",
    )
    from ebooklib import ITEM_DOCUMENT, epub

    work = make_work(
        author,
        title="Paper Boats",
        pen_name="Jess Mariano",
        bodies=CHAPTERS,
        summary="Two people fold their apologies into boats.",
        notes_begin="Written during a week of rain.",
        tags={
            Tag.Kind.FANDOM: ["Gilmore Girls"],
            Tag.Kind.RELATIONSHIP: ["Rory Gilmore/Jess Mariano"],
            Tag.Kind.CHARACTER: ["Rory Gilmore", "Jess Mariano"],
            Tag.Kind.FREEFORM: ["Epistolary", "Rain"],
        },
    )
    chapters = list(work.chapters.all())
    first = chapters[0]
    first.title = "The Gutter"
    first.save()

    server = _loopback(live_server.url)
    book = epub.read_epub(str(_fanficfare_epub(server, f"/works/{work.pk}", tmp_path)))

    assert book.get_metadata("DC", "title")[0][0] == "Paper Boats"
    assert book.get_metadata("DC", "creator")[0][0] == "Jess Mariano (dodger)"
    subjects = {value for value, _ in book.get_metadata("DC", "subject")}
    assert {"Gilmore Girls", "Rory Gilmore/Jess Mariano", "Rory Gilmore", "Epistolary"} <= subjects
    description = book.get_metadata("DC", "description")[0][0]
    assert "Two people fold their apologies into boats." in description
    text = "\n".join(item.get_content().decode() for item in book.get_items_of_type(ITEM_DOCUMENT))
    contents = [entry.title for entry in book.toc]
    assert contents == ["Title Page", "Chapter 1: The Gutter", "Chapter 2", "Chapter 3"]
    for body in CHAPTERS:
        for paragraph in body.split("\n\n"):
            if paragraph != "* * *":
                assert paragraph in text, paragraph
    assert "Chapter 1: The Gutter" in text
    assert "Written during a week of rain." in text

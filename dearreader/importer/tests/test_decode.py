"""Hostile and unusual bytes: refused clearly, or decoded correctly."""

import codecs
import time

import pytest

from dearreader.importer import MAX_IMPORT_BYTES, ImportProblem, decode, read_story


def test_empty_file():
    with pytest.raises(ImportProblem, match=r"^The file is empty\.$"):
        decode(b"")


def test_whitespace_only():
    with pytest.raises(ImportProblem, match="empty"):
        read_story(b" \n\r\n\t  \n", "blank.txt")


def test_fifty_megabytes_is_refused_quickly():
    data = b"a" * (50 * 1024 * 1024)
    started = time.perf_counter()
    with pytest.raises(ImportProblem) as e:
        read_story(data, "huge.txt")
    assert time.perf_counter() - started < 0.5
    assert str(e.value).endswith("is 50.0 MB; the limit is 10 MB.")


def test_just_over_the_limit_is_refused_and_at_the_limit_is_not_for_size():
    with pytest.raises(ImportProblem, match="the limit is 10 MB"):
        decode(b"a" * (MAX_IMPORT_BYTES + 1))
    assert len(decode(b"a " * (MAX_IMPORT_BYTES // 2))) == MAX_IMPORT_BYTES


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "PNG image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"GIF89a\x01\x00", "GIF image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "PDF document"),
        (
            b"PK\x03\x04\x14\x00\x00\x00\x00\x00" + b"\x00" * 20 + b"mimetypeapplication/epub+zip",
            "EPUB",
        ),
        (b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 22 + b"word/document.xml", "Word (.docx)"),
        (b"PK\x03\x04" + b"\x00" * 40, "zip archive"),
        (b"{\\rtf1\\ansi Hello}", "RTF document"),
        (b"\x1f\x8b\x08\x00", "gzip"),
    ],
)
def test_binary_files_say_what_they_look_like(data, what):
    with pytest.raises(ImportProblem) as e:
        read_story(data, "upload.txt")
    assert what in str(e.value)
    assert "plain text" in str(e.value)


def test_nul_bytes_are_binary():
    with pytest.raises(ImportProblem, match="binary"):
        decode(b"Once upon\x00\x01\x02\x00\x00\xff\xfe\x00 a time" * 10)


def test_control_character_soup_is_not_text():
    with pytest.raises(ImportProblem, match="could not be read as text"):
        decode(bytes(range(1, 9)) * 200)


def test_cp1252_smart_quotes():
    text = "\u201cI don\u2019t know,\u201d she said \u2014 and left the caf\u00e9\u2026"
    assert decode(text.encode("cp1252")) == text


def test_latin1():
    text = "Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e, d\u00e9j\u00e0 vu. The \u00e9l\u00e8ve was "
    text += "na\u00efve."
    assert decode(text.encode("latin-1")) == text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(codec):
    text = "Dear Rory,\n\nI miss you \u2014 Jess \u2764"
    bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
    assert decode(bom + text.encode(codec)) == text


def test_utf16_without_bom():
    text = "Dear Rory,\n\nI miss the diner. Jess"
    assert decode(text.encode("utf-16-le")) == text


def test_utf8_bom_and_windows_newlines():
    assert decode(codecs.BOM_UTF8 + b"One\r\n\r\nTwo\rThree") == "One\n\nTwo\nThree"


def test_non_latin_text_is_not_forced_into_cp1252():
    text = (
        "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? " * 20
    )
    assert decode(text.encode("cp1251")) == text


def test_mac_roman_quotes():
    text = "\u201cI don\u2019t know,\u201d she said. \u201cMaybe we shouldn\u2019t.\u201d " * 5
    assert decode(text.encode("mac_roman")) == text


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"* * *\n\n-----\n\n~~~\n\n", "only-separators.txt"),
        (b"<html><body><script>alert(1)</script><hr><p> </p></body></html>", "empty.html"),
    ],
)
def test_files_without_story_text(data, name):
    with pytest.raises(ImportProblem, match="No story text"):
        read_story(data, name)


def test_central_european_single_byte_text():
    text = (
        "Za\u017c\u00f3\u0142\u0107 g\u0119\u015bl\u0105 ja\u017a\u0144. Du\u017cym miastem. " * 3
    )
    assert decode(text.encode("cp1250")) == text


def test_spanish_cp1252_is_not_mistaken_for_central_european():
    text = "\u00bfQu\u00e9? \u00bfPor qu\u00e9 no? \u201cNo s\u00e9,\u201d dijo Rory."
    assert decode(text.encode("cp1252")) == text

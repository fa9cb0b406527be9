"""Bytes to text: refuse what is not a text file, then find the encoding."""

import codecs
import re

from charset_normalizer import from_bytes

from dearreader.lib.limits import IMPORT_MAX_BYTES, IMPORT_MAX_LINES

from .errors import ImportProblem

MAX_IMPORT_BYTES = IMPORT_MAX_BYTES

# What a file that is not text usually starts with, and what to tell the person who sent it.
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office (.doc) document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a Windows program"),
    (b"ID3", "an MP3 audio file"),
    (b"OggS", "an Ogg audio file"),
    (b"\x00\x00\x01\x00", "an icon"),
    (b"wOFF", "a web font"),
    (b"SQLite format 3\x00", "a database"),
]

_HOW_TO_FIX = "Please save the story as plain text (.txt) or as a web page (.html) and try again."

# Single-byte encodings of Latin-script text. charset-normalizer cannot tell these apart on a
# few kilobytes of English, and fan fiction written on Windows is overwhelmingly cp1252.
_LATIN_GUESSES = re.compile(
    r"^(ascii|cp125[02-8]|latin_1|iso8859_\d+|mac_\w+|cp\d{3}|kz1048|ptcp154)$"
)


def _looks_like(data: bytes) -> str | None:
    """Name the kind of binary file ``data`` is, if its first bytes say so."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    if data[:4] == b"RIFF" and data[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file"}.get(data[8:12], "a video")
    if data[4:8] == b"ftyp":
        return "a video or image file"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06"):
        head = data[:4096]
        if b"epub" in head:
            return "an e-book (EPUB)"
        if b"word/" in head:
            return "a Word (.docx) document"
        if b"opendocument" in head:
            return "an OpenDocument (.odt) document"
        return "a zip archive"
    if data[60:68] == b"BOOKMOBI":
        return "a Kindle e-book (MOBI)"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text saved without a byte order mark: NULs on every other byte."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                return None
    return None


def _latin_fallback(err: UnicodeError) -> tuple[str, int]:
    assert isinstance(err, UnicodeDecodeError)
    return err.object[err.start : err.end].decode("latin-1"), err.end


codecs.register_error("dearreader-latin1", _latin_fallback)


_CP1250_SIGNS = re.compile(r"[^\W\d_][\u00b9\u00b3\u00be\u00bf\u0178\u00bc\u00a5\u00aa\u00af]")


def _single_byte(data: bytes, guess: str | None) -> str:
    """Latin-script text in a single-byte encoding: cp1252, unless it clearly is Central
    European (cp1250) or Mac Roman."""
    text = data.decode("cp1252", errors="dearreader-latin1")
    # Polish and Slovak letters read as cp1252 become symbols after a letter: "du¿ym", "³ódŸ".
    if len(_CP1250_SIGNS.findall(text)) >= 2:
        return data.decode("cp1250", errors="replace")
    if guess and guess.startswith("mac"):
        # Mac Roman quotes read as cp1252 become letters inside words: "donÕt", "ÒHiÓ".
        mac = data.decode("mac_roman", errors="replace")
        if len(re.findall(r"\wÕ\w|Ò\w|\wÓ", text)) > len(re.findall(r"[\u2019\u201c\u201d]", text)):
            return mac
    return text


def _decode_unknown(data: bytes) -> str:
    best = from_bytes(data[:200_000] if len(data) > 200_000 else data).best()
    guess = best.encoding if best is not None else None
    if guess is None or _LATIN_GUESSES.match(guess):
        return _single_byte(data, guess)
    try:
        return data.decode(guess)
    except (UnicodeDecodeError, LookupError):
        return _single_byte(data, guess)


def _mostly_garbage(text: str) -> bool:
    sample = text[:100_000]
    bad = sum(
        1
        for c in sample
        if c == "\ufffd" or (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0
    )
    return bad > max(2, len(sample) // 100)


def decode(data: bytes, filename: str = "") -> str:
    """The text of an uploaded story file; ``ImportProblem`` says why it cannot be read."""
    name = f"“{filename}”" if filename else "The file"
    if len(data) > MAX_IMPORT_BYTES:
        size = len(data) / (1024 * 1024)
        limit = MAX_IMPORT_BYTES // (1024 * 1024)
        raise ImportProblem(f"{name} is {size:.1f} MB; the limit is {limit} MB.")
    if not data:
        raise ImportProblem("The file is empty.")
    what = _looks_like(data)
    if what:
        raise ImportProblem(f"{name} looks like {what}, not a story in text. {_HOW_TO_FIX}")

    text: str | None = None
    for bom, codec in (
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(codec)
            except UnicodeDecodeError as e:
                raise ImportProblem(
                    f"{name} says it is {codec.upper()} text but is not. {_HOW_TO_FIX}"
                ) from e
            break
    if text is None and b"\x00" in data[:4096]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ImportProblem(
                f"{name} looks like a binary file, not a story in text. {_HOW_TO_FIX}"
            )
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            text = _decode_unknown(data)

    if _mostly_garbage(text):
        raise ImportProblem(f"{name} could not be read as text. {_HOW_TO_FIX}")
    if not text.strip():
        raise ImportProblem("The file is empty: it holds only blank space.")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = count_lines(text)
    if lines > IMPORT_MAX_LINES:
        raise ImportProblem(
            f"{name} has {lines:,} lines (line breaks, <br> and paragraphs); "
            f"the limit is {IMPORT_MAX_LINES:,}."
        )
    return text


def count_lines(text: str) -> int:
    """At least as many as the lines and paragraphs the importer will see, counted at C speed
    before any of them is read."""
    lower = text[: 2 * IMPORT_MAX_BYTES].lower()
    return lower.count("\n") + lower.count("<br") + lower.count("<p") + lower.count("<div") + 1

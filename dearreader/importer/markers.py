"""Lines that are not prose: scene-break separators and chapter headings."""

from __future__ import annotations

import re
from dataclasses import dataclass

QUOTES = "\"'\u201c\u201d\u2018\u2019\u201e\u00ab\u00bb"

# Written-out separators, compared after dropping the symbols around them ("~*Line Break*~").
_BREAK_WORDS = {
    "break",
    "line break",
    "linebreak",
    "page break",
    "pagebreak",
    "scene break",
    "scenebreak",
    "section break",
    "scene change",
    "time skip",
    "timeskip",
    "time break",
}


_HAS_QUOTE = re.compile(f"[{QUOTES}]")
_NOT_WORD = re.compile(r"[\W_]+")
_OX = re.compile(r"[oO0xX]{3,}")
_HEADING_START = re.compile(
    r"^[\W_]*(?:chapter|chap|ch|part|book|volume|vol|act|section|prologue|epilogue|interlude|"
    r"coda|intermission)\b",
    re.IGNORECASE,
)


def separator_marker(text: str) -> bool:
    """Whether a paragraph is a scene-break separator such as ``* * *``, ``oOo`` or ``-x-``."""
    s = text.strip()
    if not s or len(s) > 80 or "\n" in s or _HAS_QUOTE.search(s):
        return False
    core = _NOT_WORD.sub(" ", s).strip()
    if len(core) > 30:
        return False  # prose; the wordiest separators are like "oOo Time skip oOo"
    if not core:
        # Only punctuation: a separator, unless it is speech punctuation on its own ("...", "?!"),
        # which in a story is a character saying nothing; a long or spaced row of dots is not.
        if set(s) <= set(".…?!,;: "):
            return s.count(".") >= 6 or bool(re.fullmatch(r"\.(?: +\.){2,}", s))
        return True
    # "oOo Time skip oOo": the o's and x's around the words are decoration too.
    words = " ".join(w for w in core.split() if not _OX.fullmatch(w))
    if words.lower() in _BREAK_WORDS:
        return not s.endswith(("!", "?", "."))
    compact = core.replace(" ", "")
    if re.fullmatch(r"[oO0xX]+", compact):
        decorated = compact != s
        mixed = (compact != compact.lower() and compact != compact.upper()) or "0" in compact
        if decorated or mixed:
            return True
        # Bare lower-case x's and o's ("xxx", "xoxo") are a separator too, but kisses under a
        # signature: see ``kisses``, which split_blocks asks first.
        return len(compact) >= 3
    return False


def kisses(text: str) -> bool:
    """A line of lower-case x's and o's ("xxx", "xoxo"): kisses after a sign-off."""
    return bool(re.fullmatch(r"[xo]{2,8}", text.strip()))


_NUMBER_WORDS = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "last", "final",
]  # fmt: skip
_WORD_NUM = "(?:" + "|".join(_NUMBER_WORDS) + ")"
_NUM = rf"(?:\d{{1,4}}|[ivxlcdm]{{1,8}}|{_WORD_NUM}(?:[\s-]+{_WORD_NUM}){{0,2}})"
_LABEL = r"(?:chapter|chap\.?|ch\.?|part|book|volume|vol\.?|act|section)"
_SPECIAL = r"(?:prologue|epilogue|interlude|coda|intermission)"
_LABELLED = re.compile(
    rf"^(?P<head>{_LABEL}\s*(?P<num>{_NUM})|{_SPECIAL}(?:\s+(?P<snum>\d{{1,3}}|[ivx]{{1,5}}))?)"
    rf"(?:(?P<sep>\s*[:.,|/\-\u2013\u2014~]+\s*|\s+)(?P<name>.+?))?\s*[.:]?$",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$", re.IGNORECASE)
_NUMBERED = re.compile(
    r"^(?P<num>\d{1,3}|[IVXLC]{1,7})(?:[.):]|\s*[\-\u2013\u2014])?(?:\s+(?P<name>.+))?$"
)
# Symbols authors put around a heading ("~*Chapter 1*~", "[Chapter 2]", "**Part One**").
_DECORATION = " \t*~=_#[](){}<>|+•·-\u2013\u2014"


@dataclass
class Heading:
    title: str
    name: str | None
    number: int | None = None


def _strip_decoration(text: str) -> str:
    s = text.strip()
    stripped = s.strip(_DECORATION)
    # Keep a closing bracket that belongs to the title: "Chapter 2 (Revised)".
    if s.endswith(")") and "(" in stripped and not stripped.endswith(")"):
        stripped += ")"
    return stripped


def _valid_number(num: str) -> bool:
    if num.isdigit() or num.lower().split("-")[0].split()[0] in _NUMBER_WORDS:
        return True
    return bool(_ROMAN.match(num))


def labelled_heading(text: str) -> Heading | None:
    """A heading that says what it is: "Chapter One: Title", "CH. 3", "Part Two", "Epilogue"."""
    if len(text) > 160 or "\n" in text.strip():
        return None
    # FanFiction.net's chapter menu reads "3. Chapter 3: Title" when copied with the text.
    menu = re.match(r"^\s*\d{1,3}\.\s+(?=\S)", text)
    if menu:
        inner = labelled_heading(text[menu.end() :])
        return Heading(_strip_decoration(text), inner.name, inner.number) if inner else None
    if not _HEADING_START.match(text):
        return None
    s = _strip_decoration(text)
    if not s or s[0] in QUOTES:
        return None
    m = _LABELLED.match(s)
    if not m:
        return None
    num = m.group("num")
    if num is not None and not _valid_number(num):
        return None
    name = m.group("name")
    if name is not None:
        name = name.strip()
        if not m.group("sep").strip():
            # Only a space between the number and the rest: "Chapter 1 The Letter" is a heading,
            # "Chapter one of my life was over." is a sentence.
            if re.fullmatch(r"of\s+\d+", name):
                return Heading(title=s, name=None, number=_to_int(num) if num else None)
            if not (name[0].isupper() or name[0].isdigit() or name[0] in QUOTES):
                return None
            if len(s) > 90 or s.endswith((".", ",", ";")):
                return None
    return Heading(title=s, name=name or None, number=_to_int(num) if num else None)


def numbered_heading(text: str) -> Heading | None:
    """A candidate "1. Title" / "IV" heading; only trusted when it is part of a sequence."""
    if "\n" in text.strip() or len(text) > 80:
        return None
    s = _strip_decoration(text)
    m = _NUMBERED.match(s)
    if not m:
        return None
    num, name = m.group("num"), m.group("name")
    if not num.isdigit() and not _ROMAN.match(num):
        return None
    if name is not None:
        name = name.strip()
        if not name or not (name[0].isupper() or name[0] in QUOTES):
            return None
        if name.endswith((".", ",", ";", ":")) or len(name.split()) > 12:
            return None
    return Heading(title=s, name=name, number=_to_int(num))


def _to_int(num: str) -> int | None:
    if num.isdigit():
        return int(num)
    if _ROMAN.match(num):
        values = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
        total, prev = 0, 0
        for ch in reversed(num.lower()):
            v = values[ch]
            total, prev = (total - v, prev) if v < prev else (total + v, v)
        return total
    first = num.lower().replace("-", " ").split()
    if first and first[0] in _NUMBER_WORDS[:19]:
        return _NUMBER_WORDS.index(first[0]) + 1
    return None

"""Clean text: what members type, without the characters that can disguise or break it.

* Bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can show a byline or
  a title reversed or spliced into the text around it; they go from every name, title, tag and
  summary. (Marks such as U+200F stay: they only nudge neutral characters.)
* Zero-width characters (spaces, joiners, the word joiner, a stray BOM) make two names that
  look alike differ; they go from names: pen names and tags.
* Other control characters and Unicode noncharacters (the renderer joins paragraphs with one)
  go from everything, story text included; tabs and line breaks stay where lines may break.
"""

import re

_BIDI_CONTROLS = "\u202a-\u202e\u2066-\u2069"
_ZERO_WIDTH = "\u200b-\u200d\u2060\ufeff"
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_NONCHARACTERS = "\ufdd0-\ufdef\ufffe\uffff"

_IN_TEXT = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}]")
_IN_SUMMARY = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}{_BIDI_CONTROLS}]")
_IN_NAME = re.compile(f"[{_CONTROLS}{_NONCHARACTERS}{_BIDI_CONTROLS}{_ZERO_WIDTH}]")


def clean_text(text: str) -> str:
    """Story text and notes: control characters and noncharacters removed, nothing else."""
    return _IN_TEXT.sub("", text)


def clean_summary(text: str) -> str:
    """Summaries (shown in every listing): no bidi controls either."""
    return _IN_SUMMARY.sub("", text).strip()


def clean_line(text: str) -> str:
    """Titles: one line, no bidi controls, spaces collapsed."""
    return " ".join(_IN_SUMMARY.sub("", text).split())


def clean_name(text: str) -> str:
    """Pen names and tags: a title's rules, and no zero-width characters."""
    return " ".join(_IN_NAME.sub("", text).split())

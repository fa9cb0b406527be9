"""Counting words the way a reader would."""

import re

# Em/en dashes, a double hyphen (the typewriter em dash) and an ellipsis join words without
# spaces ("magnetic—pulling"), yet a reader sees two words; a single hyphen makes one word.
_SPLIT = re.compile(r"[\s\u2014\u2013\u2015\u2026]+|-{2,}|\.{3,}")
_ALNUM = re.compile(r"[^\W_]")


def tokens(text: str) -> list[str]:
    """Words of running text: the space- or dash-separated tokens with a letter or digit."""
    return [t for t in _SPLIT.split(text) if _ALNUM.search(t)]


def word_count(text: str) -> int:
    """Words of running text (tokens with a letter or digit); em-dash-joined words count apart."""
    return len(tokens(text))


def at_most(text: str, n: int) -> bool:
    """Whether ``text`` has at most ``n`` words; a text of over 40 characters a word is "no"
    at once, so that checks on a megabyte-long paragraph stay cheap."""
    return len(text) <= 40 * (n + 1) and word_count(text) <= n

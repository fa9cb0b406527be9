"""Recognising what authors put around a story: notes, disclaimers and header lines.

These tests only ever run on paragraphs at the edges of a story or chapter (before its first
story paragraph or after its last), so they may be generous there; nothing in the middle of a
story is ever taken out of it.
"""

from __future__ import annotations

import re

from .markers import QUOTES
from .words import at_most

# A label at the very start, possibly behind a bracket or emphasis: "(A/N: ", "**Author's Note**".
_OPEN = r"^[\s\[\](){}*~_<>#=+|-]{0,4}"
_APOS = "['\u2019]"
_NOTE_LABEL = re.compile(
    _OPEN
    + r"(?:"
    + r"a\s?/\s?n\b|a\.\s?n\b\.?|"
    + rf"(?:the\s+)?authors?{_APOS}?s?{_APOS}?\s*(?:notes?|comments?|words?)\b|"
    + r"n\s?/\s?a\b|"
    + rf"(?:end|ending|closing|final|beta|translator{_APOS}?s?|chapter|story|more|quick|"
    + r"short|little|important|general|extra|original)\s+notes?\s*[:.\-\u2013\u2014)\]]|"
    + r"notes?\s*[:\-\u2013\u2014)\]]|"
    + r"(?:eta|edit(?:ed)?|update[d]?|p\.?\s?s\.?)\s*[:\-\u2013\u2014]"
    + r")",
    re.IGNORECASE,
)
# "AN:" in capitals only: "An idea came to me" is a sentence.
_AN_LABEL = re.compile(_OPEN + r"AN\s*[:\-\u2013\u2014]")
_DISCLAIMER_LABEL = re.compile(_OPEN + r"(?:standard\s+)?disclaimers?\b", re.IGNORECASE)

# Ownership phrases that, at the edge of a story, only a disclaimer uses.
_OWNERSHIP = re.compile(
    r"\b(?:"
    + rf"(?:do|does|did)\s*(?:n{_APOS}?t|\s+not)\s+(?:\w+\s+)?own\b(?!\s+(?:a|an)\b)|"
    + r"own\s+(?:nothing|none)|"
    + r"(?:will\s+)?never\s+(?:will\s+)?own|wish\s+i\s+(?:did\s+)?own|if\s+i\s+owned|"
    + rf"nothing\s+(?:here\s+)?(?:is|was)\s+mine|(?:is|are)\s*(?:n{_APOS}t|\s+not)\s+mine|"
    + r"copyright(?:ed|s)?|infringement|trademark|all\s+rights\s+reserved|"
    + r"^\W*(?:all\s+)?(?:property\s+of|belongs?\s+to|owned\s+by)\b|"
    + r"\bowns?\s+(?:everything|it\s+all|all\s+(?:of\s+)?(?:it|them|this)|them\s+all)\b|"
    + r"(?:make|making|made|makes)\s+(?:\w+\s+)?(?:no|any)\s+(?:money|profit)|"
    + r"no\s+(?:money|profit)\s+(?:is|was|will\s+be)\s+(?:being\s+)?made|"
    + r"not\s+(?:for|making)\s+(?:any\s+)?(?:profit|money)|(?:is|are)\s+the\s+property\s+of|"
    + r"respective\s+(?:owners?|creators?)|(?:no\s+)?claim\s+(?:no\s+)?ownership|"
    + r"(?:it\s+all|everything|all|they|these|characters?|show|series|universe|world|lyrics|"
    + r"song|[A-Z][\w-]*\s+[A-Z][\w-]*|[A-Z]{2,})\s+(?:\w+\s+){0,3}belongs?\s+to"
    + r")",
)
# "Not mine." / "They're not mine, sadly." but not "The choice was not mine to make."
_NOT_MINE = re.compile(
    r"^\W*(?:not|none|nothing|it|its|it['\u2019]s|they|they['\u2019]re|these|this|all|everything|"
    r"(?:the\s+)?characters?|sadly|unfortunately|alas)\b.*\b(?:not|n['\u2019]t)\s+(?:\w+\s+)?mine\b"
    r"|^\W*(?:not|none\s+of\s+(?:it|this|them)(?:\s+is|\s+are)?)\s+mine\b",
    re.IGNORECASE,
)

# Words authors use when they talk to readers, and stories hardly ever use in their own voice.
_META = re.compile(
    r"\b(?:"
    + r"r\s?&\s?r|read\s+(?:and|&)\s+review|reviewers|(?:please|pls|plz)\s+review|"
    + r"review\s+(?:please|pls|plz)|leave\s+(?:a\s+|me\s+a\s+)?(?:review|comment)|"
    + r"fics?|fanfic(?:tion)?s?|fan\s+fic(?:tion)?s?|one[\s-]?shots?|drabbles?|songfics?|"
    + rf"(?:un)?beta{_APOS}?d|(?:un)?betaed|beta[\s-]?read(?:er|ing)?|my\s+betas?\b|"
    + r"(?:thanks|thank\s+you)\s+(?:\w+\s+){0,3}for\s+(?:reading|reviewing|the\s+reviews|"
    + r"(?:all\s+)?(?:the|your)\s+(?:lovely\s+|kind\s+)?(?:reviews|kudos|comments|support))|"
    + r"hope\s+(?:you|y['\u2019]?all|everyone)\s+(?:\w+\s+)?(?:enjoy|like|liked|enjoyed|love)|"
    + r"let\s+me\s+know\s+what\s+you\s+(?:think|thought)|"
    + r"reviews?\s+(?:are|make|would|feed|keep|help|=)|update\s+soon|kudos|"
    + r"comments?\s+(?:are|would\s+be|make)|plot\s?bunn(?:y|ies)|"
    + r"to\s+be\s+continued|spoilers?\s+(?:for|through|up\s+to|until)|sequel\?|"
    + r"more\s+(?:soon|to\s+come)|stay\s+tuned|until\s+next\s+time|"
    + r"see\s+you\s+(?:next\s+(?:time|chapter|week)|soon|all)|constructive\s+criticism|"
    + r"no\s+flames|criticism\s+(?:is\s+)?welcome|concrit|"
    + r"^\W*(?:this\s+(?:story|fic|chapter|one)\s+is\s+)?(?:dedicated\s+to|written\s+for)\b|"
    + r"(?:inspired\s+by|based\s+(?:on|off))\s+(?:the|a|an)\s+(?:song|prompt|episode|scene|quote)|"
    + r"^\W*this\s+(?:one\s+)?is\s+for\b|"
    + r"^\W*(?:set|takes\s+place)\s+(?:right\s+|just\s+|sometime\s+)?"
    + r"(?:after|during|before|between|in\s+season)\b|"
    + r"^\W*enjoy\W*$|^\W*(?:on\s+with\s+the\s+(?:story|show)|anyway,?\s+enjoy)\b"
    + r")",
    re.IGNORECASE,
)
_META_CASED = re.compile(r"\b(?:AU|OOC|TBC|WIP)\b")
# Words a story may well use too ("her performance review", "the next chapter of her life"):
# they mark a note only in a short paragraph in the author's own voice or with an "!".
_META_WEAK = re.compile(
    r"\b(?:reviews?|reviewed|reviewing|updates?|updated|updating|spoilers?|chapters?|"
    r"(?:first|second|third|new|next|last|other)\s+(?:story|fic)|this\s+story|"
    r"season\s+(?:\d+|one|two|three|four|five|six|seven)|episodes?|finale)\b",
    re.IGNORECASE,
)
_AUTHORS_VOICE = re.compile(r"\b(?:i|i'm|i've|my|me|you|your|we|our|us)\b|!|:\)|:D|<3", re.I)


def authors_voice(text: str) -> bool:
    return bool(_AUTHORS_VOICE.search(text.replace("\u2019", "'")))


_HEADER = re.compile(
    _OPEN
    + r"(?P<key>title|author|by|written\s+by|summary|rating|rated|pairings?|characters?|"
    + r"fandoms?|genres?|category|categories|warnings?|spoilers?|word\s?count|words|length|"
    + r"feedback|archiv(?:e|ing)|series|timeline|dedication|prompt|beta|beta\s+reader|status|"
    + r"setting|challenge|written\s+for|date|posted)\s*:\s*(?P<value>\S.*)$",
    re.IGNORECASE,
)


def is_dialogue(text: str) -> bool:
    """Speech in quotes: a paragraph that starts with a quotation mark or has a speech tag."""
    s = text.lstrip(" *_~")
    if s[:1] in '"“”„«':
        return True
    return bool(
        re.search(
            r"[,.!?…\-—]\s*[\"”]\s+(?:\w+\s+){0,2}(?:said|says|asked|asks|replied|whispered|"
            r"shouted|muttered|murmured|called|answered|yelled|sighed|laughed|added|continued|"
            r"told|snapped|teased|grinned|smiled)\b",
            s,
        )
    )


def note_label(text: str) -> bool:
    return bool(_NOTE_LABEL.match(text) or _AN_LABEL.match(text))


def self_contained(text: str) -> bool:
    """A note in brackets that closes itself, "(A/N: ...)": nothing after it belongs to it."""
    s = text.strip(" *_~")
    return (s[:1], s[-1:]) in (("(", ")"), ("[", "]"), ("{", "}"))


def disclaimer_label(text: str) -> bool:
    if _DISCLAIMER_LABEL.match(text):
        return True
    # "Standard disclaimer applies." / "See chapter one for the disclaimer."
    return at_most(text, 25) and bool(re.search(r"\bdisclaim", text, re.IGNORECASE))


def unlabelled_disclaimer(text: str) -> bool:
    if is_dialogue(text) or not at_most(text, 80):
        return False
    # Lower-cased too, for "I DON'T OWN THEM"; the pattern's capitals only find proper names.
    if _OWNERSHIP.search(text) or _OWNERSHIP.search(text.lower()) or "©" in text:
        return True
    return at_most(text, 20) and bool(_NOT_MINE.search(text))


def is_disclaimer(text: str) -> bool:
    return disclaimer_label(text) or unlabelled_disclaimer(text)


def is_meta(text: str) -> bool:
    """An unlabelled note: the author talking to readers about the story or the site."""
    if is_dialogue(text) or not at_most(text, 200):
        return False
    if _META.search(text) or _META_CASED.search(text):
        return True
    return at_most(text, 60) and bool(_META_WEAK.search(text)) and authors_voice(text)


def _header_line(line: str) -> tuple[str, str] | None:
    if line.strip()[:1] in QUOTES:
        return None
    m = _HEADER.match(line.strip())
    if not m:
        return None
    key = re.sub(r"\s+", " ", m.group("key").lower())
    key = {"by": "author", "written by": "author"}.get(key, key)
    return key, m.group("value").strip()


def header_fields(text: str) -> list[tuple[str, str, str]] | None:
    """The "Key: value" header lines from the top of a text file ("Title: ...", "Rating: T").

    Several may share a paragraph, one a line; a line without a key continues the value above.
    Each field is (key, value, the lines as written).
    """
    fields: list[tuple[str, str, str]] = []
    for line in text.split("\n"):
        field = _header_line(line)
        if field:
            fields.append((*field, line.strip()))
        elif fields and line.strip():
            key, value, raw = fields[-1]
            fields[-1] = (key, f"{value}\n{line.strip()}", f"{raw}\n{line.strip()}")
        elif line.strip():
            return None
    return fields or None


def header_field(text: str) -> bool:
    return header_fields(text) is not None


def signoff_note(text: str) -> bool:
    """A note that closes what came before ("Thanks for reading, please review!")."""
    return bool(
        re.search(
            r"thanks?\s+(?:\w+\s+){0,2}for\s+reading|thank\s+you\s+for\s+reading|review|r\s?&\s?r|"
            r"hope\s+(?:you|y['\u2019]?all|everyone)\s+(?:\w+\s+)?(?:enjoyed|liked|loved)|"
            r"next\s+(?:chapter|time|update)|to\s+be\s+continued|\bTBC\b|until\s+next|"
            r"see\s+you|more\s+(?:soon|to\s+come)|coming\s+soon|stay\s+tuned",
            text,
            re.IGNORECASE,
        )
    )

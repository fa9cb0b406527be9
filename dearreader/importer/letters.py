"""Letters and notes between characters, found inside one scene of a chapter body.

A letter starts at a salutation that is a paragraph (or the first line of one) of its own:
"Dear Rory,", "My dear Lorelai,", "Hi Mom,", "To Rory:". It ends at its sign-off: a name line
("Jess", "- Jess", "~Rory"), a valediction and a name ("Love,\\nRory", "Yours, Jess"), or a
valediction alone ("Love,"). Any "P.S." paragraphs right after the sign-off join it.

Being wrong here damages the story, so the rules are conservative:

* "Dear Jess, I take it back" inside a sentence never starts a letter; neither does a
  quoted line of dialogue.
* Weak openings need a signature to count: a bare name ("Rory—", "Jess,"), a greeting without
  a name or with "!" ("Hey!"), and "Dear" + an exclamation ("Dear God,", "Dear Lord,",
  "Dear me,"), which is far more often a cry than a prayer.
* A letter never runs past a scene break, a chapter heading, another salutation or a line of
  dialogue (narrative has resumed).
* Without any sign-off, a strong opening still makes a letter when it ends naturally within
  ``MAX_UNSIGNED`` paragraphs: at the end of the scene, at dialogue, at another salutation, or
  at a paragraph that reads as third-person narrative ("She folded the note away.": he/she/they
  and no I/you/we). If the end cannot be found that close, it is not made a letter at all.
"""

from __future__ import annotations

import re

from .markers import QUOTES, kisses, labelled_heading
from .notes import is_dialogue
from .sanitize import join, split_lines
from .structure import Letter, Paragraph

MAX_SIGNED = 40  # paragraphs a signed letter may run to
MAX_WEAK = 15  # ... when its opening alone would not make it a letter
MAX_UNSIGNED = 12  # paragraphs an unsigned letter may run to

_EXCLAMATIONS = {
    "god", "gods", "lord", "jesus", "christ", "heaven", "heavens", "merlin", "me", "goodness",
    "lord above", "god in heaven", "god almighty", "mother of god", "sweet merlin",
    "sweet jesus", "oh", "oh my", "me oh my",
}  # fmt: skip

# Capitalised words that stand alone in a letter's body but are not anyone's name.
_NOT_NAMES = {
    "yes", "no", "okay", "ok", "please", "sorry", "thanks", "nothing", "everything", "why",
    "what", "because", "maybe", "anyway", "goodbye", "bye", "love", "always", "forever",
    "hello", "hi", "hey", "me", "you", "i", "amen", "fine", "well", "oh", "ah", "so", "and",
    "but", "then", "now", "later", "soon", "never", "again", "here", "there", "today",
    "tomorrow", "tonight", "the", "end", "fin", "help", "stop", "wait", "listen", "look",
    "remember", "sincerely", "cheers", "regards", "yours", "mine", "us", "we", "ever", "still",
    "enough", "honestly", "really", "truly", "seriously", "whatever", "tbc", "finis",
}  # fmt: skip

_VALEDICTION = re.compile(
    r"^(?:"
    r"(?:all\s+(?:of\s+)?(?:my|our)\s+|lots\s+of\s+|with\s+(?:all\s+(?:of\s+)?my\s+)?|much\s+)?"
    r"love(?:\s+(?:always|you(?:\s+always)?|ya|forever|and\s+(?:kisses|hugs)|always\s+and\s+"
    r"forever))?|love\s+from|"
    r"yours(?:\s+(?:truly|always|forever|sincerely|faithfully|ever|lovingly|only))?|"
    r"(?:always\s+and\s+forever|always|forever|ever|eternally|truly|faithfully|sincerely|"
    r"lovingly|only|affectionately)(?:\s+(?:yours|your\s+\w+))?|"
    r"(?:best|kind|warm|warmest|kindest|fond|fondest)(?:\s+(?:regards|wishes))?|regards|"
    r"best\s+wishes|cheers|take\s+care|"
    r"your\s+(?:(?:best|loving|dearest|devoted|oldest|only|truest|faithful|humble|"
    r"favou?rite|little|big|secret|not-so-secret|one\s+and\s+only)\s+)?"
    r"(?:friend|servant|son|daughter|brother|sister|mother|father|mom|mum|dad|boyfriend|"
    r"girlfriend|husband|wife|love|lover|partner|uncle|aunt|cousin|pal|buddy|admirer|fan|"
    r"grandson|granddaughter|grandmother|grandfather|grandma|grandpa|kid|girl|boy|guy)|"
    r"xoxo|xo|x{1,5}|hugs(?:\s+and\s+kisses)?|kisses|miss(?:ing)?\s+you|"
    r"talk\s+(?:to\s+you\s+)?soon|see\s+you(?:\s+(?:soon|later|tomorrow|tonight))?|later|"
    r"until\s+(?:next\s+time|then|we\s+meet\s+again)|till\s+then|thanks|thank\s+you|fondly|"
    r"respectfully|warmly|god\s+bless|peace|goodbye|bye|farewell|adieu|be\s+well|stay\s+safe|"
    r"cordially|gratefully|with\s+(?:gratitude|thanks)|hope\s+to\s+hear\s+from\s+you(?:\s+soon)?"
    r")$",
    re.IGNORECASE,
)
# Addressed without a name: "Hi Mom," "Hello there," "Hey guys,".
_FOLKS = {"mom", "mum", "dad", "there", "you", "all", "everyone", "guys", "love", "babe"}
_DETERMINERS = {"a", "an", "this", "that", "my", "your", "his", "her", "their", "our"}
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'\u2019.\-]*|[A-Z]\.|[A-Z])$")
_CONNECTORS = {"and", "&", "of", "de", "van", "von", "la", "le", "du", "da", "del"}
_DASH = "-\u2013\u2014~\u2015"
_FIRST_SECOND = {
    "i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "myself", "you", "you're",
    "you've", "you'd", "you'll", "your", "yours", "yourself", "we", "we're", "we've", "we'd",
    "we'll", "us", "our", "ours",
}  # fmt: skip
_THIRD = {
    "he", "she", "they", "him", "her", "them", "his", "hers", "their", "theirs", "he'd",
    "she'd", "he's", "she's", "they're", "they'd", "himself", "herself", "themselves",
}  # fmt: skip


def _is_name(s: str, allow_lower: bool = False) -> bool:
    words = s.split()
    if not 1 <= len(words) <= 4 or len(s) > 32:
        return False
    if len(words) == 1 and words[0].lower().strip(".!") in _NOT_NAMES:
        return False
    if words[-1].lower() in _CONNECTORS or words[0].lower() in _CONNECTORS:
        return False
    if len(words) > 1 and any(w.lower().strip(".!") in _NOT_NAMES | _DETERMINERS for w in words):
        return False  # "The End", "Your Daughter"
    if allow_lower and len(words) == 1 and re.fullmatch(r"[^\W\d_][\w'\u2019.\-]*", s):
        return True
    return all(_NAME_WORD.match(w) or w.lower() in _CONNECTORS for w in words)


def salutation_kind(line: str) -> str | None:
    """Whether ``line`` opens a letter: "strong", "weak" (see the module notes) or None."""
    s = line.strip().strip("*_ ")
    if not s or len(s) > 60 or s[0] in QUOTES:
        return None
    punct = s[-1] if s[-1] in ",:;!" + _DASH else ""
    core = s[:-1].rstrip() if punct else s
    if not punct and not (core[-1:].isalnum() or core.endswith(")")):
        return None
    if not core or not 1 <= len(core.split()) <= 8:
        return None
    if re.search(r"[.?!;]\s", re.sub(r"\b(?:Mr|Mrs|Ms|Dr|St|Prof|Sr|Jr)\.", "", core)):
        return None  # a sentence, not a greeting ("Mr." is not a full stop)
    low = core.lower()
    m = re.match(
        r"(?:my\s+)?(?:(?:very|most|own)\s+)?(dear|dearest|darling|beloved|sweetest)\b\s*(.*)", low
    )
    if m:
        who = m.group(2).strip()
        if punct == "!" and (who in _EXCLAMATIONS or not who):
            return None  # "Dear me!", "Dear God!": a cry
        if not who or who in _EXCLAMATIONS or punct == "!" or who.startswith(("me ", "god ")):
            return "weak"
        return "strong"
    if punct in (",", ":") and re.fullmatch(r"my\s+(?:love|darling|dearest|angel|sweet\w*)", low):
        return "strong"  # "My love,"
    m = re.match(r"(hi|hey|hello|hiya|heya|howdy|greetings|yo)\b,?\s*(.*)", low)
    if m:
        who = core[len(core) - len(m.group(2)) :] if m.group(2) else ""
        if who and punct in (",", ":") and (_is_name(who) or who.lower().split()[0] in _FOLKS):
            return "strong"
        return "weak"
    m = re.match(r"to\s+(.+)", core, re.IGNORECASE)
    if m and punct in (",", ":", *_DASH) and core[:2] in ("To", "TO"):
        who = m.group(1)
        if _is_name(who) or who.lower().startswith(
            ("my ", "the ", "whom ", "whoever", "anyone", "you", "mom", "dad", "mum")
        ):
            return "strong"
        return None
    if punct in (",", ":", *_DASH) and _is_name(core):
        return "weak"
    return None


def _dashed_name(line: str) -> str | None:
    s = line.strip()
    if s[:1] in _DASH:
        name = s.lstrip(_DASH + " ").rstrip(" .!")
        if name and _is_name(name, allow_lower=True):
            return name
    return None


def _signature_line(line: str) -> str | None:
    """The signer's name when ``line`` is a name line: "Jess", "- Jess", "—Rory", "~R."."""
    s = line.strip().strip("*_").strip()
    dashed = _dashed_name(s)
    if dashed:
        return dashed
    if s.endswith(".") and not re.search(r"(?:\b[A-Z]\.|\b(?:Jr|Sr|Mr|Mrs|Ms|Dr)\.)$", s):
        return None  # "One." is a sentence; "J." and "R.G." are initials
    if _is_name(s) and not s.endswith(("!", "?", ",")):
        return s
    return None


def _your_name(line: str) -> str | None:
    """ "Your Jess", "Forever your Rory": a name that signs with a possessive."""
    m = re.match(r"^(?:(?:always|forever|only|ever)\s+)?your\s+(.+?)[.!]?$", line.strip(), re.I)
    return m.group(1) if m and _is_name(m.group(1)) else None


def _valediction(line: str) -> bool:
    return bool(_VALEDICTION.match(line.strip().strip("*_ ").rstrip(",.!…" + _DASH).strip()))


def closing_signature(lines: list[str]) -> tuple[bool, str | None] | None:
    """Whether ``lines`` are a sign-off, and the signer's name if it has one."""
    lines = [ln.strip() for ln in lines if ln.strip()]
    if not lines or len(lines) > 4:
        return None
    if len(lines) > 1 and re.fullmatch(r"(?i)[xo]{1,8}|<3", lines[-1]):
        lines = lines[:-1]  # kisses after the name: "Love,\nRory\nxoxo"
    *first, last = lines
    if first:
        if all(_valediction(ln) for ln in first):
            if _valediction(last):
                return True, None  # "Love,\nYour daughter"
            name = _signature_line(last) or _your_name(last)
            if name is None and _is_name(last, allow_lower=True):
                name = last.rstrip(".")
            return (True, name) if name else None
        return None
    if _your_name(last):
        return True, _your_name(last)
    if _valediction(last) and not last.rstrip("*_ ").endswith((".", "!", "?", "…")):
        return True, None  # "Love," / "Always" — but "Miss you." is a sentence of the body
    # "Love, Rory" / "Yours always - Jess" on one line.
    m = re.match(rf"^(.+?)\s*(?:,|\s[{_DASH}]+)\s*(.+)$", last)
    if m and _valediction(m.group(1)):
        name = m.group(2).strip().rstrip(".!")
        if _is_name(name, allow_lower=True):
            return True, name
    name = _signature_line(last)
    return (True, name) if name else None


def narrative(text: str) -> bool:
    """Third-person narration: he/she/they and no I/you/we."""
    words = set(re.findall(r"[a-z]+(?:['\u2019][a-z]+)?", text.lower().replace("\u2019", "'")))
    return bool(words & _THIRD) and not words & _FIRST_SECOND


def _stops(p: Paragraph) -> bool:
    t = p.text
    return (
        is_dialogue(t)
        or labelled_heading(t) is not None
        or ("\n" not in t and salutation_kind(t) == "strong")
    )


def _closing_at(
    seq: list[Paragraph], j: int
) -> tuple[int, Paragraph, str | None, Paragraph | None] | None:
    """A sign-off at ``seq[j]``: (paragraphs used, closing, signature, body part before it)."""
    lines = seq[j].text.split("\n")
    found = closing_signature(lines)
    if found:
        _, name = found
        if name is None and j + 1 < len(seq):
            # The valediction and the name as two paragraphs: "Love," / "Rory".
            nxt = seq[j + 1].text
            name2 = _signature_line(nxt) if "\n" not in nxt else None
            if name2:
                return 2, join([seq[j], seq[j + 1]]), name2, None
        return 1, seq[j], name, None
    for cut in range(max(1, len(lines) - 4), len(lines)):
        found = closing_signature(lines[cut:])
        if found and found[1] and not _valediction(lines[cut - 1]):
            head, tail = split_lines(seq[j], cut)
            return 1, tail, found[1], head
    return None


def _postscripts(seq: list[Paragraph], j: int) -> int:
    """The index after the "P.S." paragraphs (and kisses: "xxx") that follow a sign-off."""
    k = j
    while k < len(seq) and (
        re.match(r"^\s*p\.?\s?(?:p\.?\s?)*s\b\.?", seq[k].text, re.IGNORECASE)
        or kisses(seq[k].text)
    ):
        k += 1
    return k


def take_letter(paras: list[Paragraph], i: int) -> tuple[Letter, int] | None:
    """The letter that starts at ``paras[i]`` and the index after it, if one does."""
    first = paras[i]
    lines = first.text.split("\n")
    kind = salutation_kind(lines[0])
    if kind is None:
        return None
    # Only a window of the scene is looked at: no letter runs longer than that.
    window = paras[i + 1 : i + MAX_SIGNED + 3]
    complete = i + MAX_SIGNED + 3 >= len(paras)  # the window reaches the end of the scene
    if len(lines) > 1:
        salutation, rest = split_lines(first, 1)
        seq = [salutation, rest, *window]
        offset = i - 1  # seq[k] is paras[k + offset] for k >= 2
    else:
        seq = [first, *window]
        offset = i
    limit = MAX_SIGNED if kind == "strong" else MAX_WEAK

    end = len(seq)
    for j in range(1, min(len(seq), limit + 1)):
        if _stops(seq[j]):
            end = j
            break
        found = _closing_at(seq, j)
        if found is None:
            continue
        used, closing, signature, head = found
        body = seq[1:j] + ([head] if head else [])
        if not body:
            continue  # a sign-off right under the salutation is the body's first line
        if kind == "weak" and not signature:
            return None
        after = _postscripts(seq, j + used)
        if after > j + used:
            closing = join([closing, *seq[j + used : after]], blank_line=True)
        return Letter(seq[0], body, closing, signature), after + offset
    else:
        if len(seq) > limit + 1:
            end = limit + 1  # ran out of patience: not a natural end

    if kind == "weak":
        return None
    for j in range(1, min(end, MAX_UNSIGNED + 1)):
        if narrative(seq[j].text):
            end = j
            break
    natural = end <= MAX_UNSIGNED + 1 and (
        (end == len(seq) and complete) or _stops(seq[end]) or narrative(seq[end].text)
    )
    if end < 2 or not natural:
        return None
    return Letter(seq[0], seq[1:end], None, None), end + offset

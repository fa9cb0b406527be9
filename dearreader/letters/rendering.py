"""A letter's text as HTML: rendered once, with `{name}` left as a mark that each copy fills.

A letter to 10,000 members is rendered once, like a chapter (the same prose rules and the same
sanitising); each copy holds only the name its `{name}` becomes, put in (escaped) when the copy
is shown. The mark is a private-use character: any the writer typed are dropped first, so only
`{name}` makes one. A mark left inside a tag (a link's address, a title) would let a name write
an address (`javascript:`): there `{name}` stays as typed, and names go into text only.
"""

import re
from html import escape

from dearreader.works.rendering import render_body

NAME = "{name}"
MARK = "\ue000"
# A tag as nh3 writes it: attribute values always in double quotes, "<" in text always escaped.
_TAG = re.compile(r'<(?:[^>"]|"[^"]*")*>')


# The mark as a link address carries it (percent-encoded UTF-8), and `{name}` so encoded.
_MARK_IN_ADDRESS = "%EE%80%80"
_NAME_IN_ADDRESS = "%7Bname%7D"


def _as_typed(tag: re.Match[str]) -> str:
    return tag.group(0).replace(MARK, NAME).replace(_MARK_IN_ADDRESS, _NAME_IN_ADDRESS)


def render_letter(body: str) -> str:
    text = body.replace(MARK, "").replace(NAME, MARK)
    return _TAG.sub(_as_typed, render_body(text, "text").html)


def addressed(html: str, name: str) -> str:
    """The rendered letter as one recipient reads it."""
    return html.replace(MARK, escape(name))


def addressed_subject(subject: str, name: str) -> str:
    """A subject is plain text (escaped where it is shown)."""
    return subject.replace(NAME, name)

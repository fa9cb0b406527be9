"""A rule left open in a stylesheet nests every later rule inside it (CSS nesting), so that
none of them applies where it was meant to: each stylesheet must close what it opens."""

import re
from pathlib import Path

import pytest

STATIC = Path(__file__).resolve().parents[2] / "static"
SHEETS = sorted(STATIC.rglob("*.css"))


@pytest.mark.parametrize("sheet", SHEETS, ids=lambda path: path.name)
def test_every_rule_a_stylesheet_opens_is_closed(sheet: Path) -> None:
    text = re.sub(r"/\*.*?\*/", "", sheet.read_text(), flags=re.S)
    line = 1
    opened: list[int] = []
    for char in text:
        if char == "\n":
            line += 1
        elif char == "{":
            opened.append(line)
        elif char == "}":
            assert opened, f"{sheet.name}: a closing brace with nothing open, line {line}"
            opened.pop()
    assert not opened, f"{sheet.name}: rules opened on lines {opened} are never closed"


def test_the_stylesheets_are_found() -> None:
    assert {"site.css", "letters.css"} <= {sheet.name for sheet in SHEETS}

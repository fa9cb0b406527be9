"""Pages of a long list without counting it: one row more than a page is read, to know whether
another page follows. (Django's Paginator counts every row to say "page 3 of 400".)"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any


@dataclass
class Window:
    object_list: Sequence[Any]
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    @property
    def next_page_number(self) -> int:
        return self.number + 1

    @property
    def previous_page_number(self) -> int:
        return self.number - 1


def window(rows: Any, page: str | None, size: int) -> Window:
    """Page `page` (1 when missing or not a number) of `rows`, a queryset or a list."""
    number = int(page) if page and page.isdigit() and 0 < int(page) < 100_000 else 1
    start = (number - 1) * size
    found = list(rows[start : start + size + 1])
    return Window(found[:size], number, len(found) > size)

"""Where each argument's lines fall in a list: wrapped heights at one width, found by bisection.

Plain data and arithmetic, no Textual: `ArgumentList` keeps one `RowLayout` per
width and asks it which row (and which line of it) a screen line shows.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import NamedTuple

from tui.core.layout.wrap import line_counter, narrow_flags


class ArgumentRow(NamedTuple):
    """One argument as the list shows it: plain text, no markup."""

    id: str
    claim: str
    meta: str = ""  # "3 quotes · 2 rebuttals · Public health"; empty for none
    mark: str = ""  # where it stands in the student's case: "✓ in your case"; "" for nowhere

    @property
    def meta_line(self) -> str:
        """The dim line as shown: the mark first, so it reads whatever the width."""
        return with_mark(self.mark, self.meta)


def with_mark(mark: str, text: str) -> str:
    """A list's dim line with the case's mark in front: "✓ in your case · 2 quotes"."""
    return f"{mark} · {text}" if mark and text else mark or text


def narrowness(rows: Sequence[ArgumentRow]) -> list[tuple[bool, bool]]:
    """Per row, whether its claim and its meta line are all one-cell characters."""
    return list(zip(narrow_flags([row.claim for row in rows]),
                    narrow_flags([row.meta_line for row in rows]), strict=True))


class RowLayout:
    """Where every row starts at one width: running sums of wrapped heights, one rule between."""

    __slots__ = ("starts", "width")

    def __init__(self, rows: Sequence[ArgumentRow], narrow: Sequence[tuple[bool, bool]],
                 width: int) -> None:
        """`narrow`: per row, whether its claim and its meta line are all one-cell
        characters (`narrowness(rows)`), which does not change with the width."""
        self.width = width
        count = line_counter(width)
        heights = (
            count(row.claim, claim_narrow)
            + (count(row.meta_line, meta_narrow) if row.meta or row.mark else 0)
            + 1  # the rule below the row
            for row, (claim_narrow, meta_narrow) in zip(rows, narrow, strict=True)
        )
        self.starts = [0, *accumulate(heights)]

    @property
    def height(self) -> int:
        """Lines in all: rows and the rules between them (none after the last)."""
        return max(self.starts[-1] - 1, 0)

    def span(self, index: int) -> tuple[int, int]:
        """The first line of a row and its height, its rule excluded."""
        start = self.starts[index]
        return start, self.starts[index + 1] - start - 1

    def locate(self, y: int) -> tuple[int, int] | None:
        """(row, line within the row) at line `y`; the row's height as the line is its rule."""
        if not 0 <= y < self.height:
            return None
        index = bisect_right(self.starts, y) - 1
        return index, y - self.starts[index]

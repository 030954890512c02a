"""Greedy word wrap of plain text in terminal cells, fast enough to measure 10,000 rows.

Lines break at spaces and newlines; a word is cut only when it alone is wider
than the line. Text whose every character is one cell wide (nearly all prose)
is wrapped by one compiled regular expression, in C; anything else (wide or
zero-width characters) by a loop that measures each character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache

from rich.cells import cell_len, get_character_cell_size

# Any character not known to take exactly one cell. Known: printable ASCII,
# Latin-1 and the Latin extensions, Greek and Cyrillic (the ranges rich treats
# as single-cell), and General Punctuation (dashes, curly quotes, ellipsis);
# newlines too, which end lines. Tabs and control characters are not known.
_NOT_NARROW = re.compile("[^\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482"
                         "\u2010-\u2027\u2030-\u205e\n]")


def is_narrow(text: str) -> bool:
    """True when every character of `text` (newlines aside) is one cell wide."""
    return _NOT_NARROW.search(text) is None


def narrow_flags(texts: Sequence[str]) -> list[bool]:
    """`is_narrow` of each text; one search over them all when, as usual, all are."""
    if _NOT_NARROW.search("\n".join(texts)) is None:
        return [True] * len(texts)
    return [is_narrow(text) for text in texts]


@lru_cache(maxsize=32)
def _line_pattern(width: int) -> re.Pattern[str]:
    # A line: the longest run of at most `width` characters that starts with a
    # non-space and ends before a space, a newline or the end. When no such run
    # exists, the next `width` characters of an over-long word.
    return re.compile(rf"[^ \n].{{0,{width - 1}}}(?=[ \n]|$)|[^ \n]{{{width}}}")


def wrap(text: str, width: int) -> list[str]:
    """The lines of `text` at `width` cells, without the spaces where it broke.

    Text with no words (empty, or only spaces) is one empty line, so that every
    piece of text takes at least one line.
    """
    width = max(width, 1)
    if is_narrow(text):
        if len(text) <= width and "\n" not in text:
            return [text.strip(" ")] if text.strip(" ") else [""]
        lines = _line_pattern(width).findall(text)
    else:
        lines = _wrap_measured(text, width)
    return lines or [""]


def wrap_spans(text: str, width: int) -> list[tuple[int, int]]:
    """The (start, end) character offsets of each line of `text` wrapped at `width`
    cells, the same greedy way as `wrap`. Every newline ends a line, and an empty
    paragraph is one empty line, as on the page."""
    width = max(width, 1)
    narrow = is_narrow(text)
    finditer = _line_pattern(width).finditer
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        if narrow:
            found = [(start + m.start(), start + m.end()) for m in finditer(paragraph)]
        else:
            found = [(start + a, start + b) for a, b in _measured_spans(paragraph, width)]
        spans += found or [(start, start)]
        start += len(paragraph) + 1
    return spans


class WrappedLines:
    """A text's lines at one width, as (start, end) offsets, wrapped again only when the
    width changes; and the line a character offset falls on."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._width = -1
        self._spans: list[tuple[int, int]] = []
        self._starts: list[int] = []

    def at(self, width: int) -> list[tuple[int, int]]:
        if width != self._width:
            self._width = width
            self._spans = wrap_spans(self.text, width)
            self._starts = [start for start, _end in self._spans]
        return self._spans

    def line_of(self, offset: int, width: int) -> int:
        self.at(width)
        return max(bisect_right(self._starts, offset) - 1, 0)


def _measured_spans(paragraph: str, width: int) -> list[tuple[int, int]]:
    """The greedy wrap of one paragraph holding wide or zero-width characters, as
    (start, end) offsets: each word measured in cells, and the spaces between two
    words on a line counted as they are."""
    spans: list[tuple[int, int]] = []
    line_start = line_end = used = 0
    in_line = False
    for word in re.finditer(r"[^ ]+", paragraph):
        cells = cell_len(word.group())
        gap = word.start() - line_end
        if in_line and used + gap + cells <= width:
            line_end, used = word.end(), used + gap + cells
            continue
        if in_line:
            spans.append((line_start, line_end))
        used = 0
        piece_start = word.start()
        for position in range(word.start(), word.end()):  # cut a word wider than a line
            size = get_character_cell_size(paragraph[position])
            if used + size > width and position > piece_start:
                spans.append((piece_start, position))
                piece_start, used = position, 0
            used += size
        line_start, line_end, in_line = piece_start, word.end(), True
    if in_line:
        spans.append((line_start, line_end))
    return spans


def line_counter(width: int) -> Callable[[str, bool], int]:
    """`count(text, narrow)`: how many lines `wrap(text, width)` gives, without building
    them when it can; `narrow` is `is_narrow(text)`, worked out once by the caller."""
    width = max(width, 1)
    findall = _line_pattern(width).findall

    def count(text: str, narrow: bool) -> int:
        if not narrow:
            return len(_wrap_measured(text, width)) or 1
        if len(text) <= width and "\n" not in text:
            return 1
        return len(findall(text)) or 1

    return count


def line_count(text: str, width: int) -> int:
    """How many lines `wrap(text, width)` gives."""
    return line_counter(width)(text, is_narrow(text))


def _wrap_measured(text: str, width: int) -> list[str]:
    """`wrap` for text with wide or zero-width characters: the lines of `wrap_spans`."""
    # Blank lines are not kept, as in the one-cell path's pattern.
    return [text[start:end] for start, end in wrap_spans(text, width) if end > start]

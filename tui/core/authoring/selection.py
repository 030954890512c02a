"""Choosing a passage of an article by keyboard: a caret on a word, and a selection
that starts at a word and grows or shrinks by words and by sentences.

Selections are made of whole words (runs of non-space characters, so a quotation
mark stays with its word), which is what the validator asks of a quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\S+")
# A word that ends a sentence: a full stop, ! or ?, perhaps inside quotation marks or brackets.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\Z")
_FIGURE = re.compile(r"(?<![\w.])(\d[\d,]*(?:\.\d+)?)(\s?%| per ?cent)?")


@dataclass
class Selection:
    """The caret and the selection in one article's text, as indexes of its words."""

    text: str
    words: list[tuple[int, int]] = field(init=False)
    caret: int = 0  # the word the caret is on; while selecting, the selection's last word
    anchor: int | None = None  # the selection's first word, or None

    def __post_init__(self) -> None:
        self.words = [m.span() for m in _TOKEN.finditer(self.text)]

    @property
    def active(self) -> bool:
        return self.anchor is not None

    @property
    def span(self) -> tuple[int, int] | None:
        """The selected characters (start, end), or None."""
        if self.anchor is None or not self.words:
            return None
        return self.words[self.anchor][0], self.words[self.caret][1]

    @property
    def caret_span(self) -> tuple[int, int] | None:
        return self.words[self.caret] if self.words else None

    @property
    def selected(self) -> str:
        span = self.span
        return self.text[span[0]:span[1]] if span else ""

    def word_count(self) -> int:
        return self.caret - self.anchor + 1 if self.anchor is not None else 0

    # -- the caret, with nothing selected --------------------------------------------

    def move_words(self, step: int) -> None:
        self.caret = min(max(self.caret + step, 0), max(len(self.words) - 1, 0))

    def move_sentences(self, step: int) -> None:
        """To the first word of the next (or this, then the previous) sentence."""
        starts = [i for i in range(len(self.words)) if i == 0 or self._ends(i - 1)]
        if step > 0:
            self.caret = next((i for i in starts if i > self.caret), self.caret)
        else:
            self.caret = next((i for i in reversed(starts) if i < self.caret), 0)

    def move_to(self, offset: int) -> None:
        """To the first word that ends after a character offset (a line's start)."""
        self.caret = next((i for i, (_s, e) in enumerate(self.words) if e > offset),
                          max(len(self.words) - 1, 0))

    # -- the selection -----------------------------------------------------------------

    def start(self) -> None:
        if self.words:
            self.anchor = self.caret

    def cancel(self) -> None:
        """Drop the selection; the caret goes back to where it started."""
        if self.anchor is not None:
            self.caret = self.anchor
        self.anchor = None

    def extend_word(self) -> None:
        self.caret = min(self.caret + 1, len(self.words) - 1)

    def shrink_word(self) -> None:
        if self.anchor is not None:
            self.caret = max(self.caret - 1, self.anchor)

    def extend_sentence(self) -> None:
        """To the end of the sentence; if already there, to the end of the next."""
        following = range(self.caret + 1, len(self.words))
        self.caret = next((i for i in following if self._ends(i)), len(self.words) - 1)

    def shrink_sentence(self) -> None:
        """Back to the end of the sentence before; the first word if there is none."""
        if self.anchor is None:
            return
        earlier = range(self.caret - 1, self.anchor - 1, -1)
        self.caret = next((i for i in earlier if self._ends(i)), self.anchor)

    def _ends(self, index: int) -> bool:
        """Whether a word ends a sentence, or a paragraph (a headline has no full stop)."""
        start, end = self.words[index]
        following = self.words[index + 1][0] if index + 1 < len(self.words) else len(self.text)
        return (_SENTENCE_END.search(self.text[start:end]) is not None
                or self.text.count("\n", end, following) >= 2)


def figures(passage: str) -> list[tuple[int | float, str]]:
    """The numbers in a passage as (value, unit if the text gives one): "71%" -> (71, "%")."""
    found: list[tuple[int | float, str]] = []
    for match in _FIGURE.finditer(passage):
        digits = match.group(1).replace(",", "").rstrip(".")
        if not digits:
            continue
        value: int | float = float(digits) if "." in digits else int(digits)
        found.append((value, "%" if match.group(2) else ""))
    return found

"""Finding a quote's passage in its source despite typographic differences.

A quote may differ from its article in white space, straight versus curly
quotation marks and apostrophes, and hyphen versus dash; nothing else. It is
made of whole words: it may not start or end inside a word of the article.
"""

from __future__ import annotations

import re

APOSTROPHES = "'‘’‚‛′`´"
_DOUBLE_QUOTES = '"“”„‟″«»'
_DASHES = "-‐‑‒–—―−"
_CLASSES = {
    **{c: "[" + re.escape(APOSTROPHES) + "]" for c in APOSTROPHES},
    **{c: "[" + re.escape(_DOUBLE_QUOTES) + "]" for c in _DOUBLE_QUOTES},
    # "years - and" and "years—and" are the same words: a dash may be spaced or not
    **{c: r"\s*[" + re.escape(_DASHES) + r"]\s*" for c in _DASHES},
}

# Each typographic variant maps to one plain character, so a plain copy of an
# article keeps every offset of the original.
_PLAIN = str.maketrans({**{c: "'" for c in APOSTROPHES}, **{c: '"' for c in _DOUBLE_QUOTES},
                        **{c: "-" for c in _DASHES}})


def _pattern(quote: str) -> re.Pattern[str]:
    parts = []
    previous = ""
    for word in quote.split():
        if previous:  # a dash's class already takes the spaces around it, if any
            parts.append("" if previous[-1] in _DASHES or word[0] in _DASHES else r"\s+")
        parts.append("".join(_CLASSES.get(c) or re.escape(c) for c in word))
        previous = word
    # Whole words only: "save live" is not in "save lives".
    before = r"(?<!\w)" if previous and quote.lstrip()[0].isalnum() else ""
    after = r"(?!\w)" if previous and previous[-1].isalnum() else ""
    return re.compile(before + "".join(parts) + after)


class Article:
    """One source's text, made ready once for the many quotes looked up in it."""

    __slots__ = ("_plain", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._plain: str | None = None

    @property
    def plain(self) -> str:
        if self._plain is None:
            self._plain = self.text.translate(_PLAIN)
        return self._plain

    def locate(self, quote: str) -> tuple[int, int] | None:
        """The (start, end) character offsets of the quote's first occurrence, or None."""
        quote = quote.strip()
        if not quote:
            return None
        text = self.text
        found = _find_whole(quote, text)  # the common case: copied exactly
        if found is None:  # typographic quotes or dashes differ, spacing does not
            found = _find_whole(quote.translate(_PLAIN), self.plain)
        if found is not None:
            return found
        match = _pattern(quote).search(text)  # spacing differs too: the slow, general way
        if match is None:
            return None
        start, end = match.span()
        while text[start].isspace():  # a leading or trailing dash may have taken a space
            start += 1
        while text[end - 1].isspace():
            end -= 1
        return start, end


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """`Article(text).locate(quote)`, for a single look-up."""
    return Article(text).locate(quote)


def _find_whole(quote: str, text: str) -> tuple[int, int] | None:
    start = text.find(quote)
    while start >= 0:
        end = start + len(quote)
        if _whole_words(text, start, end):
            return start, end
        start = text.find(quote, start + 1)
    return None


def _whole_words(text: str, start: int, end: int) -> bool:
    """True unless the passage starts or ends inside a word of the text."""
    cut_before = start > 0 and text[start - 1].isalnum() and text[start].isalnum()
    cut_after = end < len(text) and text[end].isalnum() and text[end - 1].isalnum()
    return not (cut_before or cut_after)


def closest_passage(quote: str, text: str) -> str:
    """The longest leading run of the quote's words found in the text, for a hint."""
    words = quote.split()
    low, high = 0, len(words)
    while low < high:  # binary search on prefix length: found prefixes are monotone
        middle = (low + high + 1) // 2
        if _pattern(" ".join(words[:middle])).search(text):
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low])

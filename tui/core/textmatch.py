"""Finding a quote's passage in its source despite typographic differences.

A quote may differ from its article in white space, straight versus curly
quotation marks and apostrophes, and hyphen versus dash; nothing else.
"""

from __future__ import annotations

import re

_APOSTROPHES = "'‘’‚‛′`´"
_DOUBLE_QUOTES = '"“”„‟″«»'
_DASHES = "-‐‑‒–—―−"
_CLASSES = {
    **{c: "[" + re.escape(_APOSTROPHES) + "]" for c in _APOSTROPHES},
    **{c: "[" + re.escape(_DOUBLE_QUOTES) + "]" for c in _DOUBLE_QUOTES},
    **{c: "[" + re.escape(_DASHES) + "]" for c in _DASHES},
}


def _pattern(quote: str) -> re.Pattern[str]:
    words = quote.split()
    parts = ["".join(_CLASSES.get(c) or re.escape(c) for c in word) for word in words]
    return re.compile(r"\s+".join(parts))


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """The (start, end) character offsets of the quote's first occurrence, or None."""
    quote = quote.strip()
    if not quote:
        return None
    start = text.find(quote)  # the common case: copied exactly
    if start >= 0:
        return start, start + len(quote)
    found = _pattern(quote).search(text)
    return (found.start(), found.end()) if found else None


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

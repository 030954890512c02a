"""Finding a quote's passage in its source despite typographic differences.

A quote may differ from its article in white space, straight versus curly
quotation marks and apostrophes, and hyphen versus dash; nothing else. It is
made of whole words: it may not start or end inside a word of the article.
"""

from __future__ import annotations

import re
from array import array

APOSTROPHES = "'‘’‚‛′`´"
_DOUBLE_QUOTES = '"“”„‟″«»'
_DASHES = "-‐‑‒–—―−"
# Each typographic variant maps to one plain character, so a plain copy of an
# article keeps every offset of the original.
_PLAIN = str.maketrans({**{c: "'" for c in APOSTROPHES}, **{c: '"' for c in _DOUBLE_QUOTES},
                        **{c: "-" for c in _DASHES}})


# After the plain mapping, how spacing may differ: a run of white space is one
# space, and white space around a dash is none ("years - and" is "years-and").
# Each token is tried once where it starts, so this is linear in the text.
_TOKEN = re.compile(r"\s*-\s*|\s+")


class _Spacing:
    """A text with typography made plain and spacing made canonical, and, for each
    character of that, the offset of the character of the text it stands for."""

    __slots__ = ("canonical", "offsets")

    def __init__(self, plain: str) -> None:
        pieces: list[str] = []
        offsets = array("q")  # 8 bytes a character, not a Python int each
        done = 0
        for match in _TOKEN.finditer(plain):
            start, end = match.span()
            if start > done:  # the text between: kept as it is
                pieces.append(plain[done:start])
                offsets.extend(range(done, start))
            token = match.group()
            if "-" in token:
                dash = start + token.index("-")
                pieces.append("-")
                offsets.append(dash)
            else:
                pieces.append(" ")
                offsets.append(start)
            done = end
        pieces.append(plain[done:])
        offsets.extend(range(done, len(plain)))
        self.canonical = "".join(pieces)
        self.offsets = offsets


def _canonical(quote: str) -> str:
    return _Spacing(quote.strip().translate(_PLAIN)).canonical


class Article:
    """One source's text, made ready once for the many quotes looked up in it."""

    __slots__ = ("_plain", "_spacing", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._plain: str | None = None
        self._spacing: _Spacing | None = None

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
        return self._find_spaced(quote)  # spacing differs too: the slower, general way

    def _find_spaced(self, quote: str) -> tuple[int, int] | None:
        """The first whole-word occurrence of the quote with spacing made canonical."""
        wanted = _canonical(quote)
        if not wanted:
            return None
        if self._spacing is None:
            self._spacing = _Spacing(self.plain)
        canonical, offsets, text = self._spacing.canonical, self._spacing.offsets, self.text
        # "Whole words" as the quote's ends say: a quote ending in "," may end before a word.
        check_before, check_after = wanted[0].isalnum(), wanted[-1].isalnum()
        at = canonical.find(wanted)
        while at >= 0:
            start, end = offsets[at], offsets[at + len(wanted) - 1] + 1
            if not (check_before and start > 0 and _is_word(text[start - 1])) and not (
                    check_after and end < len(text) and _is_word(text[end])):
                return start, end
            at = canonical.find(wanted, at + 1)
        return None


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


def _is_word(character: str) -> bool:
    return character.isalnum() or character == "_"


def closest_passage(quote: str, text: str) -> str:
    """The longest leading run of the quote's words found in the text, for a hint."""
    words = quote.split()
    article = Article(text)
    low, high = 0, len(words)
    while low < high:  # binary search on prefix length: found prefixes are monotone
        middle = (low + high + 1) // 2
        if article._find_spaced(" ".join(words[:middle])) is not None:
            low = middle
        else:
            high = middle - 1
    return " ".join(words[:low])


_MARKS = APOSTROPHES + _DOUBLE_QUOTES


def missing_mark(quote: str, start: str, article: Article) -> str:
    """A hint naming the quotation mark that stops a quote matching after `start`
    (the longest leading run of its words the article has), or ""."""
    words = quote.split()
    rest = " ".join(words[len(start.split()):])
    found = article._find_spaced(start) if start else None
    if not rest or found is None:
        return ""
    after = article.text[found[1]:].lstrip()
    mark = after[:1]
    if mark and mark in _MARKS and not rest.startswith(mark):
        following = re.search(r"\w+", after[1:])
        next_word = following.group() if following else ""
        if next_word and re.match(r"\W*" + re.escape(next_word), rest):
            return (f"the source has '{start}' and then the quotation mark {mark} before "
                    f"'{next_word}': copy the mark too, or end the quote before it")
    if rest[0] in _MARKS and mark != rest[0]:
        return (f"the quote has the quotation mark {rest[0]} after '{start}', which the "
                "source does not have there: remove it")
    return ""

"""Turning text into comparable words, the same way for what is indexed and what is typed.

Case, accents, typographic quotes and dashes, possessive "'s" and thousands
separators must not stop a match: "Malthouse's" is found by "malthouse",
"4,300" by "4300", "Priyadarshí" by "priyadarshi".
"""

from __future__ import annotations

import re
import string
import unicodedata

from tui.core.pack.textmatch import APOSTROPHES as _APOSTROPHES

# Apostrophes vanish inside words ("don't" -> "dont") so that either spelling is one word.
_FOLD = str.maketrans({c: "'" for c in _APOSTROPHES})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}\b)")
# A word is a run of letters and digits. Everything else separates words, a decimal
# point too ("4.5" is "4" and "5"), in the text and in the query alike.
_WORD = re.compile(r"[^\W_]+")
_SEPARATORS = str.maketrans(dict.fromkeys(string.punctuation, " "))

# Words too common to tell records apart; they are neither indexed nor required in a query.
STOPWORDS = frozenset((
    "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "and", "or", "is", "are", "was",
    "were", "be", "been", "it", "its", "that", "this", "with", "as", "from",
))


def fold(text: str) -> str:
    """Casefolded text without accents, with one kind of apostrophe and no thousands separators."""
    if text.isascii():  # most text is, and lower() is several times faster on it
        plain = text.lower().replace("`", "'")
    else:
        decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).casefold())
        plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    if "'" in plain:
        plain = _POSSESSIVE.sub("", plain).replace("'", "")
    return _THOUSANDS.sub("", plain) if "," in plain else plain


def words(text: str) -> list[str]:
    """Every word of the text, folded, in order (stopwords included)."""
    plain = fold(text)
    if plain.isascii():  # the same words as the pattern finds, several times faster
        return plain.translate(_SEPARATORS).split()
    return _WORD.findall(plain)


def keywords(text: str) -> list[str]:
    """The words of the text that are worth searching for."""
    return [w for w in words(text) if w not in STOPWORDS]

"""Small pieces of English shared by the command line and the screens."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 error", "2 errors", "3 analyses" (with `nouns` for an irregular plural) """
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"

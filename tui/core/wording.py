"""Small pieces of English shared by the command line and the screens."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """ "1 error", "2 errors", "3 analyses" (with `nouns` for an irregular plural) """
    return f"{count} {noun if count == 1 else (nouns or noun + 's')}"


def the_others(positions: int, possessive: bool = False) -> str:
    """How a student's opponents are named: "the other side" in a debate of two
    positions, "the other positions" in one of more."""
    if positions <= 2:
        return "the other side's" if possessive else "the other side"
    return "the other positions'" if possessive else "the other positions"


def side_word(positions: int) -> str:
    """What one of the debate's positions is called when speaking to a student."""
    return "side" if positions <= 2 else "position"

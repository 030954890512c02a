"""What a typed word may mean in a pack's vocabulary: itself, a longer word, or a near spelling.

Each meaning comes with a tier (exact, prefix, fuzzy) and a quality from 0 to 1,
so that the search can rank "room" above "rooms" above "roam".
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Mapping
from operator import itemgetter

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Match tiers, wider apart than any quality x field weight (at most 1 x 2), so that an
# exact match always outranks a prefix one and a prefix match a fuzzy one.
EXACT, PREFIX, FUZZY = 6.0, 3.0, 0.0

# "c" must not pull in every word starting with c: at most this many completions,
# the shortest first, while the word's postings, its exact ones included, stay
# under the budget (a word found in most records needs no completing).
PREFIX_EXPANSIONS = 40
PREFIX_POSTINGS = 30_000
FUZZY_EXPANSIONS = 20

Meaning = tuple[str, float, float]  # (vocabulary word, tier, quality 0..1)


def max_typos(word: str) -> int:
    """How many edits a query word may be from an indexed word: none under 4 letters."""
    if len(word) < 4 or not word.isalpha():
        return 0
    return 1 if len(word) < 8 else 2


def inflection_room(word: str) -> int:
    """How much longer a finished word's inflections may be.

    "room" -> "rooms", "fund" -> "funded".
    """
    return 2 if len(word) < 5 else 3


class Vocabulary:
    """The distinct words of a pack, each with how many records it is found in."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        self._counts = counts
        self._sorted = sorted(counts)
        self._by_length: dict[int, list[str]] = {}
        for word in self._sorted:
            self._by_length.setdefault(len(word), []).append(word)

    def __len__(self) -> int:
        return len(self._sorted)

    def meanings(self, word: str, unfinished: bool) -> list[Meaning]:
        """Every vocabulary word the typed word may stand for.

        A finished word also matches its inflections; an unfinished one (still being
        typed) any longer word it begins. Only a word the pack does not contain, and
        that does not begin a word of the pack while it is being typed, is taken for
        a typo: a real word is not blurred into its neighbours, and the fuzzy pass
        (the slowest step) is paid for rarely.
        """
        found: list[Meaning] = []
        exact = word in self._counts
        if exact:
            found.append((word, EXACT, 1.0))
        longest = None if unfinished else len(word) + inflection_room(word)
        budget = PREFIX_POSTINGS - (self._counts[word] if exact else 0)
        completions = self._completions(word, longest, budget, at_least_one=not exact)
        found += ((term, PREFIX, len(word) / len(term)) for term in completions)
        typos = 0 if exact or (unfinished and completions) else max_typos(word)
        if typos:
            found += (
                (term, FUZZY, 1.0 - distance / max(len(word), len(term)))
                for term, distance in self._near(word, typos)
                if not term.startswith(word)
            )
        return found

    def _completions(
        self, prefix: str, longest: int | None, budget: int, at_least_one: bool
    ) -> list[str]:
        """The shortest words (at most `longest` letters) extending the prefix, within budget."""
        start = bisect_left(self._sorted, prefix)
        end = bisect_left(self._sorted, prefix + "\U0010ffff", start)
        found = (
            t for t in self._sorted[start:end]
            if t != prefix and (longest is None or len(t) <= longest)
        )
        chosen: list[str] = []
        for term in heapq.nsmallest(PREFIX_EXPANSIONS, found, key=lambda t: (len(t), t)):
            budget -= self._counts[term]
            if budget < 0 and (chosen or not at_least_one):
                break
            chosen.append(term)
        return chosen

    def _near(self, word: str, typos: int) -> list[tuple[str, int]]:
        """Words within `typos` edits, nearest first (a swap of neighbours is one edit)."""
        found: list[tuple[str, int]] = []
        for length in range(len(word) - typos, len(word) + typos + 1):
            candidates = self._by_length.get(length)
            if candidates:
                found += (
                    (term, distance)
                    for term, distance, _ in process.extract(
                        word, candidates, scorer=OSA.distance, score_cutoff=typos, limit=None
                    )
                    if distance
                )
        found.sort(key=itemgetter(1))
        return found[:FUZZY_EXPANSIONS]


def names(query_words: list[str], name_words: list[str]) -> bool:
    """Whether every query word is a word of the name, the start of one, or a typo of one."""
    return bool(query_words) and all(
        any(word == part or part.startswith(word)
            or OSA.distance(word, part, score_cutoff=max_typos(word)) <= max_typos(word)
            for part in name_words)
        for word in query_words)

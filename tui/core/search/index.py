"""Typo-tolerant search over a debate's arguments, quotes, speakers, sources and facts.

Each record is indexed once as words, under the field weight of the best field
each word appears in (`search_records`). A query word may mean several words of
the pack (`search_words`); a record's score for it is its best such match, and
its score for the query the sum over the query's words. Every query word must
match for a record to be listed, unless no record matches them all.
"""

from __future__ import annotations

import heapq
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from itertools import compress
from operator import add, itemgetter, neg

from tui.core.pack.model import Debate
from tui.core.search.records import KINDS, TITLE, searchable, shown
from tui.core.search.textnorm import STOPWORDS, keywords, words
from tui.core.search.words import EXACT, Vocabulary, names

MAX_QUERY_WORDS = 12
# Added per word matched when no record matches them all: one more word outweighs any quality.
_COVERAGE = (EXACT + TITLE) * MAX_QUERY_WORDS
_CACHED_WORDS = 64  # typing a query repeats its earlier words; keep their scores

# Kinds by index, in KINDS order. Scores are kept per kind from the postings on, so
# that grouping never has to sort a large result apart.
_KIND_RANGE = range(len(KINDS))
ARGUMENT, QUOTE, SPEAKER, SOURCE, FACT = _KIND_RANGE
_NOTHING: list[frozenset[int]] = [frozenset()] * len(KINDS)

_KindScores = list[dict[int, float]]  # per kind: record number -> score
_Ranked = list[tuple[list[int], list[float]]]  # per kind: record numbers, their scores


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "argument" | "quote" | "speaker" | "source" | "fact"
    id: str  # the record's id in the Debate
    label: str  # one line to show
    detail: str  # a second, dimmer line
    score: float  # higher is better; comparable within one result only


class SearchIndex:
    KINDS: tuple[str, ...] = KINDS

    def __init__(self, debate: Debate) -> None:
        self._debate = debate
        # Records are numbered in KINDS order, each kind in pack order, so a lower
        # number comes first in the pack: ties and filter-only listings use that order.
        self._records: list[tuple[int, str]] = []
        self._numbers: dict[tuple[int, str], int] = {}  # (kind index, id) -> record number
        # word -> (kind index, field weight) -> ascending record numbers; a record is
        # listed under its best field for the word only.
        self._postings: dict[str, dict[tuple[int, float], tuple[int, ...]]] = {}
        self._build(debate)
        self._vocabulary = Vocabulary(
            {word: sum(map(len, slots.values())) for word, slots in self._postings.items()}
        )
        # theme id -> per kind, the numbers of its arguments and of the quotes they cite
        self._in_theme = self._themes(debate)
        _ = debate.index  # the reverse links a speaker filter reads: built now, not on first use
        self._hits: list[Hit | None] = [None] * len(self._records)
        self._word_cache: OrderedDict[tuple[str, bool], _KindScores] = OrderedDict()
        self._filter_cache: dict[
            tuple[frozenset[str] | None, str | None, str | None], list[frozenset[int]]
        ] = {}

    def __len__(self) -> int:
        return len(self._records)

    @property
    def vocabulary_size(self) -> int:
        return len(self._vocabulary)

    def search(
        self,
        query: str,
        *,
        limit: int = 100,
        themes: frozenset[str] | None = None,
        speaker: str | None = None,
        position: str | None = None,
    ) -> list[Hit]:
        """The best `limit` records for the query, best first."""
        candidates: list[tuple[float, int]] = []
        for numbers, scores in self._ranked(query, themes, speaker, position):
            candidates += _best(numbers, scores, limit)
        return [self._hit(-n, score) for score, n in heapq.nlargest(limit, candidates)]

    def grouped(
        self,
        query: str,
        *,
        limit: int = 100,
        themes: frozenset[str] | None = None,
        speaker: str | None = None,
        position: str | None = None,
    ) -> dict[str, list[Hit]]:
        """The best `limit` records of each kind, empty kinds left out, kinds in KINDS
        order, except that a speaker or source whose name the query spells comes first:
        "Kit Malthouse" is the person before the passages that mention him."""
        found = {
            kind: [self._hit(-n, score) for score, n in _best(numbers, scores, limit)]
            for kind, (numbers, scores) in zip(
                KINDS, self._ranked(query, themes, speaker, position), strict=True
            )
            if numbers
        }
        named = [kind for kind in ("speaker", "source")
                 if kind in found and self._names(query, found[kind][0])]
        return {kind: found[kind] for kind in [*named, *(k for k in found if k not in named)]}

    def _names(self, query: str, hit: Hit) -> bool:
        """Whether every word of the query spells a word of the record's name (a
        speaker's name, a source's outlet), allowing for typos. A headline is not a
        name: "drug deaths" should not put every article about them first."""
        if hit.kind == "speaker":
            name = self._debate.speakers[hit.id].name
        else:
            name = self._debate.sources[hit.id].outlet
        return names(keywords(query)[:MAX_QUERY_WORDS], words(name))

    # Scoring

    def _ranked(self, query: str, themes: frozenset[str] | None, speaker: str | None,
                position: str | None = None) -> _Ranked:
        """Every record the query and filters keep, with its score, per kind."""
        allowed = self._allowed(themes, speaker, position)
        query_words = keywords(query)[:MAX_QUERY_WORDS]
        if not query_words:
            if allowed is None:
                return [([], []) for _ in KINDS]
            return [(sorted(kept), [0.0] * len(kept)) for kept in allowed]
        # The last word may be unfinished, unless the user typed a space after it.
        unfinished = not query[-1:].isspace()
        per_word = [
            self._word_scores(word, unfinished and i == len(query_words) - 1)
            for i, word in enumerate(query_words)
        ]
        ranked = _all_words(per_word, allowed)
        if any(numbers for numbers, _ in ranked):
            return ranked
        # A word that matches nothing anywhere must not hide what the others find.
        matching = [scores for scores in per_word if any(scores)]
        if matching and len(matching) < len(per_word):
            ranked = _all_words(matching, allowed)
            if any(numbers for numbers, _ in ranked):
                return ranked
        return _most_words(matching, allowed)

    def _word_scores(self, word: str, unfinished: bool) -> _KindScores:
        """Per kind, record number -> the record's best match for one query word."""
        key = (word, unfinished)
        cached = self._word_cache.get(key)
        if cached is not None:
            self._word_cache.move_to_end(key)
            return cached
        layers: list[tuple[float, int, tuple[int, ...]]] = []
        for term, tier, quality in self._vocabulary.meanings(word, unfinished):
            for (kind, weight), numbers in self._postings[term].items():
                layers.append((tier + quality * weight, kind, numbers))
        # Worst first, so that a record's best match is written last and stays; each
        # layer is written in one C-level call, however many records it holds.
        layers.sort(key=itemgetter(0))
        scores: _KindScores = [{} for _ in KINDS]
        for value, kind, numbers in layers:
            scores[kind].update(dict.fromkeys(numbers, value))
        self._word_cache[key] = scores
        if len(self._word_cache) > _CACHED_WORDS:
            self._word_cache.popitem(last=False)
        return scores

    # Filters

    def _allowed(
        self, themes: frozenset[str] | None, speaker: str | None, position: str | None = None
    ) -> list[frozenset[int]] | None:
        """Per kind, the record numbers the filters keep; None when there is no filter."""
        if not themes and speaker is None and position is None:
            return None
        key = (themes or None, speaker, position)
        allowed = self._filter_cache.get(key)
        if allowed is None:
            allowed = self._filter_cache[key] = self._kept(themes or None, speaker, position)
        return allowed

    def _kept(self, themes: frozenset[str] | None, speaker: str | None,
              position: str | None) -> list[frozenset[int]]:
        """What every filter given keeps (each filter narrows the others)."""
        filters: list[list[frozenset[int]]] = []
        if themes:
            in_themes = [self._in_theme.get(theme, _NOTHING) for theme in themes]
            filters.append([frozenset().union(*(sets[kind] for sets in in_themes))
                            for kind in _KIND_RANGE])
        if speaker is not None:
            filters.append(self._theirs(speaker))
        if position is not None:
            filters.append(self._of_position(position))
        kept = filters[0]
        for other in filters[1:]:
            kept = [a & b for a, b in zip(kept, other, strict=True)]
        return kept

    def _theirs(self, speaker: str) -> list[frozenset[int]]:
        """The speaker, their quotes, the arguments those carry and the facts they give."""
        debate = self._debate
        quotes = debate.quotes_by(speaker)
        records = [(SPEAKER, speaker)]
        records += [(QUOTE, q.id) for q in quotes]
        records += [(ARGUMENT, a.id) for q in quotes for a in debate.citing(q.id)]
        records += [(FACT, f.id) for q in quotes for f in debate.facts_from(q.id)]
        return self._per_kind(records)

    def _of_position(self, position: str) -> list[frozenset[int]]:
        """The position's arguments and the quotes they cite, the speakers who speak
        for it with their quotes, and the facts all those quotes give."""
        debate = self._debate
        arguments = debate.arguments_of(position)
        quotes = {q for a in arguments for q in a.quotes}
        speakers = [s.id for s in debate.speakers.values() if s.position == position]
        quotes.update(q.id for s in speakers for q in debate.quotes_by(s))
        records = [(ARGUMENT, a.id) for a in arguments]
        records += [(SPEAKER, s) for s in speakers]
        records += [(QUOTE, q) for q in sorted(quotes)]
        records += [(FACT, f.id) for q in sorted(quotes) for f in debate.facts_from(q)]
        return self._per_kind(records)

    def _themes(self, debate: Debate) -> dict[str, list[frozenset[int]]]:
        records: defaultdict[str, list[tuple[int, str]]] = defaultdict(list)
        for argument in debate.arguments.values():
            for theme in argument.themes:
                records[theme].append((ARGUMENT, argument.id))
                records[theme] += ((QUOTE, q) for q in argument.quotes)
        return {theme: self._per_kind(kept) for theme, kept in records.items()}

    def _per_kind(self, records: list[tuple[int, str]]) -> list[frozenset[int]]:
        per_kind: list[set[int]] = [set() for _ in _KIND_RANGE]
        for record in records:
            number = self._numbers.get(record)
            if number is not None:
                per_kind[record[0]].add(number)
        return [frozenset(numbers) for numbers in per_kind]

    # Building

    def _build(self, debate: Debate) -> None:
        slots: defaultdict[tuple[int, float], defaultdict[str, list[int]]] = defaultdict(
            lambda: defaultdict(list)
        )
        kind_index = dict(zip(KINDS, _KIND_RANGE, strict=True))
        for kind, record_id, fields in searchable(debate):
            number = len(self._records)
            self._records.append((kind_index[kind], record_id))
            self._numbers[kind_index[kind], record_id] = number
            seen = set(STOPWORDS)
            for text, weight in sorted(fields, key=itemgetter(1), reverse=True):
                new = set(words(text)) - seen  # a word counts in its record's best field only
                if new:
                    seen |= new
                    postings = slots[kind_index[kind], weight]
                    for word in new:
                        postings[word].append(number)
        # Tuples of ints drop out of the garbage collector's sight after one pass; a
        # million-entry index of lists would otherwise slow every full collection.
        for slot, postings in slots.items():
            for word, numbers in postings.items():
                self._postings.setdefault(word, {})[slot] = tuple(numbers)

    def _hit(self, number: int, score: float) -> Hit:
        cached = self._hits[number]
        if cached is None:
            kind, record_id = self._records[number]
            label, detail = shown(self._debate, KINDS[kind], record_id)
            cached = self._hits[number] = Hit(KINDS[kind], record_id, label, detail, 0.0)
        return Hit(cached.kind, cached.id, cached.label, cached.detail, score)


def _best(numbers: list[int], scores: list[float], limit: int) -> list[tuple[float, int]]:
    """The best `limit` as (score, -number), best first; among equal scores, pack order."""
    if len(numbers) <= 4 * limit:
        return heapq.nlargest(limit, zip(scores, map(neg, numbers), strict=True))
    if limit <= 0:
        return []
    # Many matches: find the cut-off score first, then only what reaches it, with passes
    # that stay in C; pairing every match with its number costs several times more.
    cutoff = heapq.nlargest(limit, scores)[-1]
    above = list(zip(compress(scores, map(cutoff.__lt__, scores)),
                     map(neg, compress(numbers, map(cutoff.__lt__, scores))), strict=True))
    at_cutoff = heapq.nsmallest(limit - len(above), compress(numbers, map(cutoff.__eq__, scores)))
    return sorted(above + [(cutoff, -n) for n in at_cutoff], reverse=True)


def _all_words(per_word: list[_KindScores], allowed: list[frozenset[int]] | None) -> _Ranked:
    """Per kind, the records matching every query word, with the sum of their word scores."""
    ranked: _Ranked = []
    for kind, by_word in enumerate(zip(*per_word, strict=True)):
        first, *rest = sorted(by_word, key=len)  # intersect from the smallest
        if not rest and allowed is None:
            ranked.append((list(first), list(first.values())))
            continue
        common = first.keys() & allowed[kind] if allowed is not None else set(first)
        for other in rest:
            common = common & other.keys()
        numbers = list(common)
        totals = list(map(first.__getitem__, numbers))
        for other in rest:
            totals = list(map(add, totals, map(other.__getitem__, numbers)))
        ranked.append((numbers, totals))
    return ranked


def _most_words(per_word: list[_KindScores], allowed: list[frozenset[int]] | None) -> _Ranked:
    """When no record matches every word: records matching any, more words ranking higher."""
    if not per_word:
        return [([], []) for _ in KINDS]
    ranked: _Ranked = []
    for kind, by_word in enumerate(zip(*per_word, strict=True)):
        totals: dict[int, float] = {}
        for scores in by_word:
            for number, score in scores.items():
                if allowed is None or number in allowed[kind]:
                    totals[number] = totals.get(number, 0.0) + _COVERAGE + score
        ranked.append((list(totals), list(totals.values())))
    return ranked

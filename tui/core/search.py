"""Typo-tolerant search over a debate's arguments, quotes, speakers, sources and facts.

Each record is indexed once as words (see `textnorm`) with a weight for the
field they come from: what a reader sees first (a claim, a name, a headline)
counts more than context (a summary, the speaker of a quote). A query word
matches a vocabulary word exactly, as a prefix (the last word, for
search-as-you-type), or within a small edit distance; every query word must
match for a record to be listed, unless no record matches them all.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections import OrderedDict, defaultdict
from dataclasses import dataclass
from itertools import compress
from operator import add, itemgetter, neg
from typing import Iterator

from rapidfuzz import process
from rapidfuzz.distance import OSA

from .model import Debate
from .textnorm import STOPWORDS, keywords, words

# Field weights. A record's best field for a word decides its score for that word.
TITLE, BODY, CONTEXT = 2.0, 1.0, 0.5

# Match tiers, wider apart than any quality x weight (at most 1 x TITLE), so that an
# exact match always outranks a prefix one and a prefix match a fuzzy one.
EXACT, PREFIX, FUZZY = 6.0, 3.0, 0.0
MAX_QUERY_WORDS = 12
# Added per word matched when no record matches them all: one more word outweighs any quality.
_COVERAGE = (EXACT + TITLE) * MAX_QUERY_WORDS

# "c" must not pull in every word starting with c: at most this many completions,
# the shortest first, while the word's postings, its exact ones included, stay
# under the budget (a word found in most records needs no completing).
PREFIX_EXPANSIONS = 40
PREFIX_POSTINGS = 30_000
FUZZY_EXPANSIONS = 20
_CACHED_WORDS = 64  # typing a query repeats its earlier words; keep their scores

# One dict per kind: record number -> score. Kept per kind from the postings on, so
# that grouping never has to sort a large result apart.
_KindScores = list[dict[int, float]]
# Per kind: (record numbers, their scores), in the same order.
_Ranked = list[tuple[list[int], list[float]]]


# Kinds by index, in SearchIndex.KINDS order.
_KIND_RANGE = range(5)
ARGUMENT, QUOTE, SPEAKER, SOURCE, FACT = _KIND_RANGE
_NOTHING: list[frozenset[int]] = [frozenset()] * len(_KIND_RANGE)


def max_typos(word: str) -> int:
    """How many edits a query word may be from an indexed word: none under 4 letters."""
    if len(word) < 4 or not word.isalpha():
        return 0
    return 1 if len(word) < 8 else 2


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "argument" | "quote" | "speaker" | "source" | "fact"
    id: str  # the record's id in the Debate
    label: str  # one line to show
    detail: str  # a second, dimmer line
    score: float  # higher is better; comparable within one result only


class SearchIndex:
    KINDS: tuple[str, ...] = ("argument", "quote", "speaker", "source", "fact")

    def __init__(self, debate: Debate) -> None:
        self._debate = debate
        # Records are numbered in KINDS order, each kind in pack order, so a lower
        # number comes first in the pack: ties and filter-only listings use that order.
        self._records: list[tuple[int, str]] = []
        self._numbers: dict[tuple[int, str], int] = {}  # (kind index, id) -> record number
        # word -> (kind index, field weight) -> ascending record numbers; a record is
        # listed under its best field for the word only.
        self._postings: dict[str, dict[tuple[int, float], tuple[int, ...]]] = {}
        # theme id -> per kind, the numbers of its arguments and of the quotes they cite
        self._in_theme: dict[str, list[frozenset[int]]] = {}
        self._build(debate)
        self._vocabulary = sorted(self._postings)
        self._by_length: dict[int, list[str]] = {}
        for word in self._vocabulary:
            self._by_length.setdefault(len(word), []).append(word)
        self._hits: list[Hit | None] = [None] * len(self._records)
        self._word_cache: OrderedDict[tuple[str, bool], _KindScores] = OrderedDict()
        self._filter_cache: dict[tuple[frozenset[str] | None, str | None], list[frozenset[int]]] = {}

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
    ) -> list[Hit]:
        """The best `limit` records for the query, best first."""
        candidates: list[tuple[float, int]] = []
        for numbers, scores in self._ranked(query, themes, speaker):
            candidates += _best(numbers, scores, limit)
        return [self._hit(-n, score) for score, n in heapq.nlargest(limit, candidates)]

    def grouped(
        self,
        query: str,
        *,
        limit: int = 100,
        themes: frozenset[str] | None = None,
        speaker: str | None = None,
    ) -> dict[str, list[Hit]]:
        """The best `limit` records of each kind, kinds in KINDS order, empty kinds left out."""
        return {
            kind: [self._hit(-n, score) for score, n in _best(numbers, scores, limit)]
            for kind, (numbers, scores) in zip(self.KINDS, self._ranked(query, themes, speaker))
            if numbers
        }

    # Scoring

    def _ranked(self, query: str, themes: frozenset[str] | None, speaker: str | None) -> _Ranked:
        """Every record the query and filters keep, with its score, per kind."""
        allowed = self._allowed(themes, speaker)
        query_words = keywords(query)[:MAX_QUERY_WORDS]
        if not query_words:
            if allowed is None:
                return [([], []) for _ in self.KINDS]
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

    def _word_scores(self, word: str, as_prefix: bool) -> _KindScores:
        """Per kind, record number -> the record's best match for one query word."""
        key = (word, as_prefix)
        cached = self._word_cache.get(key)
        if cached is not None:
            self._word_cache.move_to_end(key)
            return cached
        layers: list[tuple[float, int, tuple[int, ...]]] = []
        for term, tier, quality in self._matching_terms(word, as_prefix):
            for (kind, weight), numbers in self._postings[term].items():
                layers.append((tier + quality * weight, kind, numbers))
        # Worst first, so that a record's best match is written last and stays.
        layers.sort(key=itemgetter(0))
        scores: _KindScores = [{} for _ in self.KINDS]
        for value, kind, numbers in layers:
            scores[kind].update(dict.fromkeys(numbers, value))
        self._word_cache[key] = scores
        if len(self._word_cache) > _CACHED_WORDS:
            self._word_cache.popitem(last=False)
        return scores

    def _matching_terms(self, word: str, as_prefix: bool) -> Iterator[tuple[str, float, float]]:
        """(vocabulary word, tier, quality 0..1) for each indexed word the query word may mean.

        A finished word also matches its inflections ("room" finds "rooms"). Only a
        word the pack does not contain, and that does not begin a word of the pack
        while it is being typed, is taken for a typo: a real word is not blurred into
        its neighbours, and the fuzzy pass is paid for rarely.
        """
        exact = word in self._postings
        if exact:
            yield word, EXACT, 1.0
        longest = None if as_prefix else len(word) + (2 if len(word) < 5 else 3)
        budget = PREFIX_POSTINGS - (self._count(word) if exact else 0)
        completions = self._completions(word, longest, budget, at_least_one=not exact)
        for term in completions:
            yield term, PREFIX, len(word) / len(term)
        typos = 0 if exact or (as_prefix and completions) else max_typos(word)
        if typos:
            for term, distance in self._near(word, typos):
                if not term.startswith(word):
                    yield term, FUZZY, 1.0 - distance / max(len(word), len(term))

    def _count(self, term: str) -> int:
        return sum(map(len, self._postings[term].values()))

    def _completions(self, prefix: str, longest: int | None, budget: int, at_least_one: bool) -> list[str]:
        """The shortest vocabulary words (at most `longest` letters) that extend the prefix."""
        start = bisect_left(self._vocabulary, prefix)
        end = bisect_left(self._vocabulary, prefix + "\U0010ffff", start)
        found = (
            t
            for t in self._vocabulary[start:end]
            if t != prefix and (longest is None or len(t) <= longest)
        )
        chosen: list[str] = []
        for term in heapq.nsmallest(PREFIX_EXPANSIONS, found, key=lambda t: (len(t), t)):
            budget -= self._count(term)
            if budget < 0 and (chosen or not at_least_one):
                break
            chosen.append(term)
        return chosen

    def _near(self, word: str, typos: int) -> list[tuple[str, int]]:
        """Vocabulary words within `typos` edits (a swap of neighbours is one edit)."""
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

    # Filters

    def _allowed(self, themes: frozenset[str] | None, speaker: str | None) -> list[frozenset[int]] | None:
        """Per kind, the record numbers the filters keep; None when there is no filter."""
        if not themes and speaker is None:
            return None
        key = (themes or None, speaker)
        allowed = self._filter_cache.get(key)
        if allowed is None:
            allowed = self._filter_cache[key] = self._kept(themes or None, speaker)
        return allowed

    def _kept(self, themes: frozenset[str] | None, speaker: str | None) -> list[frozenset[int]]:
        if not themes:
            return self._theirs(speaker) if speaker is not None else _NOTHING
        in_themes = [self._in_theme.get(theme, _NOTHING) for theme in themes]
        kept = [frozenset().union(*(sets[kind] for sets in in_themes)) for kind in _KIND_RANGE]
        if speaker is not None:
            kept = [a & b for a, b in zip(kept, self._theirs(speaker))]
        return kept

    def _theirs(self, speaker: str) -> list[frozenset[int]]:
        """The speaker, their quotes, the arguments those carry and the facts they give."""
        debate = self._debate
        quotes = debate.quotes_by(speaker)
        records = [(SPEAKER, speaker)]
        records += [(QUOTE, q.id) for q in quotes]
        records += [(ARGUMENT, a.id) for q in quotes for a in debate.citing(q.id)]
        records += [(FACT, f.id) for q in quotes for f in debate.facts_from(q.id)]
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
        kind_index = dict(zip(self.KINDS, _KIND_RANGE))
        for kind, record_id, fields in _searchable(debate):
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
        self._index_themes(debate)
        debate.index  # the reverse links a speaker filter reads: built here, not on first use

    def _index_themes(self, debate: Debate) -> None:
        in_theme: defaultdict[str, list[set[int]]] = defaultdict(lambda: [set() for _ in _KIND_RANGE])
        for argument in debate.arguments.values():
            quotes = [self._numbers[QUOTE, q] for q in argument.quotes if (QUOTE, q) in self._numbers]
            for theme in argument.themes:
                in_theme[theme][ARGUMENT].add(self._numbers[ARGUMENT, argument.id])
                in_theme[theme][QUOTE].update(quotes)
        self._in_theme = {t: [frozenset(n) for n in per_kind] for t, per_kind in in_theme.items()}

    def _hit(self, number: int, score: float) -> Hit:
        shown = self._hits[number]
        if shown is None:
            kind, record_id = self._records[number]
            label, detail = _shown(self._debate, self.KINDS[kind], record_id)
            shown = self._hits[number] = Hit(self.KINDS[kind], record_id, label, detail, 0.0)
        return Hit(shown.kind, shown.id, shown.label, shown.detail, score)


def _best(numbers: list[int], scores: list[float], limit: int) -> list[tuple[float, int]]:
    """The best `limit` as (score, -number), best first; among equal scores, pack order."""
    if len(numbers) <= 4 * limit:
        return heapq.nlargest(limit, zip(scores, map(neg, numbers)))
    if limit <= 0:
        return []
    # Many matches: find the cut-off score first, then only what reaches it, with passes
    # that stay in C; pairing every match with its number costs several times more.
    cutoff = heapq.nlargest(limit, scores)[-1]
    above = [(s, -n) for s, n in zip(compress(scores, map(cutoff.__lt__, scores)),
                                      compress(numbers, map(cutoff.__lt__, scores)))]
    at_cutoff = heapq.nsmallest(limit - len(above), compress(numbers, map(cutoff.__eq__, scores)))
    return sorted(above + [(cutoff, -n) for n in at_cutoff], reverse=True)


def _all_words(per_word: list[_KindScores], allowed: list[frozenset[int]] | None) -> _Ranked:
    """Per kind, the records matching every query word, with the sum of their word scores."""
    ranked: _Ranked = []
    for kind, by_word in enumerate(zip(*per_word)):
        by_word = sorted(by_word, key=len)  # intersect from the smallest
        first, rest = by_word[0], by_word[1:]
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
    ranked: _Ranked = []
    for kind, by_word in enumerate(zip(*per_word)):
        totals: dict[int, float] = {}
        for scores in by_word:
            for number, score in scores.items():
                if allowed is None or number in allowed[kind]:
                    totals[number] = totals.get(number, 0.0) + _COVERAGE + score
        ranked.append((list(totals), list(totals.values())))
    return ranked if per_word else [([], []) for _ in SearchIndex.KINDS]


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def _searchable(debate: Debate) -> Iterator[tuple[str, str, list[tuple[str, float]]]]:
    """(kind, id, [(text, weight)]) for every record, in KINDS order then pack order."""
    speaker_name = {s.id: s.name for s in debate.speakers.values()}
    outlet = {s.id: s.outlet for s in debate.sources.values()}
    quotes = debate.quotes
    for a in debate.arguments.values():
        position = debate.positions.get(a.position)
        fields = [(a.claim, TITLE), (a.summary, BODY)]
        fields += [(debate.themes[t].name, CONTEXT) for t in a.themes if t in debate.themes]
        if position is not None:
            fields.append((f"{position.label} {position.name}", CONTEXT))
        # Who said it: "Malthouse" finds the arguments his quotes carry.
        speakers = {quotes[q].speaker for q in a.quotes if q in quotes}
        fields += [(speaker_name.get(s, ""), CONTEXT) for s in speakers]
        yield "argument", a.id, fields
    for q in quotes.values():
        fields = [(q.text, TITLE), (speaker_name.get(q.speaker, ""), BODY)]
        fields += [(outlet.get(q.source, ""), CONTEXT), (q.note, CONTEXT)]
        yield "quote", q.id, fields
    for s in debate.speakers.values():
        fields = [(s.name, TITLE), (s.role, BODY), (s.organisation, BODY), (s.stance_note, CONTEXT)]
        fields += [(r.role, CONTEXT) for r in s.described_as]
        yield "speaker", s.id, fields
    for s in debate.sources.values():
        yield "source", s.id, [(s.headline, TITLE), (s.outlet, BODY), (s.when, BODY)]
    for f in debate.facts.values():
        quote = quotes.get(f.quote)
        fields = [(f.what, TITLE), (f.figure, TITLE), (f"{f.year} {f.place}", BODY)]
        if quote is not None:
            fields += [(speaker_name.get(quote.speaker, ""), CONTEXT), (outlet.get(quote.source, ""), CONTEXT)]
        yield "fact", f.id, fields


def _shown(debate: Debate, kind: str, record_id: str) -> tuple[str, str]:
    """The two lines a result shows: what the record says, then where it belongs."""
    if kind == "argument":
        a = debate.arguments[record_id]
        position = debate.positions.get(a.position)
        themes = ", ".join(debate.themes[t].name if t in debate.themes else t for t in a.themes)
        return _one_line(a.claim), _joined(position.label if position else a.position, themes)
    if kind == "quote":
        q = debate.quotes[record_id]
        speaker = debate.speakers.get(q.speaker)
        source = debate.sources.get(q.source)
        return _one_line(q.text), _joined(speaker.name if speaker else q.speaker, source.outlet if source else "")
    if kind == "speaker":
        s = debate.speakers[record_id]
        return _one_line(s.name), _joined(s.role, s.organisation)
    if kind == "source":
        s = debate.sources[record_id]
        return _one_line(s.headline), _joined(s.outlet, s.when)
    f = debate.facts[record_id]
    quote = debate.quotes.get(f.quote)
    source = debate.sources.get(quote.source) if quote else None
    return _one_line(f"{f.figure} — {f.what}"), _joined(f.year, f.place, source.outlet if source else "")

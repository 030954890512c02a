"""The checked debate: what every front end, export and search reads.

Only the loader builds these objects; everything else treats them as read-only.
Cross-references are held as ids; `Debate` offers the lookups and reverse links.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path


@dataclass(slots=True, frozen=True)
class PackInfo:
    title: str
    motion: str
    summary: str
    background: str = ""
    imported_from: str = ""  # the export an imported pack was made from


@dataclass(slots=True, frozen=True)
class Theme:
    id: str
    name: str
    description: str = ""


@dataclass(slots=True, frozen=True)
class Position:
    id: str
    name: str
    label: str
    side: str | None  # "for" or "against" the motion; None: an answer to a question
    stance: str
    members: tuple[str, ...]

    @property
    def on_motion(self) -> str:
        """ "for the motion", "against the motion", or "" when the pack does not say."""
        return f"{self.side} the motion" if self.side else ""


@dataclass(slots=True, frozen=True)
class RoleInSource:
    source: str
    role: str


@dataclass(slots=True, frozen=True)
class Speaker:
    id: str
    name: str
    role: str
    organisation: str
    position: str | None  # None: takes neither side
    stance_note: str = ""
    described_as: tuple[RoleInSource, ...] = ()


@dataclass(slots=True, frozen=True)
class Source:
    id: str
    file: str  # as written in the pack; "" for a page known only by its address
    path: Path | None  # resolved, inside the pack or seeds folder; None without a file
    outlet: str
    headline: str
    text: str  # the whole article, exactly as stored; "" without a file
    original_file: str = ""
    outlet_evidence: str = ""
    date: str = ""
    approximate_date: str = ""
    date_reason: str = ""
    artefacts: tuple[str, ...] = ()
    notes: str = ""
    url: str = ""

    @property
    def when(self) -> str:
        """The date for display; approximate dates say so."""
        if not self.date and not self.approximate_date:
            return "date not given"
        return self.date or f"{self.approximate_date} (approximate)"


@dataclass(slots=True, frozen=True)
class Quote:
    id: str
    speaker: str
    source: str
    text: str
    kind: str  # "direct" or "reported"
    start: int  # character offsets of the passage in its source's text
    end: int
    note: str = ""


@dataclass(slots=True, frozen=True)
class Exchange:
    """A rebuttal the sources record: the argument answered and the quotes, of both
    sides, that show one answering the other."""

    answers: str
    quotes: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Argument:
    id: str
    position: str
    claim: str
    summary: str
    themes: tuple[str, ...]
    quotes: tuple[str, ...] = ()
    rebuts: tuple[str, ...] = ()
    supports: tuple[str, ...] = ()
    exchanges: tuple[Exchange, ...] = ()  # the rebuttals the sources record

    def exchange_with(self, target_id: str) -> Exchange | None:
        """How the sources record this argument answering `target_id`; None when the
        rebuttal is the pack's own pairing."""
        return next((e for e in self.exchanges if e.answers == target_id), None)


@dataclass(slots=True, frozen=True)
class Conflict:
    fact: str
    difference: str


@dataclass(slots=True, frozen=True)
class Fact:
    id: str
    what: str
    value: float | int
    unit: str
    quote: str
    qualifier: str = ""
    year: str = ""
    place: str = ""
    conflicts_with: tuple[Conflict, ...] = ()  # as written; see Debate.conflicts_of

    @property
    def figure(self) -> str:
        """The value as a reader would say it: "almost 4,300 deaths"."""
        number = f"{self.value:,}" if isinstance(self.value, int) else f"{self.value:,.10g}"
        return " ".join(part for part in (self.qualifier, number, self.unit) if part)


@dataclass(slots=True)
class Debate:
    """A whole checked pack, with its records in the order the pack gives them."""

    folder: Path
    info: PackInfo
    themes: dict[str, Theme]
    positions: dict[str, Position]
    speakers: dict[str, Speaker]
    sources: dict[str, Source]
    quotes: dict[str, Quote]
    arguments: dict[str, Argument]
    facts: dict[str, Fact]
    _index: _Index | None = field(default=None, repr=False, compare=False)

    @property
    def index(self) -> _Index:
        if self._index is None:
            self._index = _Index(self)
        return self._index

    def arguments_of(self, position_id: str) -> list[Argument]:
        return self.index.by_position.get(position_id, [])

    def rebutted_by(self, argument_id: str) -> list[Argument]:
        """The arguments that answer this one."""
        return self.index.rebutted_by.get(argument_id, [])

    def supported_by(self, argument_id: str) -> list[Argument]:
        return self.index.supported_by.get(argument_id, [])

    def citing(self, quote_id: str) -> list[Argument]:
        """The arguments carried by this quote."""
        return self.index.citing.get(quote_id, [])

    def quotes_in(self, source_id: str) -> list[Quote]:
        """The source's quotes in reading order."""
        return self.index.in_source.get(source_id, [])

    def quotes_by(self, speaker_id: str) -> list[Quote]:
        return self.index.by_speaker.get(speaker_id, [])

    def facts_from(self, quote_id: str) -> list[Fact]:
        return self.index.facts_from.get(quote_id, [])

    def conflicts_of(self, fact_id: str) -> list[Conflict]:
        """Every conflict of a fact, whichever side of the pair declared it."""
        return self.index.conflicts.get(fact_id, [])

    def other_positions(self, position_id: str) -> list[Position]:
        return [p for p in self.positions.values() if p.id != position_id]


class _Index:
    """Reverse links, built once on first use."""

    def __init__(self, debate: Debate) -> None:
        self.by_position: dict[str, list[Argument]] = defaultdict(list)
        self.rebutted_by: dict[str, list[Argument]] = defaultdict(list)
        self.supported_by: dict[str, list[Argument]] = defaultdict(list)
        self.citing: dict[str, list[Argument]] = defaultdict(list)
        for argument in debate.arguments.values():
            self.by_position[argument.position].append(argument)
            for target in argument.rebuts:
                self.rebutted_by[target].append(argument)
            for target in argument.supports:
                self.supported_by[target].append(argument)
            for quote_id in argument.quotes:
                self.citing[quote_id].append(argument)
        self.in_source: dict[str, list[Quote]] = defaultdict(list)
        self.by_speaker: dict[str, list[Quote]] = defaultdict(list)
        for quote in debate.quotes.values():
            self.in_source[quote.source].append(quote)
            self.by_speaker[quote.speaker].append(quote)
        for quotes in self.in_source.values():
            quotes.sort(key=lambda q: (q.start, q.end))
        self.facts_from: dict[str, list[Fact]] = defaultdict(list)
        self.conflicts: dict[str, list[Conflict]] = defaultdict(list)
        for fact in debate.facts.values():
            self.facts_from[fact.quote].append(fact)
            for conflict in fact.conflicts_with:
                self._link(fact.id, conflict)
                self._link(conflict.fact, Conflict(fact.id, conflict.difference))

    def _link(self, fact_id: str, conflict: Conflict) -> None:
        known = self.conflicts[fact_id]
        if all(c.fact != conflict.fact for c in known):
            known.append(conflict)

"""A student's case for one side of a debate: what they will argue, in what order,
with which evidence, and what they expect to answer.

Plain data and pure operations; `tui.core.work.storage` saves it and `tui.core.work.handout`
prints it. Every change stamps the item it touches with the time, so two copies of
the app can merge their saves item by item (see `tui.core.work.case_merge`).
Argument and quote ids that are no longer in the pack are kept, never dropped:
a teacher may have edited the pack, and the student's notes are theirs.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from tui.core.pack.model import Argument, Debate, Position

# How a drill card went, best first. Anything but "good" still needs work.
MARKS = ("good", "shaky", "missed")

_last_stamp = 0.0


def now() -> float:
    """The time for a stamp: strictly increasing within one process, so the order
    of two edits is never a tie."""
    global _last_stamp
    _last_stamp = max(time.time(), _last_stamp + 1e-6)
    return _last_stamp


class CaseError(ValueError):
    """An edit that cannot be made; the message is for the student."""


@dataclass
class CaseEntry:
    """One of the student's own arguments, as they will make it."""

    argument: str
    quotes: list[str] = field(default_factory=list)  # evidence, in the order they chose
    notes: str = ""
    # Notes and evidence are stamped apart, so editing one in one window never
    # undoes the other edited in a second window.
    quotes_updated: float = 0.0
    notes_updated: float = 0.0

    @property
    def updated(self) -> float:
        return max(self.quotes_updated, self.notes_updated)


@dataclass
class Expected:
    """An argument of the other side the student must answer, and their answer."""

    argument: str
    rebuttal: str = ""
    updated: float = 0.0


class CaseItem(Protocol):
    """What a case entry and an expected argument share: lookups and merging need no more."""

    @property
    def argument(self) -> str: ...

    @property
    def updated(self) -> float: ...


@dataclass
class DrillRecord:
    """How the student last did at answering one opposing argument."""

    argument: str
    mark: str
    attempts: int
    practised: float  # also the merge stamp


@dataclass
class Vanished:
    """Something in the case whose argument or quote the pack no longer has."""

    where: str  # "case", "expected", "drill" or "evidence"
    argument: str
    text: str  # the student's words attached to it, if any
    quote: str = ""


@dataclass
class Case:
    side: str | None = None  # a position id
    side_updated: float = 0.0
    entries: list[CaseEntry] = field(default_factory=list)  # speaking order
    entries_order_updated: float = 0.0  # stamped only by an explicit reorder
    removed_entries: dict[str, float] = field(default_factory=dict)  # id -> when
    expected: list[Expected] = field(default_factory=list)
    expected_order_updated: float = 0.0
    removed_expected: dict[str, float] = field(default_factory=dict)
    drill: dict[str, DrillRecord] = field(default_factory=dict)

    # -- the side ---------------------------------------------------------------

    def choose_side(self, position_id: str) -> None:
        if position_id != self.side:
            self.side, self.side_updated = position_id, now()

    def _require_side(self) -> str:
        if self.side is None:
            raise CaseError("Choose the side you will argue first.")
        return self.side

    # -- the student's own arguments -------------------------------------------

    def entry(self, argument_id: str) -> CaseEntry | None:
        return next((e for e in self.entries if e.argument == argument_id), None)

    def add(self, debate: Debate, argument_id: str) -> CaseEntry:
        """Add one of the student's side's arguments at the end of the case."""
        side = self._require_side()
        argument = debate.arguments[argument_id]
        if argument.position != side:
            raise CaseError(f"“{argument.claim}” is an argument of "
                            f"{debate.positions[argument.position].name}, not your side.")
        existing = self.entry(argument_id)
        if existing:
            return existing
        stamp = now()
        entry = CaseEntry(argument_id, quotes_updated=stamp, notes_updated=stamp)
        self.entries.append(entry)
        return entry

    def remove(self, argument_id: str) -> None:
        self.entries = [e for e in self.entries if e.argument != argument_id]
        self.removed_entries[argument_id] = now()

    def reinstate(self, entry: CaseEntry, index: int) -> None:
        """Undo a removal: the entry back in its place, with its notes and evidence."""
        if self.entry(entry.argument) is None:
            stamp = now()
            self.entries.insert(index, CaseEntry(entry.argument, list(entry.quotes),
                                                 entry.notes, stamp, stamp))
            self.entries_order_updated = stamp

    def move(self, argument_id: str, step: int) -> int:
        """Move an entry up (step -1) or down (+1) the speaking order; its new index."""
        index = _index_of(self.entries, argument_id)
        target = min(max(index + step, 0), len(self.entries) - 1)
        if target != index:
            self.entries.insert(target, self.entries.pop(index))
            self.entries_order_updated = now()
        return target

    def set_notes(self, argument_id: str, notes: str) -> None:
        entry = self.entries[_index_of(self.entries, argument_id)]
        if notes != entry.notes:
            entry.notes, entry.notes_updated = notes, now()

    def attach(self, debate: Debate, argument_id: str, quote_id: str) -> None:
        if quote_id not in debate.quotes:
            raise CaseError(f"There is no quote “{quote_id}” in this pack.")
        entry = self.entries[_index_of(self.entries, argument_id)]
        if quote_id not in entry.quotes:
            entry.quotes.append(quote_id)
            entry.quotes_updated = now()

    def detach(self, argument_id: str, quote_id: str) -> None:
        entry = self.entries[_index_of(self.entries, argument_id)]
        if quote_id in entry.quotes:
            entry.quotes.remove(quote_id)
            entry.quotes_updated = now()

    # -- what the other side will say ------------------------------------------

    def expecting(self, argument_id: str) -> Expected | None:
        return next((x for x in self.expected if x.argument == argument_id), None)

    def expect(self, debate: Debate, argument_id: str) -> Expected:
        """Add an opposing argument to the list the student must answer."""
        side = self._require_side()
        argument = debate.arguments[argument_id]
        if argument.position == side:
            raise CaseError(f"“{argument.claim}” is your own side's argument.")
        existing = self.expecting(argument_id)
        if existing:
            return existing
        expected = Expected(argument_id, updated=now())
        self.expected.append(expected)
        return expected

    def expect_all(self, debate: Debate) -> int:
        """Expect every opposing argument not listed yet; how many were added."""
        listed = {x.argument for x in self.expected}
        missing = [a for a in opposing_arguments(debate, self._require_side())
                   if a.id not in listed]
        stamp = now()
        self.expected += [Expected(a.id, updated=stamp) for a in missing]
        return len(missing)

    def unexpect(self, argument_id: str) -> None:
        self.expected = [x for x in self.expected if x.argument != argument_id]
        self.removed_expected[argument_id] = now()

    def reinstate_expected(self, item: Expected, index: int) -> None:
        """Undo a removal from the list to answer: back in its place, with its rebuttal."""
        if all(x.argument != item.argument for x in self.expected):
            stamp = now()
            self.expected.insert(index, Expected(item.argument, item.rebuttal, stamp))
            self.expected_order_updated = stamp

    def move_expected(self, argument_id: str, step: int) -> int:
        index = _index_of(self.expected, argument_id)
        target = min(max(index + step, 0), len(self.expected) - 1)
        if target != index:
            self.expected.insert(target, self.expected.pop(index))
            self.expected_order_updated = now()
        return target

    def set_rebuttal(self, argument_id: str, text: str) -> None:
        expected = self.expected[_index_of(self.expected, argument_id)]
        if text != expected.rebuttal:
            expected.rebuttal, expected.updated = text, now()

    def collect(self, debate: Debate, argument_id: str) -> str:
        """The explorer's one "collect" key: the student's own argument goes into the
        case, an opposing one onto the list to answer. Returns what was done."""
        side = self._require_side()
        argument = debate.arguments[argument_id]
        if argument.position == side:
            known = self.entry(argument_id) is not None
            self.add(debate, argument_id)
            return "Already in your case." if known else "Added to your case."
        known = self.expecting(argument_id) is not None
        self.expect(debate, argument_id)
        return ("Already on your list to answer." if known
                else "Added to what you expect from the other side.")

    # -- reading the case against the pack -------------------------------------

    def suggestions(self, debate: Debate, opposing_id: str) -> list[Argument]:
        """The pack's own answers to an opposing argument, from the student's side.
        Offered to the student; never written into their rebuttal for them."""
        return [a for a in debate.rebutted_by(opposing_id) if a.position == self.side]

    def vanished(self, debate: Debate) -> list[Vanished]:
        """What the case refers to that the pack no longer has, with the student's
        words for each, so the app can show them instead of losing them."""
        found: list[Vanished] = []
        for entry in self.entries:
            if entry.argument not in debate.arguments:
                found.append(Vanished("case", entry.argument, entry.notes))
            found += [Vanished("evidence", entry.argument, "", quote) for quote in entry.quotes
                      if quote not in debate.quotes]
        found += [Vanished("expected", x.argument, x.rebuttal) for x in self.expected
                  if x.argument not in debate.arguments]
        found += [Vanished("drill", r.argument, "") for r in self.drill.values()
                  if r.argument not in debate.arguments]
        return found

    def is_empty(self) -> bool:
        return not (self.side or self.entries or self.expected or self.drill)


def _index_of(items: Sequence[CaseItem], argument_id: str) -> int:
    for index, item in enumerate(items):
        if item.argument == argument_id:
            return index
    raise CaseError(f"“{argument_id}” is not in your case.")


def opposing_arguments(debate: Debate, side: str) -> list[Argument]:
    """Every argument of the positions the student argues against, in pack order."""
    return [a for p in debate.other_positions(side) for a in debate.arguments_of(p.id)]


def resolve_side(debate: Debate, given: str) -> Position:
    """The position a student argues, from a launch option such as `--side council`.

    Accepts a position's id, label or name, or "for"/"against" when only one
    position takes that side; case-insensitive. Raises CaseError naming the choices.
    """
    wanted = " ".join(given.split()).casefold()
    for position in debate.positions.values():
        if wanted in (position.id.casefold(), position.label.casefold(),
                      position.name.casefold()):
            return position
    by_side = [p for p in debate.positions.values() if p.side.casefold() == wanted]
    if len(by_side) == 1:
        return by_side[0]
    choices = ", ".join(f"{p.id} ({p.label}, {p.side} the motion)"
                        for p in debate.positions.values())
    raise CaseError(f"No side called “{given}” in this pack. Choose one of: {choices}.")

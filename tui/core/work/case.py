"""A student's case for one side of a debate: what they will argue, in what order,
with which evidence, and what they expect to answer.

Plain data and pure operations; `tui.core.work.storage` saves it and
`tui.core.work.handout` prints it. The two lists (the student's own arguments,
and the other side's to answer) are one type, `ArgumentList`; a screen names an
item by `ItemKey`. Changes are stamped with the time for the file's readers, but
two copies of the app merge by what each changed (`tui.core.work.case_merge`).
Argument and quote ids that are no longer in the pack are kept, never dropped:
a teacher may have edited the pack, and the student's notes are theirs.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import Enum
from typing import Generic, TypeVar

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


class Kind(Enum):
    """Which of the case's two lists an item is on (the values are the file's names)."""

    MINE = "case"  # the student's own arguments, in speaking order
    EXPECTED = "expected"  # the other side's, each with the student's rebuttal


@dataclass(frozen=True)
class ItemKey:
    """How a screen names one item of a case: which list, and which argument."""

    kind: Kind
    argument: str


class Collected(Enum):
    """What the explorer's "collect" key did with an argument."""

    ADDED = "added"  # into the case
    ALREADY = "already"  # it was in the case
    EXPECTED = "expected"  # onto the list to answer
    ALREADY_EXPECTED = "already expected"


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

    @property
    def text(self) -> str:
        return self.notes

    def set_text(self, text: str, stamp: float) -> None:
        self.notes, self.notes_updated = text, stamp

    def restored(self, stamp: float) -> CaseEntry:
        return CaseEntry(self.argument, list(self.quotes), self.notes, stamp, stamp)


@dataclass
class Expected:
    """An argument of the other side the student must answer, and their answer."""

    argument: str
    rebuttal: str = ""
    updated: float = 0.0

    @property
    def text(self) -> str:
        return self.rebuttal

    def set_text(self, text: str, stamp: float) -> None:
        self.rebuttal, self.updated = text, stamp

    def restored(self, stamp: float) -> Expected:
        return Expected(self.argument, self.rebuttal, stamp)


Item = TypeVar("Item", CaseEntry, Expected)


@dataclass(frozen=True)
class Removal(Generic[Item]):
    """An item taken off a list and where it was, so the removal can be undone."""

    item: Item
    index: int


@dataclass
class ArgumentList(Generic[Item]):
    """One of the case's two lists: items in the student's order, each with the
    student's text (notes or rebuttal); removals leave a stamp for the file."""

    items: list[Item] = field(default_factory=list)
    order_updated: float = 0.0  # stamped only by an explicit reorder
    removed: dict[str, float] = field(default_factory=dict)  # argument id -> when

    def __iter__(self) -> Iterator[Item]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def __getitem__(self, index: int) -> Item:
        return self.items[index]

    def find(self, argument_id: str) -> Item | None:
        return next((i for i in self.items if i.argument == argument_id), None)

    def index(self, argument_id: str) -> int:
        for index, item in enumerate(self.items):
            if item.argument == argument_id:
                return index
        raise CaseError(f"“{argument_id}” is not in your case.")

    def get(self, argument_id: str) -> Item:
        return self.items[self.index(argument_id)]

    def append(self, item: Item) -> Item:
        self.items.append(item)
        return item

    def remove(self, argument_id: str) -> Removal[Item] | None:
        """Take an item off the list; what undoing needs, or None if it was not there."""
        index = next((n for n, i in enumerate(self.items) if i.argument == argument_id), None)
        self.removed[argument_id] = now()
        if index is None:
            return None
        return Removal(self.items.pop(index), index)

    def reinstate(self, removal: Removal[Item]) -> None:
        """Undo a removal: the item back in its place, with the student's words."""
        if self.find(removal.item.argument) is None:
            stamp = now()
            self.items.insert(removal.index, removal.item.restored(stamp))
            self.order_updated = stamp

    def move(self, argument_id: str, step: int) -> int:
        """Move an item up (step -1) or down (+1) the list; its new index."""
        index = self.index(argument_id)
        target = min(max(index + step, 0), len(self.items) - 1)
        if target != index:
            self.items.insert(target, self.items.pop(index))
            self.order_updated = now()
        return target

    def set_text(self, argument_id: str, text: str) -> None:
        """The student's notes (own argument) or rebuttal (the other side's)."""
        item = self.get(argument_id)
        if text != item.text:
            item.set_text(text, now())


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
    entries: ArgumentList[CaseEntry] = field(default_factory=ArgumentList)  # speaking order
    expected: ArgumentList[Expected] = field(default_factory=ArgumentList)
    drill: dict[str, DrillRecord] = field(default_factory=dict)
    # What the student wrote on a drill card and has not kept as their rebuttal:
    # practice, but theirs, so it is saved as typed (argument id -> text).
    drafts: dict[str, str] = field(default_factory=dict)

    # -- the side ---------------------------------------------------------------

    def choose_side(self, position_id: str) -> None:
        if position_id != self.side:
            self.side, self.side_updated = position_id, now()

    def _require_side(self) -> str:
        if self.side is None:
            raise CaseError("Choose the side you will argue first.")
        return self.side

    # -- the two lists ------------------------------------------------------------

    def list_of(self, kind: Kind) -> ArgumentList[CaseEntry] | ArgumentList[Expected]:
        return self.entries if kind is Kind.MINE else self.expected

    def has(self, key: ItemKey) -> bool:
        return self.list_of(key.kind).find(key.argument) is not None

    def kind_of(self, debate: Debate, argument_id: str) -> Kind:
        """Where an argument belongs: the case if it is the student's side's."""
        side = self._require_side()
        return Kind.MINE if debate.arguments[argument_id].position == side else Kind.EXPECTED

    def add(self, debate: Debate, argument_id: str, kind: Kind = Kind.MINE) -> ItemKey:
        """Add an argument at the end of its list: the student's own side's to the
        case (MINE), the other side's to the list to answer (EXPECTED)."""
        argument = debate.arguments[argument_id]
        if self.kind_of(debate, argument_id) is not kind:
            if kind is Kind.MINE:
                raise CaseError(f"“{argument.claim}” is an argument of "
                                f"{debate.positions[argument.position].name}, not your side.")
            raise CaseError(f"“{argument.claim}” is your own side's argument.")
        key = ItemKey(kind, argument_id)
        if self.has(key):
            return key
        stamp = now()
        if kind is Kind.MINE:
            self.entries.append(CaseEntry(argument_id, quotes_updated=stamp,
                                          notes_updated=stamp))
        else:
            self.expected.append(Expected(argument_id, updated=stamp))
        return key

    def expect_all(self, debate: Debate) -> int:
        """Expect every opposing argument not listed yet; how many were added."""
        missing = [a for a in opposing_arguments(debate, self._require_side())
                   if self.expected.find(a.id) is None]
        stamp = now()
        self.expected.items += [Expected(a.id, updated=stamp) for a in missing]
        return len(missing)

    def collect(self, debate: Debate, argument_id: str) -> Collected:
        """The explorer's one "collect" key: the student's own argument goes into the
        case, an opposing one onto the list to answer. Says which, and whether it
        was there already."""
        kind = self.kind_of(debate, argument_id)
        known = self.has(ItemKey(kind, argument_id))
        self.add(debate, argument_id, kind)
        if kind is Kind.MINE:
            return Collected.ALREADY if known else Collected.ADDED
        return Collected.ALREADY_EXPECTED if known else Collected.EXPECTED

    # -- evidence for the student's own arguments ---------------------------------

    def attach(self, debate: Debate, argument_id: str, quote_id: str) -> None:
        if quote_id not in debate.quotes:
            raise CaseError(f"There is no quote “{quote_id}” in this pack.")
        entry = self.entries.get(argument_id)
        if quote_id not in entry.quotes:
            entry.quotes.append(quote_id)
            entry.quotes_updated = now()

    def detach(self, argument_id: str, quote_id: str) -> None:
        entry = self.entries.get(argument_id)
        if quote_id in entry.quotes:
            entry.quotes.remove(quote_id)
            entry.quotes_updated = now()

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

    def set_draft(self, argument_id: str, text: str) -> None:
        if text.strip():
            self.drafts[argument_id] = text
        else:
            self.drafts.pop(argument_id, None)

    def is_empty(self) -> bool:
        return not (self.side or self.entries or self.expected or self.drill or self.drafts)


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
    by_side = [p for p in debate.positions.values() if p.side and p.side.casefold() == wanted]
    if len(by_side) == 1:
        return by_side[0]
    choices = ", ".join(f"{p.id} ({', '.join(filter(None, (p.label, p.on_motion)))})"
                        for p in debate.positions.values())
    raise CaseError(f"No side called “{given}” in this pack. Choose one of: {choices}.")

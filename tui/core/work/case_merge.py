"""Merging two versions of a case against the version both started from, so two
copies of the app never undo each other and no student's words are dropped.

A three-way merge: `base` is what the saving copy last read from the file,
`mine` is that copy now, `theirs` is the file now. Whatever only one side changed
since `base` is taken from that side; the clocks of the two machines are never
compared for the student's words, so a clock that runs fast wins nothing.
- the side, each note and rebuttal: the side that changed it; when both changed
  one text differently, both are kept, joined under `BOTH_KEPT`, and reported;
- evidence: quotes ticked in either copy are added, unticked in either removed;
- an item removed in one copy stays removed unless the other changed its words;
  an item added in either copy is kept (added again after a removal, too);
- speaking order: from the copy that reordered (or undid a removal); items it
  lacks follow in the other copy's order;
- drill records: the copy that practised; both did: the later attempt;
- drill drafts: like notes (both kept, joined), but practice: not reported.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TypeVar

from tui.core.work.case import (
    ArgumentList,
    Case,
    CaseEntry,
    DrillRecord,
    Expected,
    Item,
    ItemKey,
    Kind,
)

# Between two versions of one text that two copies of the app wrote at once.
BOTH_KEPT = "——— also written in another copy of the app ———"

T = TypeVar("T")


@dataclass
class Merged:
    case: Case
    conflicts: list[ItemKey] = field(default_factory=list)  # texts kept twice


def merge(base: Case | None, mine: Case, theirs: Case) -> Merged:
    base = base if base is not None else Case()
    conflicts: list[ItemKey] = []
    if mine.side != base.side:
        side, side_updated = mine.side, mine.side_updated
    else:
        side, side_updated = theirs.side, theirs.side_updated
    entries = _merge_list(base.entries, mine.entries, theirs.entries,
                          _entry_merger(conflicts))
    expected = _merge_list(base.expected, mine.expected, theirs.expected,
                           _expected_merger(conflicts))
    drill: dict[str, DrillRecord] = {}
    for argument in {**theirs.drill, **mine.drill}:
        record = _pick(base.drill.get(argument), mine.drill.get(argument),
                       theirs.drill.get(argument),
                       lambda m, t: m if m.practised >= t.practised else t)
        if record is not None:
            drill[argument] = record
    drafts: dict[str, str] = {}
    for argument in {**theirs.drafts, **mine.drafts}:
        text, _both = merge_text(base.drafts.get(argument, ""), mine.drafts.get(argument, ""),
                                 theirs.drafts.get(argument, ""))
        if text.strip():
            drafts[argument] = text
    return Merged(Case(side, side_updated, entries, expected, drill, drafts), conflicts)


def _pick(base: T | None, mine: T | None, theirs: T | None,
          both: Callable[[T, T], T]) -> T | None:
    """The changed one of two versions of a value; `both` decides when both changed."""
    if mine == theirs or theirs == base:
        return mine
    if mine == base:
        return theirs
    if mine is None or theirs is None:
        return mine if mine is not None else theirs
    return both(mine, theirs)


def merge_text(base: str, mine: str, theirs: str) -> tuple[str, bool]:
    """One text changed in two copies: the changed one, else both kept (True)."""
    if mine == theirs or theirs == base:
        return mine, False
    if mine == base:
        return theirs, False
    if theirs.strip() in mine:  # one holds all of the other's words: nothing is lost
        return mine, False
    if mine.strip() in theirs:
        return theirs, False
    return f"{mine.rstrip()}\n\n{BOTH_KEPT}\n{theirs.strip()}", True


def _merge_quotes(base: list[str], mine: list[str], theirs: list[str]) -> list[str]:
    gone = (set(base) - set(mine)) | (set(base) - set(theirs))
    return [q for q in dict.fromkeys(mine + theirs) if q not in gone]


def _entry_merger(conflicts: list[ItemKey]
                  ) -> Callable[[CaseEntry | None, CaseEntry, CaseEntry], CaseEntry]:
    def merge_entry(base: CaseEntry | None, mine: CaseEntry, theirs: CaseEntry) -> CaseEntry:
        base = base or CaseEntry(mine.argument)
        notes, both = merge_text(base.notes, mine.notes, theirs.notes)
        if both:
            conflicts.append(ItemKey(Kind.MINE, mine.argument))
        quotes = _merge_quotes(base.quotes, mine.quotes, theirs.quotes)
        return CaseEntry(mine.argument, quotes, notes,
                         max(mine.quotes_updated, theirs.quotes_updated),
                         max(mine.notes_updated, theirs.notes_updated))
    return merge_entry


def _expected_merger(conflicts: list[ItemKey]
                     ) -> Callable[[Expected | None, Expected, Expected], Expected]:
    def merge_expected(base: Expected | None, mine: Expected, theirs: Expected) -> Expected:
        base = base or Expected(mine.argument)
        rebuttal, both = merge_text(base.rebuttal, mine.rebuttal, theirs.rebuttal)
        if both:
            conflicts.append(ItemKey(Kind.EXPECTED, mine.argument))
        return Expected(mine.argument, rebuttal, max(mine.updated, theirs.updated))
    return merge_expected


def _merge_list(base: ArgumentList[Item], mine: ArgumentList[Item],
                theirs: ArgumentList[Item],
                merge_item: Callable[[Item | None, Item, Item], Item]) -> ArgumentList[Item]:
    removed = dict(theirs.removed)
    for argument, stamp in mine.removed.items():
        removed[argument] = max(stamp, removed.get(argument, 0.0))
    alive: dict[str, Item] = {}
    for argument in dict.fromkeys([i.argument for i in mine] + [i.argument for i in theirs]):
        was, a, b = base.find(argument), mine.find(argument), theirs.find(argument)
        if a is not None and b is not None:
            alive[argument] = merge_item(was, a, b)
            continue
        only = a if a is not None else b
        assert only is not None
        # In one copy only: added there (not in base), or removed in the other; a
        # removal gives way to words changed since, which are the student's.
        if was is None or only != was:
            alive[argument] = copy.deepcopy(only)
    leader, follower = ((mine, theirs) if _reordered(base, mine) else (theirs, mine))
    order = dict.fromkeys([i.argument for i in leader] + [i.argument for i in follower])
    return ArgumentList([alive[a] for a in order if a in alive],
                        max(mine.order_updated, theirs.order_updated), removed)


def _reordered(base: ArgumentList[Item], mine: ArgumentList[Item]) -> bool:
    """Whether this copy changed the order itself (a move, or an undone removal)."""
    if mine.order_updated != base.order_updated:
        return True
    in_both = {i.argument for i in base} & {i.argument for i in mine}
    return ([i.argument for i in mine if i.argument in in_both]
            != [i.argument for i in base if i.argument in in_both])


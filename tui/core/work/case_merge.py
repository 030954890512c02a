"""Merging two versions of a case, so two copies of the app never undo each other.

The rule, item by item, newest stamp wins (a tie goes to `mine`, the one saving):
- the side: the newer choice;
- a case entry: its notes from whichever copy edited them last, its evidence
  likewise (the two are stamped apart);
- an expected argument: the newer rebuttal; a drill record: the newer attempt;
- removals leave a stamp, so an entry removed in one copy stays removed unless
  the other copy touched it after the removal (then the student's later words win);
- speaking order: the order from whichever copy last reordered explicitly; entries
  it lacks follow in the other copy's order. Adding or removing does not reorder.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import TypeVar

from tui.core.work.case import Case, CaseEntry, CaseItem

Item = TypeVar("Item", bound=CaseItem)


def merge(mine: Case, theirs: Case) -> Case:
    side, side_updated = ((mine.side, mine.side_updated)
                          if mine.side_updated >= theirs.side_updated
                          else (theirs.side, theirs.side_updated))
    entries, entries_order, removed_entries = _merge_list(
        mine.entries, mine.entries_order_updated, mine.removed_entries,
        theirs.entries, theirs.entries_order_updated, theirs.removed_entries, _merge_entry)
    expected, expected_order, removed_expected = _merge_list(
        mine.expected, mine.expected_order_updated, mine.removed_expected,
        theirs.expected, theirs.expected_order_updated, theirs.removed_expected,
        lambda a, b: a if a.updated >= b.updated else b)
    drill = dict(theirs.drill)
    for argument, record in mine.drill.items():
        if argument not in drill or record.practised >= drill[argument].practised:
            drill[argument] = record
    return Case(side, side_updated, entries, entries_order, removed_entries,
                expected, expected_order, removed_expected, drill)


def _merge_entry(mine: CaseEntry, theirs: CaseEntry) -> CaseEntry:
    notes = mine if mine.notes_updated >= theirs.notes_updated else theirs
    quotes = mine if mine.quotes_updated >= theirs.quotes_updated else theirs
    return CaseEntry(mine.argument, list(quotes.quotes), notes.notes,
                     quotes.quotes_updated, notes.notes_updated)


def _merge_list(
    mine: list[Item], mine_order: float, mine_removed: dict[str, float],
    theirs: list[Item], theirs_order: float, theirs_removed: dict[str, float],
    merge_item: Callable[[Item, Item], Item],
) -> tuple[list[Item], float, dict[str, float]]:
    removed = dict(theirs_removed)
    for argument, stamp in mine_removed.items():
        removed[argument] = max(stamp, removed.get(argument, 0.0))
    theirs_by_id = {item.argument: item for item in theirs}
    mine_by_id = {item.argument: item for item in mine}
    alive: dict[str, Item] = {}
    for argument in {**theirs_by_id, **mine_by_id}:
        a, b = mine_by_id.get(argument), theirs_by_id.get(argument)
        if a is not None and b is not None:
            item = merge_item(a, b)
        else:  # in one copy only; when not in mine, it is in theirs
            item = copy.deepcopy(a if a is not None else theirs_by_id[argument])
        # Kept unless removed after its last change. An item never removed is always
        # kept, whatever its stamp: a file written without stamps reads them as 0.
        if argument not in removed or item.updated > removed[argument]:
            alive[argument] = item
    leader, follower = (mine, theirs) if mine_order >= theirs_order else (theirs, mine)
    order = [i.argument for i in leader] + [i.argument for i in follower]
    seen: set[str] = set()
    merged: list[Item] = []
    for argument in order:
        if argument in alive and argument not in seen:
            seen.add(argument)
            merged.append(alive[argument])
    return merged, max(mine_order, theirs_order), removed

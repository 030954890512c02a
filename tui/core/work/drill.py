"""Rebuttal drill: which opposing arguments to practise, in what order, and how
the student has done so far. The progress lives in the `Case` and is saved with it."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from tui.core.pack.model import Argument, Debate
from tui.core.work.case import MARKS, Case, CaseError, DrillRecord, now, opposing_arguments

ORDERS = ("in order", "shuffled")
NOT_YET = "not yet"  # never practised


def deck(debate: Debate, case: Case, order: str = "in order", seed: int | None = None,
         only_needing_work: bool = False) -> list[Argument]:
    """The cards: every opposing argument, those the student expects first (in their
    order), then the rest in pack order; shuffled with `seed` when asked."""
    if order not in ORDERS:
        raise CaseError(f"Unknown drill order “{order}”; choose one of: {', '.join(ORDERS)}.")
    if case.side is None:
        raise CaseError("Choose the side you will argue before drilling.")
    opposing = opposing_arguments(debate, case.side)
    rank = {x.argument: place for place, x in enumerate(case.expected)}
    cards = sorted(opposing, key=lambda a: rank.get(a.id, len(rank)))
    if only_needing_work:
        cards = [a for a in cards if status(case, a.id) != "good"]
    if order == "shuffled":
        random.Random(seed).shuffle(cards)
    return cards


def mark(case: Case, argument_id: str, how: str) -> DrillRecord:
    """Record one attempt at answering an opposing argument."""
    if how not in MARKS:
        raise CaseError(f"Unknown mark “{how}”; choose one of: {', '.join(MARKS)}.")
    previous = case.drill.get(argument_id)
    record = DrillRecord(argument_id, how, (previous.attempts if previous else 0) + 1, now())
    case.drill[argument_id] = record
    return record


def status(case: Case, argument_id: str) -> str:
    """The last mark for this argument, or "not yet"."""
    record = case.drill.get(argument_id)
    return record.mark if record else NOT_YET


@dataclass(frozen=True)
class Progress:
    counts: dict[str, int]  # every mark and "not yet" -> how many opposing arguments
    needing_work: list[Argument]  # worst first: missed, shaky, then never practised


def progress(debate: Debate, case: Case) -> Progress:
    """How the drill stands over every opposing argument in the pack."""
    if case.side is None:
        return Progress({m: 0 for m in (*MARKS, NOT_YET)}, [])
    opposing = opposing_arguments(debate, case.side)
    counts = Counter(status(case, a.id) for a in opposing)
    rank = {m: i for i, m in enumerate(("missed", "shaky", NOT_YET))}
    needing = sorted((a for a in opposing if status(case, a.id) != "good"),
                     key=lambda a: rank[status(case, a.id)])
    return Progress({m: counts.get(m, 0) for m in (*MARKS, NOT_YET)}, needing)

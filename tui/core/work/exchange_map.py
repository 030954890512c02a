"""The map of the exchanges: what answers an argument and what answers those, what it
answers and what those answer; and, for the whole debate, how each argument is answered
and whether the student has a reply ready.

Worked out one level at a time, when the student unfolds it, so a pack of 10,000
arguments costs only what is on screen. A cycle (A answers B, B answers A) shows the
repeat once, marked, and goes no further.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from tui.core.pack.model import Argument, Debate
from tui.core.pack.rebuttals import PAIRED_SHORT, RECORDED_SHORT, how_short, unrecorded_short
from tui.core.wording import plural
from tui.core.work.marks import CaseMarks

RECORDED = RECORDED_SHORT  # rebuttals words recorded vs paired; these are its short words
PAIRED = PAIRED_SHORT
SHOWN_ABOVE = "↻ shown above"
READY = "✓ reply ready"


class Direction(Enum):
    """Which way a branch of the map runs."""

    ANSWERED_BY = "What answers it"  # the arguments that rebut this one, and so on
    ANSWERS = "What it answers"  # the arguments this one rebuts, and so on


@dataclass(frozen=True, slots=True)
class MapEntry:
    """One argument in a branch: how it is linked to the one above it."""

    argument: Argument
    direction: Direction
    recorded: bool  # the sources record this exchange; otherwise the pack pairs them
    repeat: bool  # already on the path from the top: shown once, not unfolded again
    unfolds: bool  # has a next level in the same direction
    how: str  # rebuttals' words for `recorded`: the pack's pairing or an imported link

    @property
    def tag(self) -> str:
        """The row's one word: "recorded", "paired" or "linked"."""
        return self.how.split()[0]


def _linked(debate: Debate, argument: Argument, direction: Direction) -> list[Argument]:
    if direction is Direction.ANSWERED_BY:
        return debate.rebutted_by(argument.id)
    return [debate.arguments[a] for a in argument.rebuts if a in debate.arguments]


def _recorded(answer: Argument, answered: Argument) -> bool:
    return answer.exchange_with(answered.id) is not None


def branch(debate: Debate, path: tuple[str, ...], direction: Direction) -> list[MapEntry]:
    """The next level below the last argument of `path` (the ids from the top down)."""
    argument = debate.arguments[path[-1]]
    entries = []
    for other in _linked(debate, argument, direction):
        recorded = (_recorded(other, argument) if direction is Direction.ANSWERED_BY
                    else _recorded(argument, other))
        repeat = other.id in path
        unfolds = not repeat and bool(_linked(debate, other, direction))
        entries.append(MapEntry(other, direction, recorded, repeat, unfolds,
                                how_short(debate, recorded)))
    return entries


def how_answered(debate: Debate, argument: Argument) -> str:
    """ "answered by 3: 1 recorded in the sources, 2 paired by the pack"; "unanswered" """
    answers = debate.rebutted_by(argument.id)
    if not answers:
        return "unanswered"
    # Most arguments record no exchange: looked for only where there are some.
    recorded = sum(1 for answer in answers
                   if answer.exchanges and _recorded(answer, argument))
    unrecorded = len(answers) - recorded
    parts = [f"{recorded} {RECORDED}" if recorded else "",
             f"{unrecorded} {unrecorded_short(debate)}" if unrecorded else ""]
    return f"answered by {len(answers)}: " + ", ".join(p for p in parts if p)


def reply_ready(debate: Debate, marks: CaseMarks, argument: Argument) -> str:
    """Whether the student could answer this argument of the other side tomorrow:
    their written rebuttal, or an argument in their case that answers it. "" for
    their own side's arguments, and before they choose a side."""
    if marks.side is None or argument.position == marks.side:
        return ""
    if argument.id in marks.replied:
        return f"{READY}: your rebuttal is written"
    if any(answer.id in marks.mine for answer in debate.rebutted_by(argument.id)):
        return f"{READY}: an argument in your case answers it"
    return "✗ no reply ready"


def overview_line(debate: Debate, marks: CaseMarks, argument: Argument) -> str:
    """The whole debate's map, one argument: how it is answered, what it answers,
    whether the student has a reply ready."""
    parts = [how_answered(debate, argument)]
    if argument.rebuts:
        parts.append(f"answers {plural(len(argument.rebuts), 'argument')}")
    ready = reply_ready(debate, marks, argument)
    if ready:
        parts.append(ready)
    return " · ".join(parts)

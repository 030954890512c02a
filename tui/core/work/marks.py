"""How a listed argument says where it stands in the student's case, in words that read
without colour: "✓ in your case", "↩ to answer", "↩ to answer · reply written".

One snapshot of the case, taken when a list is drawn; every list asks it the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the debate screen imports this at start-up; the case's code can wait
    from tui.core.work.case import Case

IN_CASE = "✓ in your case"
TO_ANSWER = "↩ to answer"
REPLY_WRITTEN = "reply written"


@dataclass(frozen=True, slots=True)
class CaseMarks:
    """Which arguments the student has taken into their case or listed to answer."""

    side: str | None = None
    mine: frozenset[str] = frozenset()
    expected: frozenset[str] = frozenset()
    replied: frozenset[str] = frozenset()  # expected, with the student's rebuttal written

    @classmethod
    def of_case(cls, case: Case) -> CaseMarks:
        return cls(case.side,
                   frozenset(entry.argument for entry in case.entries),
                   frozenset(item.argument for item in case.expected),
                   frozenset(item.argument for item in case.expected if item.rebuttal.strip()))

    def of(self, argument_id: str) -> str:
        """The mark for one argument; "" when the case does not hold it."""
        if argument_id in self.mine:
            return IN_CASE
        if argument_id in self.expected:
            return (f"{TO_ANSWER} · {REPLY_WRITTEN}" if argument_id in self.replied
                    else TO_ANSWER)
        return ""

    def __bool__(self) -> bool:
        return bool(self.side or self.mine or self.expected)


NO_MARKS = CaseMarks()


"""What the validator tells an author: where a problem is and what is wrong."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Any, Literal

from tui.core.controls import one_line

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    line: int  # 1-based; 0 when the problem belongs to a whole file or folder
    column: int
    message: str
    hint: str = ""
    severity: Severity = "error"

    def __post_init__(self) -> None:
        # A file name or a pack's value may hold ESC or a newline: the validator
        # never echoes one raw, whoever prints or shows the problem.
        for name in ("file", "message", "hint"):
            text = getattr(self, name)
            safe = one_line(text)
            if safe is not text:
                object.__setattr__(self, name, safe)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}" if self.line else self.file
        label = "warning: " if self.severity == "warning" else ""
        text = f"{where}: {label}{self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.message)


def nearest(word: str, choices: Any) -> str:
    """The choice closest to a misspelt word, or an empty string."""
    match = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return match[0] if match else ""


def did_you_mean(word: str, choices: Any) -> str:
    """A 'did you mean' hint, or an empty string."""
    match = nearest(word, choices)
    return f"did you mean '{match}'?" if match else ""

"""How the debate screen lays out its positions at a given width: side by side when
their columns fit, otherwise one at a time under a row of tabs, or beside a list of
positions to choose from when even the tabs would not fit on one line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from rich.cells import cell_len

from tui.core.controls import visible

Arrangement = Literal["columns", "tabs", "list"]

# Below 50 cells a column would clip most claims to a few words a line.
MIN_COLUMN = 50
# More columns than this never fit a terminal; the screen builds at most this many.
MAX_COLUMNS = 6
TAB_GAP = "  "


def tab_label(label: str, arguments: int) -> str:
    """One tab: " Council (12) "; the label is pack data, its controls made visible."""
    return visible(f" {label} ({arguments}) ")


def arrangement(width: int, tabs: Sequence[str]) -> Arrangement:
    """The layout for positions whose tabs (`tab_label`) are given, `width` cells wide."""
    count = len(tabs)
    if count <= MAX_COLUMNS and count * MIN_COLUMN <= width:
        return "columns"
    if tabs_width(tabs) <= width:
        return "tabs"
    return "list"


def tabs_width(tabs: Sequence[str]) -> int:
    """Cells the row of tabs takes, gaps between them included."""
    return sum(map(cell_len, tabs)) + len(TAB_GAP) * max(len(tabs) - 1, 0)

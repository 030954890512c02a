"""`y`: the quote in view copied with its citation, for the student's notes."""

from __future__ import annotations

from textual.screen import Screen

from tui.core.export.citation import citation
from tui.core.pack.model import Debate, Quote

from ..text import shorten


def copy_quote(screen: Screen[None], debate: Debate, quote: Quote) -> None:
    """Copy and say what was copied (the terminal may not show the clipboard)."""
    text = citation(debate, quote)
    screen.app.copy_to_clipboard(text)
    screen.notify(f"Copied: {shorten(text, 70)}", timeout=4)

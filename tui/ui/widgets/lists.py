"""An OptionList that also moves with j and k, used for every list in the explorer, and
the headings that divide such a list into sections."""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import OptionList
from textual.widgets.option_list import Option


def heading(title: str, count: int, empty: str) -> Option:
    """A section's heading inside a list: "Quotes (3)", or "Rebuttals — none yet"."""
    text = Text.assemble((title, "bold underline"))
    text.append(f" ({count})" if count else f" — {empty}", style="dim")
    return Option(text, disabled=True)


class KeyList(OptionList):
    """Arrows and j/k both move; Enter opens the highlighted item."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open", show=True),
    ]

    def highlighted_id(self) -> str | None:
        if self.highlighted is None:
            return None
        return self.get_option_at_index(self.highlighted).id

    def highlight_id(self, option_id: str) -> bool:
        """Move the highlight to an option by id; False when it is not in the list."""
        try:
            self.highlighted = self.get_option_index(option_id)
        except Exception:  # OptionDoesNotExist
            return False
        return True

"""One position on the debate screen: its title (name, side, count, stance), clamped to
a few lines however long the pack's wording, above the list of its arguments."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget

from tui.core.layout.rows import ArgumentRow
from tui.core.pack.model import Position

from ..text import data_text, plural
from .argument_list import ArgumentList

ELLIPSIS = "…"


def clamp(console: Console, text: Text, width: int, most: int) -> list[Text]:
    """`text` word-wrapped to `width`, at most `most` lines; a cut shows as an ellipsis."""
    lines = list(text.wrap(console, max(width, 1)))
    for line in lines:
        line.rstrip()  # the space a line broke at, which Textual's own wrapping drops
    if len(lines) <= most:
        return lines
    last = lines[most - 1]
    last.truncate(max(width - 1, 0))
    last.rstrip()
    last.append(ELLIPSIS, style=last.get_style_at_offset(console, max(len(last) - 1, 0)))
    return lines[:most]


class PositionTitle(Widget):
    """The position's name, side and number of arguments (two lines at most), then its
    stance (three lines at most)."""

    DEFAULT_CSS = """
    PositionTitle {
        height: auto;
    }
    """

    def __init__(self, *, classes: str | None = None) -> None:
        super().__init__(classes=classes)
        self._parts: list[Text] = []

    def show(self, position: Position, arguments: int) -> None:
        self.set_parts(position, arguments)
        self.refresh(layout=True)

    def set_parts(self, position: Position, arguments: int) -> None:
        head = Text.assemble(data_text(position.name, "bold"))
        if position.on_motion:
            head.append(f" ({position.on_motion})")
        head.append(" · ")
        head.append(plural(arguments, "argument"), style="dim")
        self._parts = [head, data_text(position.stance, "italic")]

    def _lines(self, width: int) -> list[Text]:
        # The name at most two lines, the stance three: what a student reads first.
        return [line for part, most in zip(self._parts, (2, 3), strict=False)
                for line in clamp(self.app.console, part, width, most)]

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Text:
        lines = self._lines(self.content_size.width)
        text = Text("\n").join(lines)
        text.no_wrap = True
        return text


class PositionPane(Vertical):
    """A title and an argument list that can show any one position: the screen
    turns it to another by giving it that position's rows."""

    def __init__(self, number: int,
                 first: tuple[int, Position, list[ArgumentRow]] | None = None) -> None:
        super().__init__(classes="position", id=f"position-{number}")
        self.number = number
        # The index of the position shown, None while hidden with nothing to keep.
        self.showing: int | None = first[0] if first else None
        self._first = first  # shown from the first frame, not one frame late

    def compose(self) -> ComposeResult:
        title = PositionTitle(classes="position-title")
        rows: list[ArgumentRow] = []
        if self._first is not None:
            _, position, rows = self._first
            title.set_parts(position, len(rows))
        yield title
        yield ArgumentList(rows, id=f"arguments-{self.number}")

    @property
    def arguments(self) -> ArgumentList:
        return self.query_one(ArgumentList)

    @property
    def title(self) -> PositionTitle:
        return self.query_one(PositionTitle)

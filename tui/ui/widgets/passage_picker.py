"""An article with a caret and a selection, chosen by keyboard, for making quotes.

The selection reads without colour: reverse video and underline, a bar in the
margin of every line it covers, and the margin's arrow on the caret's line. The
passages already quoted are underlined, as in the explorer.
"""

from __future__ import annotations

import re
from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.containers import VerticalScroll
from textual.geometry import Size
from textual.strip import Strip
from textual.widget import Widget

from tui.core.authoring.selection import Selection
from tui.core.controls import visible
from tui.core.layout.wrap import WrappedLines

SELECTED = Style(reverse=True, underline=True)
CARET = Style(reverse=True, bold=True)
QUOTED = Style(underline=True)
_ONE_BREAK = re.compile(r"(?<!\n)\n(?!\n)")
GUTTER = 2  # the margin: '┃ ' beside the selection, '▶ ' at the caret


class PassageText(Widget):
    """The wrapped article; only the lines in view are drawn."""

    DEFAULT_CSS = """
    PassageText {
        height: auto;
    }
    """

    def __init__(self, text: str, quoted: list[tuple[int, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = visible(text)  # one symbol for each control character: offsets stay
        self.selection = Selection(self.text)
        # Drawn with the article's line breaks inside paragraphs as spaces, so its lines
        # re-flow to the width (one character for one: every offset stays).
        self.shown = _ONE_BREAK.sub(" ", self.text)
        self.quoted = quoted
        self._wrapped = WrappedLines(self.shown)

    def lines(self, width: int) -> list[tuple[int, int]]:
        return self._wrapped.at(max(width - GUTTER, 1))  # the margin shows the selection

    def line_of(self, offset: int) -> int:
        return self._wrapped.line_of(offset, max(self.size.width - GUTTER, 1))

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        spans = self.lines(width)
        if y >= len(spans):
            return Strip.blank(width, base)
        start, end = spans[y]
        selection = self.selection
        chosen = selection.span
        caret = selection.caret_span
        if chosen and chosen[0] < end + 1 and chosen[1] > start:
            mark = "┃ "
        elif caret and caret[0] < end + 1 and caret[1] > start:
            mark = "▶ "
        else:
            mark = "  "
        cuts = {start, end}
        for a, b in [*self.quoted, *(s for s in (chosen, caret) if s)]:
            if a < end and b > start:
                cuts.update((max(a, start), min(b, end)))
        segments = [Segment(mark, base + Style(bold=True))]
        segments += [Segment(self.shown[a:b], base + self._style_at(a))
                     for a, b in pairwise(sorted(cuts)) if a < b]
        return Strip(segments).extend_cell_length(width, base)

    def _style_at(self, offset: int) -> Style:
        chosen = self.selection.span
        caret = self.selection.caret_span
        if chosen and chosen[0] <= offset < chosen[1]:
            return SELECTED + (Style(bold=True) if caret and caret[0] <= offset else Style())
        if caret and not chosen and caret[0] <= offset < caret[1]:
            return CARET
        if any(a <= offset < b for a, b in self.quoted):
            return QUOTED
        return Style()


class PassagePicker(VerticalScroll):
    """Scrolls the article so the caret stays in view."""

    def __init__(self, text: str, quoted: list[tuple[int, int]], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.passage = PassageText(text, quoted, id="passage-text")

    def compose(self):  # type: ignore[no-untyped-def]
        yield self.passage

    @property
    def selection(self) -> Selection:
        return self.passage.selection

    def changed(self) -> None:
        """Redraw, and bring the caret's line into view."""
        self.passage.refresh()
        caret = self.selection.caret_span
        if caret is None or not self.scrollable_content_region.height:
            return
        line = self.passage.line_of(caret[0])
        height = self.scrollable_content_region.height
        if not self.scroll_y <= line < self.scroll_y + height:
            self.scroll_to(y=max(line - height // 3, 0), animate=False)

    def line_offsets(self, step: int) -> int:
        """The offset of the start of the line `step` lines from the caret's."""
        caret = self.selection.caret_span
        spans = self.passage.lines(self.passage.size.width)
        if caret is None or not spans:
            return 0
        line = min(max(self.passage.line_of(caret[0]) + step, 0), len(spans) - 1)
        return spans[line][0]

    def set_quoted(self, quoted: list[tuple[int, int]]) -> None:
        self.passage.quoted = quoted
        self.passage.refresh()

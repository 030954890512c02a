"""A source's article, wrapped, with its quoted passages marked and one highlighted.

The article is wrapped once per width into lines that know their character
offsets, and only the lines on screen are drawn; stepping to another passage
repaints, it does not wrap again. The highlight is reverse video and bold, so
it reads in every theme and with NO_COLOR; the other quoted passages are
underlined.
"""

from __future__ import annotations

from itertools import pairwise

from rich.segment import Segment
from rich.style import Style
from textual.app import ComposeResult
from textual.binding import Binding
from textual.cache import LRUCache
from textual.containers import VerticalScroll
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from tui.core.controls import visible
from tui.core.layout.wrap import WrappedLines
from tui.core.pack.model import Quote, Source

CURRENT = Style(reverse=True, bold=True)
OTHER = Style(underline=True)


class ArticleText(Widget):
    """The article's lines; the scrolling container around it asks only for those in view."""

    DEFAULT_CSS = """
    ArticleText {
        height: auto;
    }
    """

    def __init__(self, source: Source, quotes: list[Quote], *, name: str | None = None,
                 id: str | None = None, classes: str | None = None,
                 disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        # One symbol for each control character: the quotes' offsets stay right.
        self.text = visible(source.text)
        self.quotes = quotes  # in reading order
        self.current: Quote | None = None
        self._wrapped = WrappedLines(self.text)
        # Drawn lines by (line, width, style, current passage if on that line): a step to
        # another passage redraws only the lines it changes.
        self._strips: LRUCache[tuple[int, int, Style, str | None], Strip] = LRUCache(1024)
        self._base = Style()

    def lines(self, width: int) -> list[tuple[int, int]]:
        """The (start, end) offsets of each line at this width, wrapped once per width."""
        return self._wrapped.at(width)

    def line_of(self, offset: int) -> int:
        """The line on which a character offset falls, at the current width."""
        return self._wrapped.line_of(offset, self.size.width)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.lines(width))

    def mark(self, current: Quote | None) -> None:
        """Highlight another passage: a repaint of the lines in view, no new wrapping."""
        self.current = current
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._base = self.rich_style  # worked out once a pass, not once a line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self._base
        spans = self.lines(width)
        if y >= len(spans):
            return Strip.blank(width, base)
        start, end = spans[y]
        current = self.current
        on_line = current if current and current.start < end and current.end > start else None
        key = (y, width, base, on_line.id if on_line else None)
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._draw(start, end, width, base)
        return strip

    def _draw(self, start: int, end: int, width: int, base: Style) -> Strip:
        # Where the style changes within the line: the edges of every passage on it.
        cuts = {start, end}
        for quote in self.quotes:
            if quote.start < end and quote.end > start:
                cuts.update((max(quote.start, start), min(quote.end, end)))
        points = sorted(cuts)
        segments = [Segment(self.text[a:b], base + self._style_at(a))
                    for a, b in pairwise(points) if a < b]
        return Strip(segments).extend_cell_length(width, base)

    def _style_at(self, offset: int) -> Style:
        current = self.current
        if current is not None and current.start <= offset < current.end:
            return CURRENT
        if any(q.start <= offset < q.end for q in self.quotes):
            return OTHER
        return Style()


class Article(VerticalScroll):
    """Scrolls the article; arrows, j/k, page keys and the mouse wheel all move it."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    def __init__(self, source: Source, quotes: list[Quote], *, name: str | None = None,
                 id: str | None = None, classes: str | None = None,
                 disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.source = source
        self.quotes = quotes

    def compose(self) -> ComposeResult:
        yield ArticleText(self.source, self.quotes, id="article-text")

    def show(self, current: Quote | None, *, scroll: bool = True) -> None:
        """Highlight a passage and bring it into view, a third of the way down."""
        self.query_one(ArticleText).mark(current)
        if current is not None and scroll:
            if self.scrollable_content_region.height:  # laid out: one frame for both
                self._bring_into_view(current)
            else:  # just opened: where lines fall is known after the first layout
                self.call_after_refresh(self._bring_into_view, current)

    def _bring_into_view(self, quote: Quote) -> None:
        line = self.query_one(ArticleText).line_of(quote.start)
        self.scroll_to(y=max(line - self.scrollable_content_region.height // 3, 0),
                       animate=False)

"""A source's article, wrapped, with its quoted passages marked and one highlighted.

The highlight is reverse video and bold, so it reads in every theme and with
NO_COLOR; the other quoted passages are underlined.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from ...core.model import Quote, Source

CURRENT = "reverse bold"
OTHER = "underline"


def marked_article(source: Source, quotes: list[Quote], current: Quote | None) -> Text:
    text = Text(source.text)
    for quote in quotes:
        text.stylize(OTHER, quote.start, quote.end)
    if current is not None:
        text.stylize(CURRENT, current.start, current.end)
    return text


def line_of(text: str, offset: int, width: int) -> int:
    """The wrapped line on which a character offset falls.

    Wrapping is greedy, so the lines before the offset wrap the same way as in
    the whole article: counting the lines of the prefix is enough.
    """
    if offset <= 0 or width <= 0:
        return 0
    return max(len(Content(text[:offset]).wrap(width)) - 1, 0)


class Article(VerticalScroll):
    """Scrolls the article; arrows, j/k, page keys and the mouse wheel all move it."""

    BINDINGS = [
        Binding("j", "scroll_down", "Scroll down", show=False),
        Binding("k", "scroll_up", "Scroll up", show=False),
    ]

    def __init__(self, source: Source, quotes: list[Quote], **kwargs) -> None:
        super().__init__(**kwargs)
        self.source = source
        self.quotes = quotes

    def compose(self):
        yield Static(marked_article(self.source, self.quotes, None), id="article-text")

    def show(self, current: Quote | None, *, scroll: bool = True) -> None:
        """Highlight a passage and bring it into view, a third of the way down."""
        text = self.query_one("#article-text", Static)
        text.update(marked_article(self.source, self.quotes, current))
        if current is not None and scroll:
            self.call_after_refresh(self._bring_into_view, current)

    def _bring_into_view(self, quote: Quote) -> None:
        text = self.query_one("#article-text", Static)
        line = line_of(self.source.text, quote.start, text.content_size.width)
        self.scroll_to(y=max(line - self.scrollable_content_region.height // 3, 0),
                       animate=False)

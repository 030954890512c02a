"""A list of arguments that draws only the rows on screen, for debates of 10,000 arguments.

Each row is a claim, word-wrapped, then a dim line (quotes, rebuttals, themes),
with a rule between rows. Built on Textual's line API: the rows' wrapped heights
are counted once per width from plain text (`RowLayout`), a screen line is
mapped to its row by bisection, and only the lines being drawn are turned into
strips. Keys, messages and names mirror `KeyList` (an `OptionList`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.core.controls import has_control, visible
from tui.core.layout.rows import ArgumentRow, RowLayout, narrowness
from tui.core.layout.wrap import wrap

__all__ = ["ArgumentList", "ArgumentRow"]

# A drawn row: (index, width, its claim and meta styles); a rule: ("rule", width, style).
_StripKey = tuple[int, int, tuple[RichStyle, RichStyle]] | tuple[str, int, RichStyle]
# A component style: (focused, hovered, disabled, component classes).
_StyleKey = tuple[bool, bool, bool, tuple[str, ...]]


class ArgumentList(ScrollView, can_focus=True):
    """Arguments with a highlighted one: arrows or j/k move, Enter or a click opens."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False),
        Binding("up,k", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Open", show=True),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "argument-list--claim",
        "argument-list--meta",
        "argument-list--highlighted",
        "argument-list--hover",
        "argument-list--separator",
    }

    # The look of KeyList in the explorer (app.tcss) and of OptionList's cursor.
    DEFAULT_CSS = """
    ArgumentList {
        height: 1fr;
        padding: 0 1;
        color: $foreground;
        background: $surface;
        overflow-x: hidden;
        overflow-y: auto;
        /* A scrollbar appearing would narrow the rows and re-wrap them all: reserve it. */
        scrollbar-gutter: stable;
        & > .argument-list--meta {
            text-style: dim;
        }
        & > .argument-list--separator {
            color: $foreground 15%;
        }
        & > .argument-list--hover {
            background: $block-hover-background;
        }
        & > .argument-list--highlighted {
            color: $foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 3%;
            & > .argument-list--highlighted {
                color: $block-cursor-foreground;
                background: $block-cursor-background;
                text-style: $block-cursor-text-style;
            }
        }
    }
    /* Without colour the cursor must still show. */
    ArgumentList:nocolor > .argument-list--highlighted {
        text-style: reverse bold;
    }
    """

    highlighted: reactive[int | None] = reactive(None, repaint=False)
    """The index of the highlighted row, or None when the list is empty."""

    _hover: reactive[int | None] = reactive(None, repaint=False, init=False)

    class RowMessage(Message):
        """Something happened to one row."""

        def __init__(self, argument_list: ArgumentList, row_id: str, index: int) -> None:
            super().__init__()
            self.argument_list = argument_list
            self.row_id = row_id
            self.index = index

        @property
        def control(self) -> ArgumentList:
            return self.argument_list

    class Highlighted(RowMessage):
        """The cursor moved to a row."""

    class Selected(RowMessage):
        """A row was chosen (Enter or a click)."""

    def __init__(self, rows: Iterable[ArgumentRow] = (), *, name: str | None = None,
                 id: str | None = None, classes: str | None = None,
                 disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self._rows: list[ArgumentRow] = []
        self._index_of: dict[str, int] = {}
        self._narrow: list[tuple[bool, bool]] | None = None  # per row, worked out once
        self._layout: RowLayout | None = None
        # Rows drawn lately, keyed by (index, width, styles): scrolling back costs nothing.
        self._strips: LRUCache[_StripKey, list[Strip]] = LRUCache(512)
        self._styles: dict[_StyleKey, RichStyle] = {}  # cleared whenever the CSS applies anew
        self._replace_rows(rows)
        self.set_reactive(ArgumentList.highlighted, 0 if self._rows else None)

    # -- the rows ---------------------------------------------------------------

    @property
    def rows(self) -> Sequence[ArgumentRow]:
        return self._rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    option_count = row_count  # KeyList's name for it, so screens read the same


    def set_rows(self, rows: Iterable[ArgumentRow]) -> None:
        """Replace every row; the cursor goes to the first one."""
        self._replace_rows(rows)
        self.set_reactive(ArgumentList.highlighted, None)
        if self.is_mounted:
            self.scroll_to(y=0, animate=False)
            self.refresh()
        self.highlighted = 0 if self._rows else None  # says so with a Highlighted message

    def set_marks(self, mark_of: Callable[[str], str]) -> None:
        """Give each row its mark in the student's case (`mark_of(row id)`), keeping the
        cursor where it is; only a list whose marks changed is laid out again."""
        rows = [row._replace(mark=mark_of(row.id)) for row in self._rows]
        changed = [n for n, (old, new) in enumerate(zip(self._rows, rows, strict=True))
                   if old.mark != new.mark]
        if not changed:
            return
        self._rows = rows
        if self._narrow is not None:  # worked out again for the rows whose mark changed
            for index, flags in zip(changed, narrowness([rows[n] for n in changed]),
                                    strict=True):
                self._narrow[index] = flags
        self._layout = None
        self._strips.clear()
        if self.is_mounted:
            self._current_layout()
            self.scroll_to_highlight()
            self.refresh()

    def _replace_rows(self, rows: Iterable[ArgumentRow]) -> None:
        rows = [_visible(row) for row in rows]
        index_of = {row.id: index for index, row in enumerate(rows)}
        if len(index_of) != len(rows):
            raise ValueError("two rows of an ArgumentList share an id")
        self._rows, self._index_of = rows, index_of
        self._narrow, self._layout = None, None
        self._strips.clear()
        self.set_reactive(ArgumentList._hover, None)

    def highlighted_id(self) -> str | None:
        """The id of the highlighted row, or None."""
        return None if self.highlighted is None else self._rows[self.highlighted].id

    def highlight_id(self, row_id: str) -> bool:
        """Move the highlight to a row by id; False when it is not in the list."""
        index = self._index_of.get(row_id)
        if index is None:
            return False
        self.highlighted = index
        return True

    def validate_highlighted(self, highlighted: int | None) -> int | None:
        if highlighted is None or not self._rows:
            return None
        return min(max(highlighted, 0), len(self._rows) - 1)

    def watch_highlighted(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)
        if new is not None:
            self.scroll_to_highlight()
            self.post_message(self.Highlighted(self, self._rows[new].id, new))

    def watch__hover(self, old: int | None, new: int | None) -> None:
        self._refresh_row(old)
        self._refresh_row(new)

    # -- layout -----------------------------------------------------------------

    def _current_layout(self) -> RowLayout | None:
        """The layout at the current width, counted again only when the width changed."""
        width = self.scrollable_content_region.width
        if width <= 0:
            return self._layout
        if self._layout is None or self._layout.width != width:
            if self._narrow is None:
                self._narrow = narrowness(self._rows)
            self._layout = RowLayout(self._rows, self._narrow, width)
            self._strips.clear()
            virtual_size = Size(width, self._layout.height)
            if virtual_size != self.virtual_size:
                self.virtual_size = virtual_size
                self._scroll_update(virtual_size)
        return self._layout

    def _on_resize(self, event: events.Resize) -> None:
        # New width, new wrapping: the cursor's row may have moved, so bring it back.
        self._current_layout()
        self.scroll_to_highlight()

    def _on_mount(self, event: events.Mount) -> None:
        if self.highlighted is not None:  # as OptionList does: listeners learn the first row
            self.post_message(self.Highlighted(self, self._rows[self.highlighted].id,
                                               self.highlighted))

    def _on_show(self, event: events.Show) -> None:
        self.scroll_to_highlight()

    def scroll_to_highlight(self) -> None:
        """Scroll just enough for the whole highlighted row to be seen."""
        layout = self._current_layout()
        if self.highlighted is None or layout is None or not self.is_mounted:
            return
        start, height = layout.span(self.highlighted)
        self.scroll_to_region(Region(0, start, layout.width, height), animate=False,
                              force=True, immediate=True)

    def _refresh_row(self, index: int | None) -> None:
        if index is None or self._layout is None or index >= len(self._rows):
            return
        start, height = self._layout.span(index)
        self.refresh_lines(start, height)

    # -- drawing ----------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        self._current_layout()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        layout = self._layout
        width = self.scrollable_content_region.width
        found = layout.locate(self.scroll_offset.y + y) if layout is not None else None
        if layout is None or found is None:
            return Strip.blank(width, self._style("argument-list--claim"))
        index, line = found
        strips = self._row_strips(index, layout.width)
        if line < len(strips):
            return strips[line]
        style = self._style("argument-list--separator")
        key: _StripKey = ("rule", layout.width, style)
        rule = self._strips.get(key)
        if rule is None:
            rule = self._strips[key] = [Strip([Segment("─" * layout.width, style)], layout.width)]
        return rule[0]

    def _row_styles(self, index: int) -> tuple[RichStyle, RichStyle]:
        """The claim's and the meta line's styles for a row in its current state."""
        if index == self.highlighted:
            state: tuple[str, ...] = ("argument-list--claim", "argument-list--highlighted")
        elif index == self._hover:
            state = ("argument-list--claim", "argument-list--hover")
        else:
            state = ("argument-list--claim",)
        return self._style(*state), self._style(*state, "argument-list--meta")

    def _style(self, *components: str) -> RichStyle:
        """The Rich style of these component classes, as the widget stands (focus, hover)."""
        key = (self.has_focus, self.mouse_hover, self.is_disabled, components)
        style = self._styles.get(key)
        if style is None:
            # get_visual_style keeps colours, bold, dim and italic but drops reverse, how
            # the cursor shows without colour (NO_COLOR): add the components' text styles.
            style = self.get_visual_style(*components).rich_style
            for component in components:
                style += self.get_component_styles(component).text_style
            self._styles[key] = style
        return style

    def notify_style_update(self) -> None:
        # A new theme or CSS: styles are worked out again, and strips keyed by them.
        self._styles.clear()
        self.refresh()
        super().notify_style_update()

    def _row_strips(self, index: int, width: int) -> list[Strip]:
        styles = self._row_styles(index)
        key: _StripKey = (index, width, styles)
        strips = self._strips.get(key)
        if strips is None:
            row = self._rows[index]
            claim_style, meta_style = styles
            lines = [(line, claim_style) for line in wrap(row.claim, width)]
            meta_at = len(lines)
            if row.meta or row.mark:
                lines += [(line, meta_style) for line in wrap(row.meta_line, width)]
            # The text names its row and line (for mouse handlers, via event.style.meta),
            # which also keeps it a segment apart from the padding, as in OptionList.
            strips = [_strip(line, width, style + RichStyle.from_meta({"row": index, "line": n}),
                             claim_style)
                      for n, (line, style) in enumerate(lines)]
            if row.mark and meta_at < len(lines):
                # The case's mark stands out from the dim counts (bold, not only colour).
                text = lines[meta_at][0]
                cut = len(row.mark) if text.startswith(row.mark) else 0
                meta = RichStyle.from_meta({"row": index, "line": meta_at})
                strip = Strip([Segment(text[:cut], claim_style + RichStyle(bold=True) + meta),
                               Segment(text[cut:], meta_style + meta)])
                strips[meta_at] = strip.extend_cell_length(width, claim_style).crop(0, width)
            self._strips[key] = strips
        return strips

    # -- keys and mouse ---------------------------------------------------------

    def action_cursor_down(self) -> None:
        self._step(1)

    def action_cursor_up(self) -> None:
        self._step(-1)

    def _step(self, step: int) -> None:
        # Past the last row the cursor goes round to the first, as in OptionList.
        if self._rows:
            start = self.highlighted if self.highlighted is not None else (-1 if step > 0 else 0)
            self.highlighted = (start + step) % len(self._rows)

    def action_first(self) -> None:
        if self._rows:
            self.highlighted = 0

    def action_last(self) -> None:
        if self._rows:
            self.highlighted = len(self._rows) - 1

    def action_page_down(self) -> None:
        self._move_page(1)

    def action_page_up(self) -> None:
        self._move_page(-1)

    def _move_page(self, direction: int) -> None:
        """Move the cursor to the row a screenful of lines away."""
        layout = self._current_layout()
        if not self._rows or layout is None:
            return
        if self.highlighted is None:
            self.highlighted = 0 if direction > 0 else len(self._rows) - 1
            return
        start, _ = layout.span(self.highlighted)
        y = start + direction * self.scrollable_content_region.height
        found = layout.locate(min(max(y, 0), layout.height - 1))
        if found is not None:
            self.highlighted = found[0]

    def action_select(self) -> None:
        if self.highlighted is not None:
            index = self.highlighted
            self.post_message(self.Selected(self, self._rows[index].id, index))

    def _row_under(self, event: events.MouseEvent) -> int | None:
        """The row under the mouse; None over a rule, the padding or past the end."""
        offset = event.get_content_offset(self)
        if offset is None or self._layout is None:
            return None
        found = self._layout.locate(self.scroll_offset.y + offset.y)
        if found is None:
            return None
        index, line = found
        return index if line < self._layout.span(index)[1] else None

    async def _on_click(self, event: events.Click) -> None:  # async, as Widget's is
        index = self._row_under(event)
        if index is not None:
            self.highlighted = index
            self.action_select()

    def _on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover = self._row_under(event)

    def _on_leave(self, event: events.Leave) -> None:
        self._hover = None


def _visible(row: ArgumentRow) -> ArgumentRow:
    """The row with any control character of its text shown as a symbol."""
    if has_control(row.claim) or has_control(row.meta) or has_control(row.mark):
        return row._replace(claim=visible(row.claim), meta=visible(row.meta),
                            mark=visible(row.mark))
    return row


def _strip(text: str, width: int, style: RichStyle, pad_style: RichStyle) -> Strip:
    """One line of a row, padded to the full width (the padding never dim, as in OptionList)."""
    cells = len(text) if text.isascii() else cell_len(text)
    if cells > width:  # only a wide character on a line narrower than it
        return Strip([Segment(text, style)], cells).crop(0, width)
    if cells == width:
        return Strip([Segment(text, style)], width)
    return Strip([Segment(text, style), Segment(" " * (width - cells), pad_style)], width)

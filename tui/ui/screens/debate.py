"""The debate: the motion, and each position's arguments. Side by side where the columns
fit the measured width; otherwise one position at a time, chosen with tabs, or from a
list of positions when even the tabs would not fit (any number, up to 50 and beyond)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events, on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.core.layout.positions import (
    MAX_COLUMNS,
    TAB_GAP,
    Arrangement,
    arrangement,
    tab_label,
)
from tui.core.layout.rows import ArgumentRow
from tui.core.pack.model import Debate
from tui.core.wording import the_others
from tui.core.work.marks import NO_MARKS

from ..messages import CollectArgument, OpenPlace
from ..text import argument_counts, data_text
from ..widgets.argument_list import ArgumentList
from ..widgets.lists import KeyList
from ..widgets.position_pane import PositionPane
from .base import ViewScreen


class DebateScreen(ViewScreen):
    KIND = "debate"
    KEEP = True  # built once a session: a large pack's rows and counts take a moment
    BINDINGS = [
        # Two positions: "the other side"; more: the next one. check_action keeps one.
        Binding("tab,p", "other_side", "Other side"),
        Binding("tab,p", "switch_position", "Positions"),  # the next; short, for 80 columns
        Binding("shift+tab", "switch_position(-1)", "Previous position", show=False),
        # Left and right step between columns and tabs; beside a list of positions,
        # left goes to the list and right back to the arguments.
        Binding("left", "left", "Previous position or the list of positions", show=False,
                priority=True),
        Binding("right", "right", "Next position or back to the arguments", show=False,
                priority=True),
        Binding("r", "answered_by", "Replies"),
        Binding("a", "add_to_case", "Add to case"),
        Binding("m", "open_map", "Map of the exchanges", show=False),
    ]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        return "Debate"

    # -- building -----------------------------------------------------------------

    def compose_view(self) -> ComposeResult:
        debate = self.debate
        self.position_ids = list(debate.positions)
        self.tabs = [tab_label(p.label, len(debate.arguments_of(p.id)))
                     for p in debate.positions.values()]
        position = self.initial_state.get("position", 0)
        self.current = position if isinstance(position, int) and 0 <= position < len(
            self.position_ids) else 0
        self._rows: dict[int, list[ArgumentRow]] = {}  # made when a position is first shown
        # The case is read after the first frame (restore_state): start-up pays for
        # neither reading it nor importing the code that does.
        self._marks = NO_MARKS
        self._cursor: dict[int, int] = {}  # each position's highlighted row, while not shown
        self.arranged: Arrangement = arrangement(self.app.size.width - 2, self.tabs)
        self.set_class(True, f"-{self.arranged}")
        yield Static(Text.assemble(("Motion: ", "bold"), data_text(debate.info.motion)),
                     id="motion")
        yield Static(id="position-tabs")
        with Horizontal(id="positions"):
            choices = KeyList(*(Option(self._choice(n), id=str(n))
                                for n in range(len(self.position_ids))), id="position-list")
            choices.border_title = f"{len(self.position_ids)} positions"
            yield choices
            # Columns for every position when they could ever fit; else one to turn.
            count = len(self.position_ids)
            for number in range(count if count <= MAX_COLUMNS else min(count, 1)):
                columns = self.arranged == "columns"
                showing = number if columns else self.current if number == 0 else None
                pane = PositionPane(number, None if showing is None else (
                    showing, debate.positions[self.position_ids[showing]],
                    self.rows_of(showing)))
                pane.set_class(number == (self.current if columns else 0), "-current")
                yield pane

    def _choice(self, number: int) -> Text:
        position = self.debate.positions[self.position_ids[number]]
        return Text.assemble(data_text(position.label, "bold"),
                             (f" ({len(self.debate.arguments_of(position.id))})", "dim"))

    def rows_of(self, number: int) -> list[ArgumentRow]:
        rows = self._rows.get(number)
        if rows is None:
            debate, marks = self.debate, self._marks
            rows = self._rows[number] = [
                ArgumentRow(a.id, a.claim, argument_counts(debate, a), marks.of(a.id))
                for a in debate.arguments_of(self.position_ids[number])]
        return rows

    def panes(self) -> list[PositionPane]:
        return list(self.query(PositionPane))

    def _release(self, pane: PositionPane) -> None:
        """The pane leaves its position: the cursor there is kept for its return."""
        if pane.showing is not None and pane.arguments.highlighted is not None:
            self._cursor[pane.showing] = pane.arguments.highlighted
        pane.showing = None

    def _show_in(self, pane: PositionPane, number: int) -> None:
        """Turn a pane to a position, keeping the cursor of the one it showed."""
        if pane.showing == number:
            return
        arguments = pane.arguments
        self._release(pane)
        pane.showing = number
        position = self.debate.positions[self.position_ids[number]]
        rows = self.rows_of(number)
        pane.title.show(position, len(rows))
        arguments.set_rows(rows)
        highlighted = self._cursor.get(number, 0)
        if rows:
            arguments.highlighted = min(highlighted, len(rows) - 1)

    # -- arranging ------------------------------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        arranged = arrangement(event.size.width - 2, self.tabs)
        if arranged != self.arranged:
            self.set_class(False, f"-{self.arranged}")
            self.arranged = arranged
            self.set_class(True, f"-{arranged}")
            self.show_position(self.current, focus=self._focus_is_ours())

    def _focus_is_ours(self) -> bool:
        focused = self.focused
        return focused is None or isinstance(focused, ArgumentList | KeyList)

    @property
    def current_pane(self) -> PositionPane | None:
        panes = self.panes()
        if not panes:
            return None
        return panes[self.current] if self.arranged == "columns" else panes[0]

    def show_position(self, number: int, focus: bool = True) -> None:
        """Make a position the current one: its column, its tab, its row in the list."""
        if not self.position_ids:
            return
        self.current = number % len(self.position_ids)
        panes = self.panes()
        # The CSS shows every pane as a column, or only the current one.
        if self.arranged == "columns":
            for n, pane in enumerate(panes):
                self._show_in(pane, n)
                pane.set_class(n == self.current, "-current")
        else:
            for n, pane in enumerate(panes):
                pane.set_class(n == 0, "-current")
                if n:
                    self._release(pane)  # hidden: only the first pane holds a position
            self._show_in(panes[0], self.current)
        self._draw_tabs()
        choices = self.query_one("#position-list", KeyList)
        if choices.highlighted != self.current:
            choices.highlighted = self.current
        current = self.current_pane
        if focus and current is not None:
            current.arguments.focus()

    def _draw_tabs(self) -> None:
        if self.arranged != "tabs":
            return
        tabs = Text(no_wrap=True, overflow="ellipsis")
        self._tab_ends: list[int] = []  # where each tab ends, for mouse clicks
        for n, label in enumerate(self.tabs):
            tabs.append(label, style="reverse bold" if n == self.current else "dim")
            self._tab_ends.append(tabs.cell_len)
            tabs.append(TAB_GAP)
        hint = "tab: other side" if len(self.tabs) <= 2 else "tab: next position"
        if tabs.cell_len + len(hint) <= self.size.width - 2:
            tabs.append(hint, style="dim")
        self.query_one("#position-tabs", Static).update(tabs)

    # -- following the student ------------------------------------------------------

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Clicking a column's list also makes its position the current one.
        if self.arranged != "columns":
            return
        for n, pane in enumerate(self.panes()):
            if event.widget is pane.arguments and n != self.current:
                self.show_position(n, focus=False)

    @on(KeyList.OptionHighlighted, "#position-list")
    def _choosing(self, event: KeyList.OptionHighlighted) -> None:
        event.stop()
        if event.option_id is not None and int(event.option_id) != self.current:
            self.show_position(int(event.option_id), focus=False)

    @on(KeyList.OptionSelected, "#position-list")
    def _chosen(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id is not None:
            self.show_position(int(event.option_id))

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "position-tabs":
            x = event.get_content_offset(event.widget)
            if x is None:
                return
            for number, end in enumerate(getattr(self, "_tab_ends", [])):
                if x.x < end:
                    self.show_position(number)
                    return

    def on_argument_list_selected(self, event: ArgumentList.Selected) -> None:
        event.stop()
        self.post_message(OpenPlace("argument", event.row_id))

    # -- actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "other_side":
            return len(self.position_ids) == 2
        if action == "switch_position":
            return len(self.position_ids) != 2 or parameters != ()
        return True

    def action_other_side(self) -> None:
        self.show_position(self.current + 1)

    def action_switch_position(self, step: int = 1) -> None:
        self.show_position(self.current + step)

    def action_left(self) -> None:
        if self.arranged == "list":
            self.query_one("#position-list", KeyList).focus()
        elif len(self.position_ids) > 1:
            self.show_position(self.current - 1)
        else:
            raise SkipAction()

    def action_right(self) -> None:
        if self.arranged == "list":
            self.show_position(self.current)
        elif len(self.position_ids) > 1:
            self.show_position(self.current + 1)
        else:
            raise SkipAction()

    def highlighted_argument(self) -> str | None:
        pane = self.current_pane
        return pane.arguments.highlighted_id() if pane is not None else None

    def action_answered_by(self) -> None:
        argument_id = self.highlighted_argument()
        if argument_id is None:
            return
        answers = self.debate.rebutted_by(argument_id)
        if not answers:
            self.notify(f"No one on {the_others(len(self.position_ids))} replies to this "
                        "argument." if len(self.position_ids) <= 2
                        else "No other position replies to this argument.", severity="warning")
            return
        self.post_message(OpenPlace("argument", answers[0].id))

    def show_marks(self) -> None:
        marks = self.case_marks()
        if marks == self._marks:
            return  # nothing changed: 10,000 rows are not gone through again
        self._marks = marks
        self._rows.clear()  # made again, with the marks, when a position is next shown
        for pane in self.panes():
            if pane.showing is not None:
                pane.arguments.set_marks(marks.of)

    def action_open_map(self) -> None:
        """The whole debate's map, at the highlighted argument."""
        argument_id = self.highlighted_argument()
        self.post_message(OpenPlace("exchanges", "",
                                    {"argument": argument_id} if argument_id else {}))

    def action_add_to_case(self) -> None:
        argument_id = self.highlighted_argument()
        if argument_id is not None:
            self.post_message(CollectArgument(argument_id))

    # -- coming back ----------------------------------------------------------------

    def save_state(self) -> dict[str, Any]:
        cursor = dict(self._cursor)
        for pane in self.panes():
            if pane.showing is not None and pane.arguments.highlighted is not None:
                cursor[pane.showing] = pane.arguments.highlighted
        return {"position": self.current, "highlighted": cursor}

    def restore_state(self, state: dict[str, Any]) -> None:
        # A state saved by this screen maps positions to rows; one from elsewhere may not.
        highlighted = state.get("highlighted")
        if isinstance(highlighted, dict):
            self._cursor.update(highlighted)
            for pane in self.panes():
                if pane.showing is not None and pane.showing in highlighted:
                    pane.showing = None  # shown again below, at the saved row
        self.show_marks()
        side = self._marks.side  # the student's side: the debate opens on it
        start = self.position_ids.index(side) if side in self.position_ids else self.current
        position = state.get("position", start)
        self.show_position(position if isinstance(position, int) else 0)

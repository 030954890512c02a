"""The debate: the motion, and each position's arguments side by side (tabbed when narrow)."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from tui.core.controls import visible
from tui.core.pack.model import Debate
from tui.core.work.marks import NO_MARKS

from ..messages import CollectArgument, OpenPlace
from ..text import argument_counts, data_text, plural
from ..widgets.argument_list import ArgumentList, ArgumentRow
from .base import ViewScreen


class DebateScreen(ViewScreen):
    KIND = "debate"
    KEEP = True  # built once a session: a large pack's rows and counts take a moment
    # Below 100 columns two lists side by side would clip claims: show one at a time.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS = [
        Binding("tab,p", "switch_position", "Other side"),
        Binding("shift+tab", "switch_position(-1)", "Previous side", show=False),
        Binding("r", "answered_by", "Replies"),
        Binding("a", "add_to_case", "Add to case"),
        Binding("m", "open_map", "Map of the exchanges", show=False),
    ]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        return "Debate"

    def compose_view(self) -> ComposeResult:
        debate = self.debate
        self.position_ids = list(debate.positions)
        # The case is read after the first frame (restore_state): start-up pays for
        # neither reading it nor importing the code that does.
        marks = self._marks = NO_MARKS
        yield Static(Text.assemble(("Motion: ", "bold"), data_text(debate.info.motion)),
                     id="motion")
        yield Static(id="position-tabs")
        with Horizontal(id="positions"):
            for number, position in enumerate(debate.positions.values()):
                arguments = debate.arguments_of(position.id)
                with Vertical(classes="position", id=f"position-{number}"):
                    yield Static(
                        Text.assemble(data_text(position.name, "bold"),
                                      f" ({position.side} the motion) · ",
                                      (plural(len(arguments), "argument"), "dim"),
                                      "\n", data_text(position.stance, "italic")),
                        classes="position-title")
                    rows = [ArgumentRow(a.id, a.claim, argument_counts(debate, a), marks.of(a.id))
                            for a in arguments]
                    yield ArgumentList(rows, id=f"arguments-{number}")

    def lists(self) -> list[ArgumentList]:
        return [self.query_one(f"#arguments-{n}", ArgumentList)
                for n in range(len(self.position_ids))]

    @property
    def current(self) -> int:
        for number, column in enumerate(self.query(".position")):
            if column.has_class("-current"):
                return number
        return 0

    def show_position(self, number: int) -> None:
        if not self.position_ids:
            return
        number %= len(self.position_ids)
        for n, column in enumerate(self.query(".position")):
            column.set_class(n == number, "-current")
        self.lists()[number].focus()
        self._draw_tabs(number)

    def _draw_tabs(self, current: int) -> None:
        tabs = Text()
        self._tab_ends: list[int] = []  # where each tab ends, for mouse clicks
        for n, position in enumerate(self.debate.positions.values()):
            label = visible(f" {position.label} ({len(self.debate.arguments_of(position.id))}) ")
            tabs.append(label, style="reverse bold" if n == current else "dim")
            tabs.append("  ")
            self._tab_ends.append(len(tabs))
        tabs.append("tab: other side", style="dim")
        self.query_one("#position-tabs", Static).update(tabs)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Clicking a list also makes its side the current one.
        widget = event.widget
        if isinstance(widget, ArgumentList) and widget.id and widget.id.startswith("arguments-"):
            number = int(widget.id.rpartition("-")[2])
            if number != self.current or not self.query(".position.-current"):
                for n, column in enumerate(self.query(".position")):
                    column.set_class(n == number, "-current")
                self._draw_tabs(number)

    def on_click(self, event: events.Click) -> None:
        if event.widget is not None and event.widget.id == "position-tabs":
            x = event.get_content_offset(event.widget)
            if x is None:
                return
            for number, end in enumerate(getattr(self, "_tab_ends", [])):
                if x.x < end:
                    self.show_position(number)
                    return

    def action_switch_position(self, step: int = 1) -> None:
        self.show_position(self.current + step)

    def on_argument_list_selected(self, event: ArgumentList.Selected) -> None:
        event.stop()
        self.post_message(OpenPlace("argument", event.row_id))

    def action_answered_by(self) -> None:
        argument_id = self.lists()[self.current].highlighted_id() if self.position_ids else None
        if argument_id is None:
            return
        answers = self.debate.rebutted_by(argument_id)
        if not answers:
            self.notify("No one on the other side replies to this argument.", severity="warning")
            return
        self.post_message(OpenPlace("argument", answers[0].id))

    def show_marks(self) -> None:
        marks = self.case_marks()
        if marks == self._marks:
            return  # nothing changed: 10,000 rows are not gone through again
        self._marks = marks
        for arguments_list in self.lists():
            arguments_list.set_marks(marks.of)

    def action_open_map(self) -> None:
        """The whole debate's map, at the highlighted argument."""
        argument_id = self.lists()[self.current].highlighted_id() if self.position_ids else None
        self.post_message(OpenPlace("exchanges", "",
                                    {"argument": argument_id} if argument_id else {}))

    def action_add_to_case(self) -> None:
        argument_id = self.lists()[self.current].highlighted_id() if self.position_ids else None
        if argument_id is not None:
            self.post_message(CollectArgument(argument_id))

    def save_state(self) -> dict[str, Any]:
        return {"position": self.current,
                "highlighted": [arguments_list.highlighted for arguments_list in self.lists()]}

    def restore_state(self, state: dict[str, Any]) -> None:
        lists = self.lists()
        # A state saved by this screen has one per list; one from elsewhere may have none.
        for arguments_list, highlighted in zip(lists, state.get("highlighted", ()),
                                               strict=False):
            if highlighted is not None and highlighted < arguments_list.row_count:
                arguments_list.highlighted = highlighted
        for arguments_list in lists:
            if arguments_list.highlighted is None and arguments_list.row_count:
                arguments_list.highlighted = 0
        self.show_marks()
        side = self._marks.side  # the student's side: the debate opens on it
        start = self.position_ids.index(side) if side in self.position_ids else 0
        self.show_position(state.get("position", start))

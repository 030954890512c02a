"""The map of the exchanges (`m`): for one argument, the tree of what answers it and what
it answers, level by level; for the whole debate, every argument with how it is answered
and whether the student has a reply ready.

Both draw only what is on screen (a tree unfolded on demand, a line-API list), so a
pack of 10,000 arguments answers a key within a frame.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static, Tree

from tui.core.controls import visible
from tui.core.pack.model import Debate
from tui.core.wording import plural
from tui.core.work.exchange_map import (
    PAIRED,
    RECORDED,
    SHOWN_ABOVE,
    Direction,
    how_answered,
    overview_line,
    reply_ready,
)

from ..messages import CollectArgument, OpenPlace
from ..text import data_text, shorten
from ..widgets.argument_list import ArgumentList, ArgumentRow
from ..widgets.exchange_tree import ExchangeTree, Place
from .base import ViewScreen

LEGEND = (f"recorded: {RECORDED} · paired: {PAIRED} (no article records it) · "
          f"{SHOWN_ABOVE}: a repeat, not unfolded again")


class ExchangeMapScreen(ViewScreen):
    CSS_PATH = "exchange_map.tcss"
    KIND = "map"
    BINDINGS = [
        Binding("m", "map_of_highlighted", "Map of this argument"),
        Binding("w", "whole_debate", "Whole debate"),
        Binding("a", "add_to_case", "Add to case"),
    ]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        argument = debate.arguments.get(record_id)
        return f"Map: {shorten(argument.claim, 30)}" if argument else "Map"

    def compose_view(self) -> ComposeResult:
        yield Static(self._head(), id="map-head")
        marks = self.case_marks()
        self._marks = marks
        if self.record_id in self.debate.arguments:
            yield ExchangeTree(self.debate, self.record_id, marks, id="map-tree")
            yield Static(id="map-detail")
        else:
            yield ArgumentList(self._overview_rows(), id="map-list")

    # -- what is shown --------------------------------------------------------

    def _head(self) -> Text:
        debate = self.debate
        argument = debate.arguments.get(self.record_id)
        head = Text()
        if argument is None:
            head.append("Map of the exchanges: the whole debate\n", style="bold")
            head.append(self._summary(), style="dim")
            return head
        position = debate.positions.get(argument.position)
        head.append("Map of the exchanges · ", style="bold")
        head.append(data_text(f"{position.name if position else argument.position}", "dim"))
        head.append("\n")
        head.append(data_text(argument.claim, "bold"))
        mark = self.case_marks().of(argument.id)
        head.append(f"\n{how_answered(debate, argument)}", style="dim")
        if mark:
            head.append(" · ")
            head.append(mark, style="bold")
        return head

    def _summary(self) -> str:
        debate, marks = self.debate, self.case_marks()
        arguments = list(debate.arguments.values())
        unanswered = sum(not debate.rebutted_by(a.id) for a in arguments)
        parts = [plural(len(arguments), "argument"), f"{unanswered} unanswered"]
        if marks.side is None:
            parts.append("choose your side in your case (C) to see your replies")
        else:
            theirs = [a for a in arguments if a.position != marks.side]
            ready = sum(reply_ready(debate, marks, a).startswith("✓") for a in theirs)
            parts.append(f"your replies ready: {ready} of {len(theirs)}")
        return " · ".join(parts)

    def _overview_rows(self) -> list[ArgumentRow]:
        debate, marks = self.debate, self.case_marks()
        rows = []
        for position in debate.positions.values():
            label = position.label
            rows += [ArgumentRow(a.id, f"{label}: {a.claim}", overview_line(debate, marks, a),
                                 marks.of(a.id))
                     for a in debate.arguments_of(position.id)]
        return rows

    def _detail(self, place: Place | None) -> Text:
        debate = self.debate
        if place is None or place.entry is None:
            return Text(LEGEND, style="dim")
        entry = place.entry
        argument = entry.argument
        above = debate.arguments[place.path[-2]]
        detail = Text()
        detail.append(data_text(argument.claim, "bold"))
        answering = (f"answers “{shorten(above.claim, 50)}”" if entry.direction is
                     Direction.ANSWERED_BY else f"is answered by “{shorten(above.claim, 50)}”")
        detail.append(visible(f"\nIt {answering} — {entry.how}"))
        if entry.recorded:
            exchange = (argument.exchange_with(above.id) if entry.direction is
                        Direction.ANSWERED_BY else above.exchange_with(argument.id))
            if exchange is not None:
                detail.append(f" ({plural(len(exchange.quotes), 'quote')} show it)",
                              style="dim")
        if entry.repeat:
            detail.append(f"\n{SHOWN_ABOVE}: it is already on the way here; "
                          "m maps it on its own.", style="dim")
        notes = [self.case_marks().of(argument.id), reply_ready(debate, self._marks, argument)]
        notes = [note for note in notes if note]
        if notes:
            detail.append("\n" + " · ".join(notes), style="bold")
        return detail

    # -- keys -----------------------------------------------------------------

    def highlighted_argument(self) -> str | None:
        if self.record_id in self.debate.arguments:
            node = self.query_one("#map-tree", ExchangeTree).cursor_node
            return node.data.argument_id if node is not None and node.data else None
        return self.query_one("#map-list", ArgumentList).highlighted_id()

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Place]) -> None:
        self.query_one("#map-detail", Static).update(self._detail(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Place]) -> None:
        event.stop()
        place = event.node.data
        if place is not None and place.entry is not None:
            self.post_message(OpenPlace("argument", place.entry.argument.id))

    def on_argument_list_selected(self, event: ArgumentList.Selected) -> None:
        event.stop()
        self.post_message(OpenPlace("argument", event.row_id))

    def action_map_of_highlighted(self) -> None:
        argument_id = self.highlighted_argument()
        if argument_id is None:
            self.notify("Move to an argument first.", severity="warning")
        elif argument_id != self.record_id:
            self.post_message(OpenPlace("map", argument_id))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Already the whole debate: `w` is not offered.
        return not (action == "whole_debate" and not self.record_id)

    def action_whole_debate(self) -> None:
        if self.record_id:
            self.post_message(OpenPlace("map", "", {"argument": self.record_id}))

    def action_add_to_case(self) -> None:
        argument_id = self.highlighted_argument() or self.record_id
        if argument_id:
            self.post_message(CollectArgument(argument_id))

    def show_marks(self) -> None:
        marks = self.case_marks()
        if marks == self._marks:
            return
        self._marks = marks
        self.query_one("#map-head", Static).update(self._head())
        if self.record_id in self.debate.arguments:
            tree = self.query_one("#map-tree", ExchangeTree)
            tree.marks = marks
            stack = list(tree.root.children)
            while stack:
                node = stack.pop()
                if node.data is not None and node.data.entry is not None:
                    node.set_label(tree.label(node.data.entry))
                stack += node.children
            self.query_one("#map-detail", Static).update(self._detail(
                tree.cursor_node.data if tree.cursor_node else None))
        else:
            rows = self.query_one("#map-list", ArgumentList)
            highlighted = rows.highlighted_id()
            rows.set_rows(self._overview_rows())
            if highlighted:
                rows.highlight_id(highlighted)

    # -- coming back ----------------------------------------------------------

    def save_state(self) -> dict[str, Any]:
        if self.record_id in self.debate.arguments:
            tree = self.query_one("#map-tree", ExchangeTree)
            return {"open": tree.open_paths(), "line": tree.cursor_line}
        return {"argument": self.query_one("#map-list", ArgumentList).highlighted_id()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if self.record_id in self.debate.arguments:
            tree = self.query_one("#map-tree", ExchangeTree)
            tree.unfold_paths(state.get("open", []))
            if "line" in state:
                tree.call_after_refresh(tree.move_cursor_to_line, state["line"])
            tree.focus()
            return
        rows = self.query_one("#map-list", ArgumentList)
        if state.get("argument"):
            rows.highlight_id(state["argument"])
        rows.focus()

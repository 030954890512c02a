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
from tui.core.pack.rebuttals import how_known, rebuttal, unrecorded_short
from tui.core.wording import plural
from tui.core.work.exchange_map import (
    READY,
    RECORDED,
    SHOWN_ABOVE,
    Direction,
    how_answered,
    overview_line,
    reply_ready,
)
from tui.core.work.marks import CaseMarks

from ..messages import CollectArgument, OpenPlace
from ..text import data_text, shorten
from ..widgets.argument_list import ArgumentList, ArgumentRow
from ..widgets.exchange_tree import ExchangeTree, Place
from .base import ViewScreen


def legend(debate: Debate) -> str:
    unrecorded = unrecorded_short(debate)
    return (f"recorded: {RECORDED} · {unrecorded.split()[0]}: {unrecorded} "
            f"(no article records it) · {SHOWN_ABOVE}: a repeat, not unfolded again")


class MapScreen(ViewScreen):
    """What the two maps share: their keys, and opening the highlighted argument."""

    CSS_PATH = "exchange_map.tcss"
    BINDINGS = [
        Binding("m", "map_of_highlighted", "Map of this argument", show=False),
        Binding("a", "add_to_case", "Add to case", show=False),
    ]

    def compose_view(self) -> ComposeResult:
        self._marks = self.case_marks()
        yield Static(self._head(), id="map-head")

    def _head(self) -> Text:
        raise NotImplementedError

    def highlighted_argument(self) -> str | None:
        raise NotImplementedError

    def action_map_of_highlighted(self) -> None:
        argument_id = self.highlighted_argument()
        if argument_id is None:
            self.notify("Move to an argument first.", severity="warning")
        elif argument_id != self.record_id:
            self.post_message(OpenPlace("map", argument_id))

    def action_add_to_case(self) -> None:
        argument_id = self.highlighted_argument() or self.record_id
        if argument_id:
            self.post_message(CollectArgument(argument_id))

    def show_marks(self) -> None:
        marks = self.case_marks()
        if marks == self._marks:
            return  # unchanged: nothing is gone through again
        self._marks = marks
        self.query_one("#map-head", Static).update(self._head())
        self.mark_again(marks)

    def mark_again(self, marks: CaseMarks) -> None:
        """Show the student's case as it now stands."""


class ArgumentMapScreen(MapScreen):
    """One argument's exchanges, as a tree unfolded level by level."""

    KIND = "map"
    BINDINGS = [Binding("w", "whole_debate", "Whole debate")]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        argument = debate.arguments.get(record_id)
        return f"Map: {shorten(argument.claim, 30)}" if argument else "Map"

    def compose_view(self) -> ComposeResult:
        yield from super().compose_view()
        yield ExchangeTree(self.debate, self.record_id, self._marks, id="map-tree")
        yield Static(id="map-detail")

    @property
    def map_tree(self) -> ExchangeTree:
        return self.query_one("#map-tree", ExchangeTree)

    def _head(self) -> Text:
        debate = self.debate
        argument = debate.arguments[self.record_id]
        position = debate.positions.get(argument.position)
        head = Text()
        head.append("Map of the exchanges · ", style="bold")
        head.append(data_text(f"{position.name if position else argument.position}", "dim"))
        head.append("\n")
        head.append(data_text(argument.claim, "bold"))
        head.append(f"\n{how_answered(debate, argument)}", style="dim")
        mark = self._marks.of(argument.id)
        if mark:
            head.append(" · ")
            head.append(mark, style="bold")
        return head

    def _detail(self, place: Place | None) -> Text:
        debate = self.debate
        if place is None or place.entry is None:
            return Text(legend(debate), style="dim")
        entry = place.entry
        argument = entry.argument
        above = debate.arguments[place.path[-2]]
        answers = entry.direction is Direction.ANSWERED_BY
        detail = Text()
        detail.append(data_text(argument.claim, "bold"))
        answering = "answers" if answers else "is answered by"
        detail.append(visible(f"\nIt {answering} “{shorten(above.claim, 50)}”"))
        found = (rebuttal(debate, argument.id, above.id) if answers
                 else rebuttal(debate, above.id, argument.id))
        # The argument screen's words for how the pack knows (recorded where, by whom).
        detail.append(data_text(f"\n{how_known(debate, found)}",
                                "bold" if found.recorded else "dim italic"))
        if entry.repeat:
            detail.append(f"\n{SHOWN_ABOVE}: it is already on the way here; "
                          "m maps it on its own.", style="dim")
        notes = [self._marks.of(argument.id), reply_ready(debate, self._marks, argument)]
        notes = [note for note in notes if note]
        if notes:
            detail.append("\n" + " · ".join(notes), style="bold")
        return detail

    def highlighted_argument(self) -> str | None:
        node = self.map_tree.cursor_node
        return node.data.argument_id if node is not None and node.data else None

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[Place]) -> None:
        self.query_one("#map-detail", Static).update(self._detail(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[Place]) -> None:
        event.stop()
        place = event.node.data
        if place is not None and place.entry is not None:
            self.post_message(OpenPlace("argument", place.entry.argument.id))

    def action_whole_debate(self) -> None:
        self.post_message(OpenPlace("exchanges", "", {"argument": self.record_id}))

    def mark_again(self, marks: CaseMarks) -> None:
        tree = self.map_tree
        tree.relabel(marks)
        self.query_one("#map-detail", Static).update(
            self._detail(tree.cursor_node.data if tree.cursor_node else None))

    def save_state(self) -> dict[str, Any]:
        return {"open": self.map_tree.open_paths(), "line": self.map_tree.cursor_line}

    def restore_state(self, state: dict[str, Any]) -> None:
        tree = self.map_tree
        tree.unfold_paths(state.get("open", []))
        if "line" in state:
            tree.call_after_refresh(tree.move_cursor_to_line, state["line"])
        tree.focus()


class DebateMapScreen(MapScreen):
    """Every argument of the debate: how it is answered, whether a reply is ready."""

    KIND = "exchanges"
    KEEP = True  # 10,000 rows are worked out once a session, and again only for a new mark
    # The footer has room here for the key to one argument's tree.
    BINDINGS = [Binding("m", "map_of_highlighted", "Map of this argument")]

    @classmethod
    def label(cls, debate: Debate, record_id: str) -> str:
        return "Map of the debate"

    def compose_view(self) -> ComposeResult:
        rows, self._totals = self._overview()
        yield from super().compose_view()
        yield ArgumentList(rows, id="map-list")

    @property
    def rows(self) -> ArgumentList:
        return self.query_one("#map-list", ArgumentList)

    def _head(self) -> Text:
        head = Text("Map of the exchanges: the whole debate\n", style="bold")
        head.append(self._totals, style="dim")
        return head

    def _overview(self) -> tuple[list[ArgumentRow], str]:
        """The rows, and the totals for the head, in one pass over the arguments."""
        debate, marks = self.debate, self.case_marks()
        rows, unanswered, theirs, ready = [], 0, 0, 0
        for position in debate.positions.values():
            for argument in debate.arguments_of(position.id):
                line = overview_line(debate, marks, argument)
                rows.append(ArgumentRow(argument.id, f"{position.label}: {argument.claim}",
                                        line, marks.of(argument.id)))
                unanswered += line.startswith("unanswered")
                if marks.side is not None and argument.position != marks.side:
                    theirs += 1
                    ready += READY in line
        parts = [plural(len(rows), "argument"), f"{unanswered} unanswered"]
        if marks.side is None:
            parts.append("choose your side in your case (C) to see your replies")
        else:
            parts.append(f"your replies ready: {ready} of {theirs}")
        return rows, " · ".join(parts)

    def highlighted_argument(self) -> str | None:
        return self.rows.highlighted_id()

    def on_argument_list_selected(self, event: ArgumentList.Selected) -> None:
        event.stop()
        self.post_message(OpenPlace("argument", event.row_id))

    def mark_again(self, marks: CaseMarks) -> None:
        rows, self._totals = self._overview()
        self.query_one("#map-head", Static).update(self._head())
        highlighted = self.rows.highlighted_id()
        self.rows.set_rows(rows)
        if highlighted:
            self.rows.highlight_id(highlighted)

    def save_state(self) -> dict[str, Any]:
        return {"argument": self.rows.highlighted_id()}

    def restore_state(self, state: dict[str, Any]) -> None:
        if state.get("argument"):
            self.rows.highlight_id(state["argument"])
        self.rows.focus()

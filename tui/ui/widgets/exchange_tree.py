"""The tree of one argument's exchanges: each level worked out when it is unfolded.

Two branches under the argument: what answers it (and what answers those), and what
it answers (and what those answer). A label says in words whether the sources record
the exchange or the pack pairs the two, and where the argument stands in the
student's case; a repeat on the way down is shown once, marked, and never unfolds.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from tui.core.controls import visible
from tui.core.pack.model import Debate
from tui.core.work.exchange_map import SHOWN_ABOVE, Direction, MapEntry, branch
from tui.core.work.marks import CaseMarks


@dataclass(frozen=True, slots=True)
class Place:
    """Where a node sits: the argument ids from the top down, and the branch it is in."""

    path: tuple[str, ...]
    direction: Direction
    entry: MapEntry | None = None  # None for a branch's heading

    @property
    def argument_id(self) -> str | None:
        return self.entry.argument.id if self.entry else None


class ExchangeTree(Tree[Place]):
    """Arrows or j/k move, right or space unfolds, left folds (or goes up), Enter opens."""

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("right,l", "unfold", "Unfold", show=False),
        Binding("left,h", "fold", "Fold", show=False),
        Binding("space", "toggle_node", "Fold/unfold"),
        Binding("enter", "select_cursor", "Open"),
    ]

    def __init__(self, debate: Debate, argument_id: str, marks: CaseMarks, *,
                 id: str | None = None) -> None:
        argument = debate.arguments[argument_id]
        # A str label would be read as markup: the pack's words go in as Text.
        super().__init__(Text(visible(argument.claim)), id=id)
        self.debate = debate
        self.marks = marks
        self.top = argument_id
        self.show_root = False
        self.auto_expand = False  # Enter opens the argument; space and arrows fold
        self.guide_depth = 3

    def on_mount(self) -> None:
        self.root.expand()
        for direction in Direction:
            entries = branch(self.debate, (self.top,), direction)
            heading = Text(f"{direction.value} ", style="bold")
            heading.append(f"({len(entries)})" if entries else "— nothing", style="dim")
            node = self.root.add(heading, Place((self.top,), direction),
                                 allow_expand=bool(entries))
            self._add_level(node, entries)
            node.expand()
        self.move_cursor_to_line(1 if self.root.children[0].children else 0)

    def _add_level(self, node: TreeNode[Place], entries: list[MapEntry]) -> None:
        assert node.data is not None
        for entry in entries:
            child_path = (*node.data.path, entry.argument.id)
            node.add(self.label(entry), Place(child_path, entry.direction, entry),
                     allow_expand=entry.unfolds)

    def label(self, entry: MapEntry) -> Text:
        """ "recorded · ✓ in your case · Against: The claim" """
        label = Text()
        label.append(entry.tag, style="italic")
        mark = self.marks.of(entry.argument.id)
        if mark:
            label.append(" · ")
            label.append(mark, style="bold")
        if entry.repeat:
            label.append(f" · {SHOWN_ABOVE}", style="bold")
        position = self.debate.positions.get(entry.argument.position)
        label.append(" · ")
        label.append(visible(f"{position.label if position else entry.argument.position}: "),
                     style="bold")
        label.append(visible(entry.argument.claim))
        return label

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[Place]) -> None:
        node = event.node
        place = node.data
        if place is None or place.entry is None or node.children:
            return  # a heading, or a level already worked out
        self._add_level(node, branch(self.debate, place.path, place.direction))

    def action_unfold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and not node.is_expanded:
            node.expand()
        elif node.children:
            self.move_cursor(node.children[0])

    def action_fold(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.is_expanded and node.allow_expand:
            node.collapse()
        elif node.parent is not None and node.parent is not self.root:
            self.move_cursor(node.parent)

    def relabel(self, marks: CaseMarks) -> None:
        """The student's case changed: every label worked out so far shows it."""
        self.marks = marks
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.data is not None and node.data.entry is not None:
                node.set_label(self.label(node.data.entry))
            stack += node.children

    def open_paths(self) -> list[tuple[str, tuple[str, ...]]]:
        """The unfolded levels (branch, path), to unfold again on coming back."""
        found: list[tuple[str, tuple[str, ...]]] = []
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            if node.data is not None and node.data.entry is not None and node.is_expanded:
                found.append((node.data.direction.name, node.data.path))
            stack += node.children
        return found

    def unfold_paths(self, paths: list[tuple[str, tuple[str, ...]]]) -> None:
        wanted = {(direction, tuple(path)) for direction, path in paths}
        # Shallow first, so that a deep level's parent exists when it is reached.
        stack = list(self.root.children)
        while stack and wanted:
            node = stack.pop(0)
            place = node.data
            if place is not None and place.entry is not None:
                key = (place.direction.name, place.path)
                if key in wanted:
                    wanted.discard(key)
                    node.expand()
                    if not node.children:
                        self._add_level(node, branch(self.debate, place.path,
                                                     place.direction))
            stack += node.children

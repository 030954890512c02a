"""Small keyboard dialogs of the case screen: choose a side, pick an argument to
add (where to write the handout: handout_dialog.py). Each dismisses with its answer, or None."""

from __future__ import annotations

from typing import TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static
from textual.widgets.option_list import Option

from tui.core.pack.model import Debate
from tui.core.wording import side_word, the_others
from tui.core.work.case import Case, opposing_arguments

from ..text import argument_row, data_text
from ..widgets.lists import KeyList

Answer = TypeVar("Answer")


class CaseDialog(ModalScreen[Answer | None]):
    """A centred box over the case screen; it answers with an `Answer`, or None."""

    # A file, not DEFAULT_CSS: default CSS ranks below app.tcss, whose `KeyList
    # { height: 1fr }` would stretch the list and leave the box half empty.
    CSS_PATH = "case_dialogs.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)


class ListDialog(CaseDialog[str]):
    """A titled list; Enter answers with the chosen option's id."""

    def __init__(self, title: str, options: list[Option]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = options

    def compose(self) -> ComposeResult:
        with Vertical(classes="case-dialog"):
            yield Static(self.title_text, classes="case-dialog-title")
            yield KeyList(*self.choices)

    def on_mount(self) -> None:
        self.query_one(KeyList).focus()

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_id)


class SideDialog(ListDialog):
    """Which position the student argues: any of them, however many (the list scrolls)."""

    def __init__(self, debate: Debate) -> None:
        options = [Option(Text.assemble(data_text(p.name, "bold"),
                                        f" ({p.on_motion})" if p.on_motion else "", "\n",
                                        data_text(p.stance, "dim")), id=p.id)
                   for p in debate.positions.values()]
        super().__init__(f"Which {side_word(len(debate.positions))} will you argue? "
                         "(Enter chooses, Escape cancels)", options)


class AddDialog(ListDialog):
    """Arguments not in the case yet: the student's own side's, then the other side's
    (with more than two positions, under a heading for each other position)."""

    def __init__(self, debate: Debate, case: Case) -> None:
        own = [a for a in debate.arguments_of(case.side or "") if case.entries.find(a.id) is None]
        theirs = [a for a in opposing_arguments(debate, case.side or "")
                  if case.expected.find(a.id) is None]
        options: list[Option] = []
        if own:
            options.append(Option(Text("Add to your case", style="bold underline"),
                                  disabled=True))
            options += [Option(argument_row(debate, a), id=a.id) for a in own]
        if theirs and len(debate.positions) <= 2:
            options.append(Option(Text(f"Expect from {the_others(len(debate.positions))}",
                                       style="bold underline"), disabled=True))
            options += [Option(argument_row(debate, a, with_position=True), id=a.id)
                        for a in theirs]
        elif theirs:
            for position in debate.other_positions(case.side or ""):
                answerable = [a for a in theirs if a.position == position.id]
                if answerable:
                    options.append(Option(Text.assemble(("Expect from ", "bold underline"),
                                                        data_text(position.name,
                                                                  "bold underline")),
                                          disabled=True))
                    options += [Option(argument_row(debate, a), id=a.id) for a in answerable]
        if not options:
            options.append(Option("Every argument is already in your case or your list.",
                                  disabled=True))
        super().__init__("Add an argument (Enter adds, Escape closes)", options)

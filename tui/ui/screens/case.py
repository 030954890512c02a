"""The student's case: their arguments in speaking order with evidence and notes,
and what they expect from the other side with their planned rebuttals.

The list on the left is the case; the panel on the right edits the highlighted
item. Typing is saved half a second after the last key (and on leaving), each
save atomic and merged with any other copy of the app (`tui.core.work.storage`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.timer import Timer
from textual.widgets import Footer, Static, TextArea
from textual.widgets.option_list import Option

from tui.core.controls import visible
from tui.core.work.case import Case, CaseEntry, CaseError, Expected, opposing_arguments
from tui.core.work.casebook import CaseBook, notify_through
from tui.core.work.handout import to_handout
from tui.core.work.storage import write_atomically

from ..messages import OpenPlace
from ..text import plural
from ..widgets.lists import KeyList
from . import case_rows as rows
from .base import ExplorerScreen
from .case_dialogs import AddDialog, ExportDialog, SideDialog

SAVE_DELAY = 0.5  # seconds after the last key press


class CaseList(KeyList):
    BINDINGS = [Binding("enter", "select", "Write")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty case has nothing to write about: the footer leaves the key out.
        return self.highlighted is not None if action == "select" else True


class EvidenceList(KeyList):
    BINDINGS = [Binding("enter", "select", "Tick/untick")]


class CaseScreen(ExplorerScreen):
    CSS_PATH = "case.tcss"
    OVER_EXPLORER = True  # opening a place in the explorer closes it
    # The footer holds what fits at 80 columns; every key is in `?` and the palette.
    BINDINGS = [
        Binding("a", "add", "Add"),
        Binding("e", "evidence", "Evidence"),
        Binding("x,delete", "remove", "Remove"),
        Binding("h", "handout", "Handout"),
        Binding("D", "drill", "Drill", key_display="D"),
        Binding("escape,backspace", "close", "Back"),
        Binding("n", "write", "Write notes or rebuttal", show=False),
        Binding("K,shift+up", "move(-1)", "Move up", show=False),
        Binding("J,shift+down", "move(1)", "Move down", show=False),
        Binding("u", "undo", "Undo remove", show=False),
        Binding("E", "expect_all", "Expect all the other side's arguments",
                key_display="E", show=False),
        Binding("s", "side", "Choose your side", show=False),
        Binding("o", "open_argument", "Open in the explorer", show=False),
        # The explorer's keys work here too; the footer has no room for them.
        Binding("slash", "app.search", "Search", key_display="/", show=False),
        Binding("f", "app.open_view('facts')", "Facts", show=False),
    ]

    def __init__(self, casebook: CaseBook) -> None:
        super().__init__()
        self.casebook = casebook
        self.debate = casebook.debate
        self._editing: tuple[str, str] | None = None  # ("case" | "expected", argument id)
        self._save_timer: Timer | None = None
        # (kind, item, index) of the last removal, for undo
        self._removed: tuple[str, CaseEntry | Expected, int] | None = None

    @property
    def case(self) -> Case:
        return self.casebook.case

    # The list's rows are made from the case, so a row's item is always in it.

    def _entry(self, argument_id: str) -> CaseEntry:
        entry = self.case.entry(argument_id)
        assert entry is not None, f"{argument_id!r} has a row but is not in the case"
        return entry

    def _expected(self, argument_id: str) -> Expected:
        expected = self.case.expecting(argument_id)
        assert expected is not None, f"{argument_id!r} has a row but is not expected"
        return expected

    def compose(self) -> ComposeResult:
        yield Static(id="case-head")
        with Horizontal(id="case-body"):
            yield CaseList(id="case-list")
            with Vertical(id="case-detail"):
                yield Static(id="detail-head")
                yield EvidenceList(id="evidence")
                yield TextArea(id="notes", soft_wrap=True, tab_behavior="focus")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._refresh_list()
        self.query_one("#case-list").focus()
        if not self.casebook.connected:  # shown on its own (tests): tell through this app
            self.casebook.connect(notify_through(self.app))
        gone = self.case.vanished(self.debate)
        if gone:  # an edited pack: the student's words are kept, and they should know
            self.notify(f"{plural(len(gone), 'item')} of your case no longer in the pack "
                        "(an edited pack). Your words for them are kept and marked "
                        "“No longer in the pack”.", severity="warning", timeout=15)
        if self.case.side is None:
            self.action_side()

    # -- showing ------------------------------------------------------------------

    @property
    def case_list(self) -> KeyList:
        return self.query_one("#case-list", KeyList)

    def _refresh_list(self, highlight: str | None = None) -> None:
        debate, case = self.debate, self.case
        self.query_one("#case-head", Static).update(self._head())
        options: list[Option] = [rows.heading("Your arguments, in speaking order",
                                              len(case.entries), "press a to add one")]
        options += [Option(rows.entry_row(debate, n, e), id=f"case:{e.argument}")
                    for n, e in enumerate(case.entries, 1)]
        options.append(rows.heading("Expect from the other side", len(case.expected),
                                    "press a to add one, E for all"))
        options += [Option(rows.expected_row(debate, case, x), id=f"expected:{x.argument}")
                    for x in case.expected]
        current = highlight or self.case_list.highlighted_id()
        self.case_list.set_options(options)
        if not (current and self.case_list.highlight_id(current)):
            self.case_list.action_first()
        self._show_detail()

    def _head(self) -> Text:
        """One line: the side's full name when it fits the width, else its short label."""
        side = self.debate.positions.get(self.case.side or "")
        if side is None:
            return Text("Your case · no side chosen yet (press s)")
        assigned = " · set by your teacher" if self.casebook.side_is_assigned else ""
        room = self.app.size.width - 2
        for name in (side.name, side.label):
            line = f"Your case · you argue {name} ({side.side} the motion){assigned}"
            if len(line) <= room:
                break
        return Text(visible(line), no_wrap=True, overflow="ellipsis")

    def on_resize(self) -> None:
        self.query_one("#case-head", Static).update(self._head())

    def _show_detail(self) -> None:
        current = self.case_list.highlighted_id()
        notes = self.query_one("#notes", TextArea)
        evidence = self.query_one("#evidence", KeyList)
        if current is None:
            self._editing = None
            self.query_one("#detail-head", Static).update(rows.empty_case(self.case.side))
            evidence.set_options([])
            notes.load_text("")
            notes.disabled = True
            self.set_class(True, "-empty")
            self.refresh_bindings()
            return
        self.set_class(False, "-empty")
        self.refresh_bindings()
        kind, argument_id = current.split(":", 1)
        same_item = self._editing == (kind, argument_id)
        kept = evidence.highlighted if same_item else None
        self._editing = (kind, argument_id)
        self.query_one("#detail-head", Static).update(
            rows.detail_head(self.debate, argument_id, opposing=kind == "expected"))
        notes.disabled = False
        if kind == "case":
            entry = self._entry(argument_id)
            evidence.border_title = "Evidence (Enter ticks a quote)"
            evidence.set_options(rows.evidence_options(self.debate, entry))
            notes.border_title = "Your notes"
            text = visible(entry.notes)  # a case file's ESC would reach the terminal
        else:
            expected = self._expected(argument_id)
            evidence.border_title = "Answers from your side (the pack's)"
            evidence.set_options(rows.suggestion_options(self.debate, self.case, argument_id))
            notes.border_title = "Your rebuttal"
            text = visible(expected.rebuttal)
        if kept is not None and kept < evidence.option_count:
            evidence.highlighted = kept  # an attach keeps the student's place
        if notes.text != text:
            notes.load_text(text)

    def on_option_list_option_highlighted(self, event: KeyList.OptionHighlighted) -> None:
        if event.option_list.id == "case-list" and event.option_id != ":".join(
                self._editing or ()):
            self._flush()
            self._show_detail()

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "case-list":
            self.action_write()
        elif self._editing and self._editing[0] == "case":
            if event.option_id is not None:  # every quote has one; the summary is disabled
                self._toggle_quote(self._editing[1], event.option_id)
        elif self._editing:
            self.notify("These are the pack's answers, to read. Write your own rebuttal "
                        "below (n).", timeout=4)

    # -- writing, saved after a pause ---------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self._editing is None or event.text_area.disabled:
            return
        kind, argument_id = self._editing
        text = event.text_area.text
        entry, expected = self.case.entry(argument_id), self.case.expecting(argument_id)
        if kind == "case" and entry and entry.notes != text:
            self.case.set_notes(argument_id, text)
        elif kind == "expected" and expected and expected.rebuttal != text:
            self.case.set_rebuttal(argument_id, text)
        else:
            return  # the panel was only loaded with the saved text
        if self._save_timer is not None:
            self._save_timer.stop()
        self._save_timer = self.set_timer(SAVE_DELAY, self._save_typing)

    def _save_typing(self) -> None:
        self._save_timer = None
        shape = self._shape()
        self.casebook.save()
        if self._shape() != shape:  # the save merged in another copy's changes
            self._refresh_list()
        elif self._editing is not None:  # its row says "notes" once there are some
            kind, argument_id = self._editing
            if kind == "case":
                entry = self._entry(argument_id)
                number = self.case.entries.index(entry) + 1
                prompt = rows.entry_row(self.debate, number, entry)
            else:
                prompt = rows.expected_row(self.debate, self.case, self._expected(argument_id))
            self.case_list.replace_option_prompt(f"{kind}:{argument_id}", prompt)

    def _shape(self) -> tuple[str | None, list[str], list[str]]:
        return (self.case.side, [e.argument for e in self.case.entries],
                [x.argument for x in self.case.expected])

    def _flush(self) -> None:
        """Save typing that is still waiting for its pause."""
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_typing()

    def _change(self, highlight: str | None = None) -> None:
        """After an edit of the case's structure: save now and show it."""
        self._flush()
        self.casebook.save()
        self._refresh_list(highlight)

    # -- actions --------------------------------------------------------------------

    def _selected(self) -> tuple[str, str] | None:
        current = self.case_list.highlighted_id()
        if current is None:
            return None
        kind, _, argument_id = current.partition(":")  # "case:x" or "expected:x"
        return kind, argument_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys about the highlighted item leave the footer while there is none."""
        if action in ("write", "evidence", "remove", "move", "open_argument"):
            return self._editing is not None
        return True

    def action_close(self) -> None:
        if self.focused is not self.case_list:
            self.case_list.focus()
            return
        self._flush()
        self.dismiss()

    def action_write(self) -> None:
        if self._editing is not None:
            self.query_one("#notes", TextArea).focus()

    def action_evidence(self) -> None:
        if self._editing is not None:
            evidence = self.query_one("#evidence", KeyList)
            evidence.focus()
            if evidence.highlighted is None:
                evidence.action_first()

    def _toggle_quote(self, argument_id: str, quote_id: str) -> None:
        entry = self._entry(argument_id)
        if quote_id in entry.quotes:
            self.case.detach(argument_id, quote_id)
        elif quote_id in self.debate.quotes:
            self.case.attach(self.debate, argument_id, quote_id)
        self._change()

    def action_move(self, step: int) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, argument_id = selected
        if kind == "case":
            self.case.move(argument_id, step)
        else:
            self.case.move_expected(argument_id, step)
        self._change(f"{kind}:{argument_id}")

    def action_remove(self) -> None:
        selected = self._selected()
        if selected is None:
            return
        kind, argument_id = selected
        if kind == "case":
            entry = self._entry(argument_id)
            self._removed = (kind, entry, self.case.entries.index(entry))
            self.case.remove(argument_id)
            self.notify("Removed from your case, with its notes. Press u to undo.", timeout=6)
        else:
            item = next(x for x in self.case.expected if x.argument == argument_id)
            self._removed = (kind, item, self.case.expected.index(item))
            self.case.unexpect(argument_id)
            self.notify("Removed from what you expect, with your rebuttal. Press u to undo.",
                        timeout=6)
        self._change()

    def action_undo(self) -> None:
        if self._removed is None:
            self.notify("Nothing to undo.", timeout=3)
            return
        kind, item, index = self._removed
        self._removed = None
        if isinstance(item, CaseEntry):  # removed from the case, not from what is expected
            self.case.reinstate(item, index)
        else:
            self.case.reinstate_expected(item, index)
        self._change(f"{kind}:{item.argument}")

    def action_add(self) -> None:
        if self.case.side is None:
            self.action_side()
            return
        self.app.push_screen(AddDialog(self.debate, self.case), self._added)

    def _added(self, argument_id: str | None) -> None:
        if argument_id is None:
            return
        self.notify(self.case.collect(self.debate, argument_id), timeout=3)
        kind = "case" if self.case.entry(argument_id) else "expected"
        self._change(f"{kind}:{argument_id}")

    def action_expect_all(self) -> None:
        if self.case.side is None:
            self.action_side()
            return
        added = self.case.expect_all(self.debate)
        total = len(opposing_arguments(self.debate, self.case.side))
        self.notify(f"Added {added} of the other side's {total} arguments." if added
                    else "Every opposing argument is already on your list.", timeout=4)
        self._change()

    def action_side(self) -> None:
        assigned = self.casebook.assigned_side
        if assigned is not None:  # what side_is_assigned tells
            name = self.debate.positions[assigned].name
            self.notify(f"Your teacher has assigned you {name}.", timeout=4)
            return
        self.app.push_screen(SideDialog(self.debate), self._side_chosen)

    def _side_chosen(self, position_id: str | None) -> None:
        if position_id is None:
            return
        try:
            self.casebook.choose_side(position_id)
        except CaseError as error:
            self.notify(str(error), severity="warning")
        self._refresh_list()

    def action_handout(self) -> None:
        self._flush()
        suggested = Path.cwd() / f"my-case-{self.debate.folder.name}.md"
        self.app.push_screen(ExportDialog(suggested), self._write_handout)

    def _write_handout(self, path: Path | None) -> None:
        if path is None:
            return
        try:
            write_atomically(path, to_handout(self.debate, self.case))
        except OSError as error:
            self.notify(f"The handout could not be written to {path}: "
                        f"{error.strerror or error}.", severity="error", timeout=10)
            return
        self.notify(f"Handout written to {path}.", timeout=8)

    def action_drill(self) -> None:
        from .drill import DrillScreen

        self._flush()
        self.app.push_screen(DrillScreen(self.casebook), lambda _: self._refresh_list())

    def action_open_argument(self) -> None:
        selected = self._selected()
        if selected is None or selected[1] not in self.debate.arguments:
            return
        self._flush()
        self.dismiss()
        self.app.post_message(OpenPlace("argument", selected[1]))

    def on_unmount(self) -> None:
        if self._save_timer is not None:  # leaving mid-sentence: keep the sentence
            self._save_timer.stop()
            self.casebook.save()


def collect_argument(app: App[Any], casebook: CaseBook, argument_id: str) -> None:
    """The explorer's "add to case" key: asks for the side first if none is chosen,
    then adds the argument (to the case, or to the list to answer) and says which."""
    def collect(position_id: str | None = None) -> None:
        if position_id is not None:
            casebook.choose_side(position_id)
        if casebook.case.side is not None:
            app.notify(casebook.collect(argument_id), timeout=3)

    if casebook.case.side is None:
        app.push_screen(SideDialog(casebook.debate), collect)
    else:
        collect()

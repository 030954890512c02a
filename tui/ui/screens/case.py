"""The student's case: their arguments in speaking order with evidence and notes,
and what they expect from the other side with their planned rebuttals.

The list on the left is the case; the panel on the right edits the highlighted
item. Typing is saved half a second after the last key (and on leaving), each
save atomic and merged with any other copy of the app (`tui.core.work.storage`);
what another copy saves appears here within a second (`case_background`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Static, TextArea

from tui.core.controls import visible
from tui.core.wording import plural, side_word, the_others
from tui.core.work.case import Case, CaseError, ItemKey, Kind, Removal, opposing_arguments
from tui.core.work.casebook import CaseBook, notify_through
from tui.core.work.settings import Remembered

from ..messages import OpenPlace
from ..widgets.lists import KeyList
from . import case_background
from . import case_rows as rows
from .base import ExplorerScreen
from .case_background import TypingSaver, in_background
from .case_dialogs import AddDialog, SideDialog
from .case_list import CaseList
from .case_panel import ItemPanel

SAVE_DELAY = 0.5  # seconds after the last key press


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
        Binding("E", "expect_all", "Expect every argument you will answer",
                key_display="E", show=False),
        Binding("s", "side", "Choose your side", show=False),
        Binding("o", "open_argument", "Open in the explorer", show=False),
        # The explorer's keys work here too; the footer has no room for them.
        Binding("slash", "app.search", "Search", key_display="/", show=False),
        Binding("f", "app.open_view('facts')", "Facts", show=False),
    ]

    def __init__(self, casebook: CaseBook, remembered: Remembered | None = None) -> None:
        super().__init__()
        self.casebook = casebook
        self.remembered = remembered  # the app's settings (the name on a handout)
        self.debate = casebook.debate
        self._editing: ItemKey | None = None  # the item the panel shows
        self.typing = TypingSaver(self, casebook, lambda: SAVE_DELAY, self._show_row)
        self._removed: tuple[Kind, Removal[Any]] | None = None  # the last, for undo

    @property
    def case(self) -> Case:
        return self.casebook.case

    def compose(self) -> ComposeResult:
        yield Static(id="case-head")
        with Horizontal(id="case-body"):
            yield CaseList(id="case-list")
            yield ItemPanel(self.debate, id="case-detail")
        yield Footer(compact=True, show_command_palette=False)

    def on_mount(self) -> None:
        self._refresh_list()
        self.case_list.focus()
        if not self.casebook.connected:  # shown on its own (tests): tell through this app
            self.casebook.connect(notify_through(self.app))
        in_background(self.app, self.casebook)
        self.casebook.watch(self._others_changed)
        self.set_interval(case_background.LOOK_EVERY, self.casebook.refresh)
        gone = self.case.vanished(self.debate)
        if gone:  # an edited pack: the student's words are kept, and they should know
            self.notify(f"{plural(len(gone), 'item')} of your case no longer in the pack "
                        "(an edited pack). Your words for them are kept and marked "
                        "“No longer in the pack”.", severity="warning", timeout=15)
        if self.case.side is None:
            self.action_side()

    def on_screen_resume(self) -> None:
        self.casebook.refresh()

    # -- showing ------------------------------------------------------------------

    @property
    def case_list(self) -> CaseList:
        return self.query_one("#case-list", CaseList)

    @property
    def panel(self) -> ItemPanel:
        return self.query_one(ItemPanel)

    def _refresh_list(self, highlight: ItemKey | None = None) -> None:
        self.query_one("#case-head", Static).update(self._head())
        self.case_list.show(self.debate, self.case, highlight or self.case_list.highlighted_key())
        self._show_detail()

    def _head(self) -> Text:
        """One line: the side's full name when it fits the width, else its short label."""
        side = self.debate.positions.get(self.case.side or "")
        if side is None:
            return Text(f"Your case · no {side_word(len(self.debate.positions))} chosen yet "
                        "(press s)")
        assigned = " · set by your teacher" if self.casebook.side_is_assigned else ""
        room = self.app.size.width - 2
        on_motion = f" ({side.on_motion})" if side.on_motion else ""
        for name in (side.name, side.label):
            line = f"Your case · you argue {name}{on_motion}{assigned}"
            if len(line) <= room:
                break
        return Text(visible(line), no_wrap=True, overflow="ellipsis")

    def on_resize(self) -> None:
        self.query_one("#case-head", Static).update(self._head())

    def _show_detail(self) -> None:
        key = self.case_list.highlighted_key()
        self._editing = key
        self.set_class(key is None, "-empty")
        self.refresh_bindings()
        self.panel.show(self.case, key)

    def _others_changed(self) -> None:
        """Another copy of the app saved: show its work, keeping the student's place."""
        self._refresh_list(self._editing)

    def on_option_list_option_highlighted(self, event: KeyList.OptionHighlighted) -> None:
        if (event.option_list.id == "case-list"
                and self.case_list.highlighted_key() != self._editing):
            self.typing.flush()
            self._show_detail()

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "case-list":
            self.action_write()
        elif self._editing and self._editing.kind is Kind.MINE:
            self._toggle_quote(self._editing.argument, event.option_id or "")
        elif self._editing:
            self.notify("These are the pack's answers, to read. Write your own rebuttal "
                        "below (n).", timeout=4)

    # -- writing, saved after a pause ---------------------------------------------

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        key = self._editing
        if key is None or event.text_area.disabled:
            return
        items = self.case.list_of(key.kind)
        item = items.find(key.argument)
        if item is None or item.text == event.text_area.text:
            return  # the panel was only loaded with the saved text
        items.set_text(key.argument, event.text_area.text)
        self.typing.typed()

    def _show_row(self) -> None:
        """After typing is saved: its row says "notes" once there are some."""
        if self._editing is not None:
            self.case_list.show_row(self.debate, self.case, self._editing)

    def _change(self, highlight: ItemKey | None = None) -> None:
        """After an edit of the case's structure: save now and show it."""
        self.typing.flush()
        self.casebook.save()
        self._refresh_list(highlight)

    # -- actions --------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys about the highlighted item leave the footer while there is none."""
        if action in ("write", "evidence", "remove", "move", "open_argument"):
            return self._editing is not None
        return True

    def action_close(self) -> None:
        if self.focused is not self.case_list:
            self.case_list.focus()
            return
        self.typing.flush()
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
        if quote_id in self.case.entries.get(argument_id).quotes:
            self.case.detach(argument_id, quote_id)
        elif quote_id in self.debate.quotes:
            self.case.attach(self.debate, argument_id, quote_id)
        self._change()

    def action_move(self, step: int) -> None:
        key = self.case_list.highlighted_key()
        if key is not None:
            self.case.list_of(key.kind).move(key.argument, step)
            self._change(key)

    def action_remove(self) -> None:
        key = self.case_list.highlighted_key()
        if key is None:
            return
        removal = self.case.list_of(key.kind).remove(key.argument)
        if removal is not None:
            self._removed = (key.kind, removal)
            self.notify(rows.words(self.debate, key.kind).removed, timeout=6)
        self._change()

    def action_undo(self) -> None:
        if self._removed is None:
            self.notify("Nothing to undo.", timeout=3)
            return
        kind, removal = self._removed
        self._removed = None
        self.case.list_of(kind).reinstate(removal)
        self._change(ItemKey(kind, removal.item.argument))

    def action_add(self) -> None:
        if self.case.side is None:
            self.action_side()
            return
        self.app.push_screen(AddDialog(self.debate, self.case), self._added)

    def _added(self, argument_id: str | None) -> None:
        if argument_id is None:
            return
        self.notify(rows.collected(self.debate, self.case.collect(self.debate, argument_id)),
                    timeout=3)
        self._change(ItemKey(self.case.kind_of(self.debate, argument_id), argument_id))

    def action_expect_all(self) -> None:
        if self.case.side is None:
            self.action_side()
            return
        added = self.case.expect_all(self.debate)
        total = len(opposing_arguments(self.debate, self.case.side))
        others = the_others(len(self.debate.positions), possessive=True)
        self.notify(f"Added {added} of {others} {total} arguments." if added
                    else "Every opposing argument is already on your list.", timeout=4)
        self._change()

    def action_side(self) -> None:
        if self.casebook.assigned_side is not None:
            name = self.debate.positions[self.casebook.assigned_side].name
            self.notify(f"Your teacher has assigned you {name}.", timeout=4, markup=False)
            return
        self.app.push_screen(SideDialog(self.debate), self._side_chosen)

    def _side_chosen(self, position_id: str | None) -> None:
        if position_id is None:
            return
        try:
            self.casebook.choose_side(position_id)
        except CaseError as error:
            self.notify(str(error), severity="warning", markup=False)
        self._refresh_list()

    def action_handout(self) -> None:
        from ..handouts import ask_for_handout

        self.typing.flush()
        ask_for_handout(self.app, self.casebook, self.remembered)

    def action_drill(self) -> None:
        from .drill import DrillScreen

        self.typing.flush()
        self.app.push_screen(DrillScreen(self.casebook, remembered=self.remembered),
                             lambda _: self._refresh_list())

    def action_open_argument(self) -> None:
        selected = self.case_list.highlighted_key()
        if selected is None or selected.argument not in self.debate.arguments:
            return
        self.typing.flush()
        self.dismiss()
        self.post_message(OpenPlace("argument", selected.argument))

    def on_unmount(self) -> None:
        self.casebook.unwatch(self._others_changed)
        self.typing.leave()  # leaving mid-sentence: keep the sentence


def collect_argument(app: App[Any], casebook: CaseBook, argument_id: str,
                     done: Callable[[], None] | None = None) -> None:
    """The explorer's "add to case" key: asks for the side first if none is chosen,
    then adds the argument (to the case, or to the list to answer) and says which;
    then `done` (the lists mark it)."""
    in_background(app, casebook)

    def collect(position_id: str | None = None) -> None:
        if position_id is not None:
            casebook.choose_side(position_id)
        if casebook.case.side is not None:
            app.notify(rows.collected(casebook.debate, casebook.collect(argument_id)), timeout=3)
        if done is not None:
            done()

    if casebook.case.side is None:
        app.push_screen(SideDialog(casebook.debate), collect)
    else:
        collect()

"""The case screen's two lists: the case itself (items named by `ItemKey`), and the
quotes or answers offered beside the highlighted item."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets.option_list import Option

from tui.core.pack.model import Debate
from tui.core.work.case import Case, CaseEntry, Expected, ItemKey, Kind

from ..messages import OpenPlace
from ..widgets.lists import KeyList, heading
from . import case_rows as rows


class CaseList(KeyList):
    """The case's two lists under their headings."""

    BINDINGS = [Binding("enter", "select", "Write")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # An empty case has nothing to write about: the footer leaves the key out.
        return self.highlighted is not None if action == "select" else True

    @staticmethod
    def option_id(key: ItemKey) -> str:
        return f"{key.kind.value}:{key.argument}"

    def show(self, debate: Debate, case: Case, keep: ItemKey | None) -> None:
        """Both lists, the highlight kept on `keep` if it is still there."""
        options: list[Option] = []
        for kind in Kind:
            words, items = rows.words(debate, kind), case.list_of(kind)
            options.append(heading(words.heading, len(items), words.empty))
            # Each row from its item, not looked up by id: 10,000 expected arguments
            # (a pack of many positions, all expected) would take quadratic time.
            listed: list[CaseEntry | Expected] = list(items)
            options += [Option(rows.item_row(debate, case, number, item),
                               id=self.option_id(ItemKey(kind, item.argument)))
                        for number, item in enumerate(listed, 1)]
        self.set_options(options)
        if not (keep and self.highlight_id(self.option_id(keep))):
            self.action_first()

    def show_row(self, debate: Debate, case: Case, key: ItemKey) -> None:
        """One row again (it says "notes" once there are some)."""
        if case.has(key):
            self.replace_option_prompt(self.option_id(key), rows.row(debate, case, key))

    def highlighted_key(self) -> ItemKey | None:
        current = self.highlighted_id()
        if current is None:
            return None
        kind, argument = current.split(":", 1)
        return ItemKey(Kind(kind), argument)


class EvidenceList(KeyList):
    """Beside a case item: quotes to tick (the student's own argument), or the pack's
    answers to read (an argument of the other side's), each with its own Enter."""

    BINDINGS = [
        Binding("enter", "select", "Tick/untick"),
        Binding("enter", "open_answer", "Open this answer"),
    ]
    answers_to_read = False  # set by the panel for each item it shows

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select":
            return not self.answers_to_read
        if action == "open_answer":
            return self.answers_to_read and self.highlighted_id() is not None
        return super().check_action(action, parameters)

    def action_open_answer(self) -> None:
        answer = self.highlighted_id()
        if answer is not None:
            self.post_message(OpenPlace("argument", answer))

    def on_focus(self) -> None:
        # Tabbing in lands on something: nothing highlighted offered keys that did nothing.
        if self.highlighted is None:
            self.action_first()

"""The right of the case screen: the highlighted item's claim, what is offered
beside it (quotes to tick, or the pack's answers to read) and the student's text."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static, TextArea

from tui.core.controls import visible
from tui.core.pack.model import Debate
from tui.core.work.case import Case, ItemKey, Kind

from . import case_rows as rows
from .case_list import EvidenceList


class ItemPanel(Vertical):
    """Shows one item of the case, or what to do while the case is empty."""

    def __init__(self, debate: Debate, *, id: str) -> None:
        super().__init__(id=id)
        self.debate = debate
        self.key: ItemKey | None = None  # the item shown

    def compose(self) -> ComposeResult:
        yield Static(id="detail-head")
        yield EvidenceList(id="evidence")
        yield TextArea(id="notes", soft_wrap=True, tab_behavior="focus")

    @property
    def text_area(self) -> TextArea:
        return self.query_one("#notes", TextArea)

    @property
    def offered(self) -> EvidenceList:
        return self.query_one("#evidence", EvidenceList)

    def show(self, case: Case, key: ItemKey | None) -> None:
        head, offered, notes = self.query_one("#detail-head", Static), self.offered, self.text_area
        if key is None:
            self.key = None
            head.update(rows.empty_case(case.side, len(self.debate.positions)))
            offered.set_options([])
            notes.load_text("")
            notes.disabled = True
            return
        kept = offered.highlighted if self.key == key else None
        self.key = key
        words = rows.words(self.debate, key.kind)
        head.update(rows.detail_head(self.debate, key.argument,
                                     opposing=key.kind is Kind.EXPECTED))
        notes.disabled = False
        offered.border_title = words.offered
        offered.set_options(rows.offered_options(self.debate, case, key))
        offered.answers_to_read = key.kind is Kind.EXPECTED
        offered.refresh_bindings()
        notes.border_title = words.text
        if kept is not None and kept < offered.option_count:
            offered.highlighted = kept  # an attach keeps the student's place
        self.show_text(case.list_of(key.kind).get(key.argument).text)

    def show_text(self, text: str) -> None:
        """The student's text, the cursor kept where it was (another copy's save
        may bring in text while they write)."""
        notes = self.text_area
        text = visible(text)  # a case file's ESC would otherwise reach the terminal
        if notes.text != text:
            row, column = notes.cursor_location
            notes.load_text(text)
            row = min(row, notes.document.line_count - 1)
            notes.cursor_location = (row, min(column, len(notes.document.get_line(row))))

"""The editor's small dialogs: choose one of a list, or fill in a few fields.

Each answers by `dismiss` (an option's id, or the fields' values), or None on
Escape. Text shown from the pack is data, never markup.
"""

from __future__ import annotations

from typing import TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static
from textual.widgets.option_list import Option

from tui.core.controls import visible

from ..text import data_text
from ..widgets.lists import KeyList

Answer = TypeVar("Answer")


class EditorDialog(ModalScreen[Answer | None]):
    """A centred box over the editor; it answers, or None when cancelled."""

    CSS_PATH = "editor.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def action_cancel(self) -> None:
        self.dismiss(None)


def choice(label: str | Text, option_id: str, hint: str = "") -> Option:
    """An option whose words may come from the pack (data, never markup)."""
    text = label if isinstance(label, Text) else data_text(label)
    if hint:
        text.append(f"\n  {visible(hint)}", style="dim")
    return Option(text, id=option_id)


class ChoiceDialog(EditorDialog[str]):
    """A question and a list; Enter answers with the option's id."""

    def __init__(self, question: str, options: list[Option], highlight: str = "") -> None:
        super().__init__()
        self.question = question
        self.options = options
        self.highlight = highlight

    def compose(self) -> ComposeResult:
        with Vertical(classes="editor-dialog"):
            yield Static(data_text(self.question), classes="editor-dialog-title")
            yield KeyList(*self.options, id="choices")
            yield Static("Enter chooses · Escape cancels", classes="editor-dialog-keys")

    def on_mount(self) -> None:
        choices = self.query_one(KeyList)
        if not (self.highlight and choices.highlight_id(self.highlight)):
            choices.action_first()
        choices.focus()

    def on_option_list_option_selected(self, event: KeyList.OptionSelected) -> None:
        event.stop()
        if event.option_id:
            self.dismiss(event.option_id)


class FormDialog(EditorDialog[dict[str, str]]):
    """A few labelled fields; Enter goes to the next field and, on the last, answers."""

    BINDINGS = [Binding("escape", "cancel", "Cancel"),
                Binding("ctrl+s", "submit", "Done", show=False)]

    def __init__(self, title: str, fields: list[tuple[str, str, str]]) -> None:
        """`fields`: (key, label, value to start with)."""
        super().__init__()
        self.title_text = title
        self.fields = fields

    def compose(self) -> ComposeResult:
        with Vertical(classes="editor-dialog"):
            yield Static(data_text(self.title_text), classes="editor-dialog-title")
            with VerticalScroll(classes="editor-fields"):
                for key, label, value in self.fields:
                    yield Static(Text(label, style="bold"), classes="editor-label")
                    yield Input(visible(value), id=f"field-{key}", select_on_focus=False,
                                compact=True)
            yield Static("Enter: next field, and done on the last · Escape cancels",
                         classes="editor-dialog-keys")

    def on_mount(self) -> None:
        self.query(Input).first().focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        inputs = list(self.query(Input))
        index = inputs.index(event.input)
        if index + 1 < len(inputs):
            inputs[index + 1].focus()
        else:
            self.action_submit()

    def action_submit(self) -> None:
        self.dismiss({key: self.query_one(f"#field-{key}", Input).value.strip()
                      for key, _label, _value in self.fields})

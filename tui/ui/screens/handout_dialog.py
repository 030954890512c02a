"""Where to write a file the student takes away (their case to print, the debate
exported), and for the handout the name to print on it. Enter moves on, then writes."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from tui.core.controls import visible

from .case_dialogs import CaseDialog

Answer = tuple[str, Path]  # (the name to print, or "", the file to write)


class FileDialog(CaseDialog[Answer]):
    """A title, the student's name when `name` is not None, and the file's path."""

    def __init__(self, title: str, path: Path, name: str | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.path = path
        self.name_asked = name

    def compose(self) -> ComposeResult:
        with Vertical(classes="case-dialog"):
            yield Static(self.title_text, classes="case-dialog-title")
            if self.name_asked is not None:
                yield Static("Your name, printed at the top:")
                yield Input(visible(self.name_asked), id="student-name",
                            placeholder="your name (leave empty for none)")
                yield Static("Write to:")
            yield Input(visible(str(self.path)), id="file-path")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "student-name":
            self.query_one("#file-path", Input).focus()
            return
        if event.value.strip():
            names = self.query("#student-name")
            name = names.first(Input).value.strip() if names else ""
            self.dismiss((name, Path(event.value.strip()).expanduser()))

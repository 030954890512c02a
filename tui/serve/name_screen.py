"""The first screen a student sees in the browser: who are you? Their answer picks
their own folder of the class's work, so the same name next time finds it again."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.core.work.classroom import LONGEST_NAME, UnusableName, clean_name


class NameScreen(Screen[str]):
    """Asks for the student's name; answers with it, cleaned."""

    CSS_PATH = "name_screen.tcss"

    def __init__(self, title: str) -> None:
        super().__init__()
        self.debate_title = title

    def compose(self) -> ComposeResult:
        with Vertical(id="welcome"):
            yield Static(self.debate_title, id="welcome-title", markup=False)
            yield Static("Type your name and press Enter. Type it the same way next "
                         "time, and your case and drill are where you left them.",
                         id="welcome-text")
            yield Input(placeholder="Your name", max_length=LONGEST_NAME, id="student-name")
            yield Static("", id="welcome-problem")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _named(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            name = clean_name(event.value)
        except UnusableName as problem:
            self.query_one("#welcome-problem", Static).update(str(problem))
            return
        self.dismiss(name)

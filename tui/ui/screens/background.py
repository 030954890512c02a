"""`b`: the pack's background (why Westminster decides, what a consumption room is),
offered on a pack's first opening (ExplorerApp) and there to read at any time."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Static

from tui.core.pack.model import Debate

from ..text import data_text
from .reading_dialog import SCROLL_KEYS, ReadingDialog


def background_text(debate: Debate) -> Text:
    """The motion, then the pack's background in its own paragraphs."""
    text = Text.assemble(("Motion: ", "bold"), data_text(debate.info.motion), "\n\n")
    text.append(data_text(debate.info.background.strip()
                          or "This pack gives no background: its summary is all there is.\n\n"
                          + debate.info.summary))
    return text


class BackgroundScreen(ReadingDialog):
    CSS_PATH = "background.tcss"
    BODY = "background-text"
    BINDINGS = [Binding("escape,enter,b,q", "close", "Close"), *SCROLL_KEYS]

    def __init__(self, debate: Debate) -> None:
        super().__init__()
        self.debate = debate

    def compose(self) -> ComposeResult:
        title = Text("Background", style="bold")
        title.append(data_text(f" — {self.debate.info.title}", "bold"))
        with Vertical(id="background-dialog"):
            yield Static(title, id="background-title")
            with VerticalScroll(id="background-text"):
                yield Static(background_text(self.debate))
            yield Static(Text("↓↑ scroll · esc or enter: close · b: read it again any time",
                              style="dim"), id="background-hint")

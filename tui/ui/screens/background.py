"""`b`: the pack's background (why Westminster decides, what a consumption room is),
offered on a pack's first opening (ExplorerApp) and there to read at any time."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.core.pack.model import Debate

from ..text import data_text


def background_text(debate: Debate) -> Text:
    """The motion, then the pack's background in its own paragraphs."""
    text = Text.assemble(("Motion: ", "bold"), data_text(debate.info.motion), "\n\n")
    text.append(data_text(debate.info.background.strip()
                          or "This pack gives no background: its summary is all there is.\n\n"
                          + debate.info.summary))
    return text


class BackgroundScreen(ModalScreen[None]):
    CSS_PATH = "background.tcss"
    BINDINGS = [
        Binding("escape,enter,b,q", "close", "Close"),
        Binding("j,down", "scroll(1)", "Scroll down", show=False),
        Binding("k,up", "scroll(-1)", "Scroll up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
    ]

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

    def action_scroll(self, step: int) -> None:
        self.query_one("#background-text", VerticalScroll).scroll_relative(y=step,
                                                                           animate=False)

    def action_page(self, step: int) -> None:
        scroller = self.query_one("#background-text", VerticalScroll)
        scroller.scroll_relative(y=step * max(scroller.size.height - 1, 1), animate=False)

    def action_close(self) -> None:
        self.dismiss(None)
